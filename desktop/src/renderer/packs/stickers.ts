import type { Translation } from '../i18n/en';
import { cheeks, eyes, happyEyes, smile, svgDoc } from './svg';

/** A picture bundled with the app: its message id (`stickerId`/`gifId`), its name's i18n key and its SVG. */
/** The i18n key of a sticker's or GIF's name. */
export type PackLabelKey = `packs.${keyof Translation['packs'] & string}`;

export type PackItem = Readonly<{ id: string; labelKey: PackLabelKey; svg: string }>;

const INK = '#2b2118';

const cat = svgDoc(
  `<path d="M40 80 L52 20 L92 58 Z" fill="#f59e0b"/><path d="M160 80 L148 20 L108 58 Z" fill="#f59e0b"/>
   <path d="M52 40 L60 62 L76 56 Z" fill="#ffc9d6"/><path d="M148 40 L140 62 L124 56 Z" fill="#ffc9d6"/>
   <circle cx="100" cy="108" r="70" fill="#fbbf24"/>
   ${happyEyes(100, 98, 28)}${cheeks(100, 122, 44)}
   <path d="M94 116 L106 116 L100 123 Z" fill="#e85d75"/>${smile(86, 114, 128, 10)}
   <path d="M30 112 H62 M30 126 H62 M138 112 H170 M138 126 H170" stroke="${INK}" stroke-width="3" stroke-linecap="round"/>`,
);

const dog = svgDoc(
  `<ellipse cx="42" cy="100" rx="24" ry="46" fill="#8b5a2b" transform="rotate(15 42 100)"/>
   <ellipse cx="158" cy="100" rx="24" ry="46" fill="#8b5a2b" transform="rotate(-15 158 100)"/>
   <circle cx="100" cy="104" r="66" fill="#d9a066"/>
   <ellipse cx="100" cy="128" rx="34" ry="26" fill="#f3dcc2"/>
   ${eyes(100, 92, 26)}<ellipse cx="100" cy="116" rx="12" ry="9" fill="${INK}"/>
   ${smile(84, 116, 130, 10)}<path d="M94 136 Q100 158 106 136 Z" fill="#e85d75"/>`,
);

const bear = svgDoc(
  `<circle cx="46" cy="50" r="24" fill="#8b5a2b"/><circle cx="154" cy="50" r="24" fill="#8b5a2b"/>
   <circle cx="46" cy="50" r="12" fill="#d9a066"/><circle cx="154" cy="50" r="12" fill="#d9a066"/>
   <circle cx="100" cy="108" r="72" fill="#a0662f"/>
   <ellipse cx="100" cy="134" rx="32" ry="24" fill="#e8c39e"/>
   ${eyes(100, 96, 28)}<ellipse cx="100" cy="124" rx="12" ry="8" fill="${INK}"/>${smile(88, 112, 138, 8)}
   ${cheeks(100, 120, 48)}`,
);

const fox = svgDoc(
  `<path d="M36 90 L44 18 L96 64 Z" fill="#ea580c"/><path d="M164 90 L156 18 L104 64 Z" fill="#ea580c"/>
   <path d="M100 178 L30 96 Q100 30 170 96 Z" fill="#f97316"/>
   <path d="M100 178 L52 118 Q76 132 100 150 Q124 132 148 118 Z" fill="#fff7ed"/>
   <circle cx="72" cy="98" r="9" fill="${INK}"/>
   <path d="M118 100 Q128 90 138 100" stroke="${INK}" stroke-width="5" fill="none" stroke-linecap="round"/>
   <circle cx="100" cy="160" r="9" fill="${INK}"/>`,
);

const frog = svgDoc(
  `<circle cx="62" cy="62" r="30" fill="#4ade80"/><circle cx="138" cy="62" r="30" fill="#4ade80"/>
   <ellipse cx="100" cy="120" rx="80" ry="60" fill="#4ade80"/>
   <circle cx="62" cy="60" r="18" fill="#fff"/><circle cx="138" cy="60" r="18" fill="#fff"/>
   <circle cx="66" cy="62" r="9" fill="${INK}"/><circle cx="134" cy="62" r="9" fill="${INK}"/>
   <path d="M48 122 Q100 178 152 122 Q100 150 48 122 Z" fill="#be123c"/>${cheeks(100, 116, 62)}`,
);

const panda = svgDoc(
  `<circle cx="44" cy="48" r="24" fill="${INK}"/><circle cx="156" cy="48" r="24" fill="${INK}"/>
   <circle cx="100" cy="106" r="72" fill="#fff" stroke="#d6d3d1" stroke-width="3"/>
   <ellipse cx="70" cy="98" rx="20" ry="26" fill="${INK}" transform="rotate(-20 70 98)"/>
   <ellipse cx="130" cy="98" rx="20" ry="26" fill="${INK}" transform="rotate(20 130 98)"/>
   <path d="M62 102 Q70 108 78 102 M122 102 Q130 108 138 102" stroke="#fff" stroke-width="4" fill="none" stroke-linecap="round"/>
   <ellipse cx="100" cy="128" rx="10" ry="7" fill="${INK}"/>${smile(90, 110, 140, 6)}
   <text x="150" y="40" font-size="26" font-family="sans-serif" font-weight="bold" fill="#6366f1">z</text>
   <text x="168" y="22" font-size="18" font-family="sans-serif" font-weight="bold" fill="#6366f1">z</text>`,
);

const pizza = svgDoc(
  `<path d="M100 185 L28 40 Q100 8 172 40 Z" fill="#fcd34d"/>
   <path d="M28 40 Q100 8 172 40 L164 56 Q100 26 36 56 Z" fill="#d97706"/>
   <circle cx="86" cy="70" r="13" fill="#dc2626"/><circle cx="122" cy="92" r="13" fill="#dc2626"/>
   <circle cx="96" cy="126" r="11" fill="#dc2626"/><circle cx="128" cy="60" r="6" fill="#16a34a"/>
   <circle cx="72" cy="98" r="6" fill="#16a34a"/>`,
);

const iceCream = svgDoc(
  `<path d="M66 108 L100 190 L134 108 Z" fill="#d97706"/>
   <path d="M74 120 L126 120 M82 140 L118 140 M90 160 L110 160" stroke="#92400e" stroke-width="4"/>
   <circle cx="100" cy="92" r="36" fill="#f9a8d4"/><circle cx="76" cy="62" r="28" fill="#fef3c7"/>
   <circle cx="124" cy="62" r="28" fill="#a7f3d0"/><circle cx="100" cy="26" r="10" fill="#dc2626"/>
   ${happyEyes(100, 92, 14)}${smile(92, 108, 104, 6)}`,
);

const cake = svgDoc(
  `<rect x="34" y="96" width="132" height="80" rx="14" fill="#f9a8d4"/>
   <path d="M34 110 Q50 126 66 110 Q83 126 100 110 Q117 126 134 110 Q150 126 166 110 V100 H34 Z" fill="#fff"/>
   <rect x="92" y="52" width="16" height="44" rx="4" fill="#60a5fa"/>
   <path d="M100 22 Q114 40 100 50 Q86 40 100 22 Z" fill="#f59e0b"/>
   <circle cx="66" cy="146" r="6" fill="#fbbf24"/><circle cx="100" cy="152" r="6" fill="#34d399"/><circle cx="134" cy="146" r="6" fill="#60a5fa"/>`,
);

const heart = svgDoc(
  `<path d="M100 178 C30 128 14 88 34 56 C54 26 90 34 100 62 C110 34 146 26 166 56 C186 88 170 128 100 178 Z" fill="#f43f5e"/>
   ${happyEyes(100, 92, 24)}${smile(88, 112, 110, 10)}${cheeks(100, 106, 40)}`,
);

const star = svgDoc(
  `<path d="M100 12 L126 70 L188 76 L140 118 L154 180 L100 148 L46 180 L60 118 L12 76 L74 70 Z" fill="#facc15" stroke="#eab308" stroke-width="4" stroke-linejoin="round"/>
   ${eyes(100, 98, 18, 7)}${smile(88, 112, 116, 10)}`,
);

const rainbow = svgDoc(
  `${['#ef4444', '#f97316', '#facc15', '#22c55e', '#3b82f6', '#8b5cf6']
    .map(
      (c, i) =>
        `<path d="M${20 + i * 10} 150 A${80 - i * 10} ${80 - i * 10} 0 0 1 ${180 - i * 10} 150" stroke="${c}" stroke-width="11" fill="none"/>`,
    )
    .join('')}
   <ellipse cx="34" cy="154" rx="30" ry="18" fill="#fff" stroke="#cbd5e1" stroke-width="3"/>
   <ellipse cx="166" cy="154" rx="30" ry="18" fill="#fff" stroke="#cbd5e1" stroke-width="3"/>`,
);

/** The sticker pack: made for Hearth, shipped with the app. */
export const STICKERS: readonly PackItem[] = Object.freeze([
  { id: 'animals/happy-cat', labelKey: 'packs.happyCat', svg: cat },
  { id: 'animals/silly-dog', labelKey: 'packs.sillyDog', svg: dog },
  { id: 'animals/teddy-bear', labelKey: 'packs.teddyBear', svg: bear },
  { id: 'animals/winking-fox', labelKey: 'packs.winkingFox', svg: fox },
  { id: 'animals/laughing-frog', labelKey: 'packs.laughingFrog', svg: frog },
  { id: 'animals/sleepy-panda', labelKey: 'packs.sleepyPanda', svg: panda },
  { id: 'food/pizza', labelKey: 'packs.pizza', svg: pizza },
  { id: 'food/ice-cream', labelKey: 'packs.iceCream', svg: iceCream },
  { id: 'food/birthday-cake', labelKey: 'packs.birthdayCake', svg: cake },
  { id: 'fun/love-heart', labelKey: 'packs.loveHeart', svg: heart },
  { id: 'fun/super-star', labelKey: 'packs.superStar', svg: star },
  { id: 'fun/rainbow', labelKey: 'packs.rainbow', svg: rainbow },
]);
