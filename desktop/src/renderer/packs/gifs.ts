import type { PackItem } from './stickers';
import { eyes, happyEyes, smile, svgDoc } from './svg';

// Animated pictures ("GIFs"): SVG with CSS animation, made for Hearth and shipped with the app.
// Each respects prefers-reduced-motion (svgDoc adds the rule).
const ORIGIN = 'transform-box:fill-box;transform-origin:center;';

const bouncingBall = svgDoc(
  `<ellipse class="s" cx="100" cy="182" rx="40" ry="8" fill="#00000022"/>
   <g class="b"><circle cx="100" cy="60" r="40" fill="#ef4444"/><path d="M62 52 Q100 80 138 52" stroke="#fff" stroke-width="8" fill="none"/>
   <path d="M70 86 Q100 64 130 86" stroke="#fff" stroke-width="8" fill="none"/></g>`,
  `.b{animation:b 0.9s cubic-bezier(.5,0,.5,1) infinite alternate}@keyframes b{from{transform:translateY(0)}to{transform:translateY(92px)}}
   .s{${ORIGIN}animation:s 0.9s cubic-bezier(.5,0,.5,1) infinite alternate}@keyframes s{from{transform:scale(.5)}to{transform:scale(1)}}`,
);

const spinningStar = svgDoc(
  `<g class="r"><path d="M100 14 L124 72 L186 76 L138 116 L152 178 L100 144 L48 178 L62 116 L14 76 L76 72 Z" fill="#facc15" stroke="#eab308" stroke-width="4"/></g>
   <g class="t"><circle cx="30" cy="30" r="6" fill="#60a5fa"/><circle cx="172" cy="40" r="5" fill="#f472b6"/><circle cx="168" cy="170" r="6" fill="#34d399"/></g>`,
  `.r{${ORIGIN}animation:r 2s linear infinite}@keyframes r{to{transform:rotate(360deg)}}
   .t{animation:t 1s ease-in-out infinite alternate}@keyframes t{from{opacity:.2}to{opacity:1}}`,
);

const beatingHeart = svgDoc(
  `<g class="h"><path d="M100 176 C30 126 14 86 34 54 C54 24 90 32 100 60 C110 32 146 24 166 54 C186 86 170 126 100 176 Z" fill="#e11d48"/>
   <path d="M58 62 Q66 48 82 50" stroke="#fff" stroke-width="8" fill="none" stroke-linecap="round" opacity=".7"/></g>`,
  `.h{${ORIGIN}animation:h 0.8s ease-in-out infinite}@keyframes h{0%,100%{transform:scale(1)}30%{transform:scale(1.15)}60%{transform:scale(.95)}}`,
);

const confetti = svgDoc(
  ['#ef4444', '#f59e0b', '#22c55e', '#3b82f6', '#a855f7', '#ec4899', '#14b8a6', '#eab308']
    .map((c, i) => `<rect class="c c${i}" x="${14 + i * 23}" y="-20" width="12" height="18" rx="3" fill="${c}"/>`)
    .join('') +
    `<path d="M60 180 L92 92 L148 148 Z" fill="#f59e0b"/><path d="M70 152 L118 170 M80 124 L132 148" stroke="#fff" stroke-width="6"/>
     <circle cx="124" cy="84" r="8" fill="#ec4899"/><circle cx="150" cy="108" r="6" fill="#22c55e"/><circle cx="108" cy="64" r="5" fill="#3b82f6"/>`,
  `.c{animation:c 1.6s linear infinite}@keyframes c{from{transform:translateY(0) rotate(0)}to{transform:translateY(240px) rotate(360deg)}}
   ${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `.c${i}{animation-delay:${(i * 0.37) % 1.6}s}`).join('')}`,
);

const balloons = svgDoc(
  [
    ['#ef4444', 60, 0],
    ['#3b82f6', 100, 0.4],
    ['#facc15', 140, 0.8],
  ]
    .map(
      ([c, x, d]) =>
        `<g class="f" style="animation-delay:${d}s"><ellipse cx="${x}" cy="70" rx="26" ry="32" fill="${c}"/>
         <path d="M${x} 102 Q${Number(x) - 8} 140 ${x} 190" stroke="#64748b" stroke-width="2" fill="none"/></g>`,
    )
    .join(''),
  `.f{animation:f 1.8s ease-in-out infinite alternate}@keyframes f{from{transform:translateY(8px)}to{transform:translateY(-12px)}}`,
);

const sunny = svgDoc(
  `<g class="r">${Array.from({ length: 12 }, (_, i) => `<rect x="96" y="6" width="8" height="30" rx="4" fill="#f59e0b" transform="rotate(${i * 30} 100 100)"/>`).join('')}</g>
   <circle cx="100" cy="100" r="52" fill="#fcd34d"/>${happyEyes(100, 92, 18)}${smile(84, 116, 112, 12)}`,
  `.r{${ORIGIN}animation:r 6s linear infinite}@keyframes r{to{transform:rotate(360deg)}}`,
);

const rain = svgDoc(
  `${[50, 80, 110, 140].map((x, i) => `<path class="d" style="animation-delay:${i * 0.25}s" d="M${x} 120 q-6 14 0 18 q6 -4 0 -18z" fill="#3b82f6"/>`).join('')}
   <g><circle cx="70" cy="84" r="30" fill="#cbd5e1"/><circle cx="110" cy="70" r="38" fill="#e2e8f0"/><circle cx="146" cy="90" r="26" fill="#cbd5e1"/>
   <rect x="52" y="86" width="110" height="30" rx="15" fill="#e2e8f0"/>${eyes(104, 92, 16, 5)}</g>`,
  `.d{animation:d 1s linear infinite}@keyframes d{from{transform:translateY(0);opacity:1}to{transform:translateY(60px);opacity:0}}`,
);

const wavingCat = svgDoc(
  `<path d="M40 86 L50 26 L88 62 Z" fill="#f59e0b"/><path d="M140 86 L130 26 L92 62 Z" fill="#f59e0b"/>
   <circle cx="90" cy="110" r="62" fill="#fbbf24"/>${eyes(90, 100, 24, 8)}${smile(76, 104, 126, 10)}
   <g class="w"><ellipse cx="168" cy="120" rx="18" ry="24" fill="#fbbf24" stroke="#d97706" stroke-width="3"/></g>`,
  `.w{transform-box:fill-box;transform-origin:50% 100%;animation:w .5s ease-in-out infinite alternate}@keyframes w{from{transform:rotate(-25deg)}to{transform:rotate(25deg)}}`,
);

/** The animated pack ("GIFs"). */
export const GIFS: readonly PackItem[] = Object.freeze([
  { id: 'moves/bouncing-ball', labelKey: 'packs.bouncingBall', svg: bouncingBall },
  { id: 'moves/spinning-star', labelKey: 'packs.spinningStar', svg: spinningStar },
  { id: 'moves/beating-heart', labelKey: 'packs.beatingHeart', svg: beatingHeart },
  { id: 'party/confetti', labelKey: 'packs.confetti', svg: confetti },
  { id: 'party/balloons', labelKey: 'packs.balloons', svg: balloons },
  { id: 'weather/sunny-day', labelKey: 'packs.sunnyDay', svg: sunny },
  { id: 'weather/rainy-cloud', labelKey: 'packs.rainyCloud', svg: rain },
  { id: 'animals/waving-cat', labelKey: 'packs.wavingCat', svg: wavingCat },
]);
