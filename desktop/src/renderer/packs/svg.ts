/** The picture as a data: URL for an <img> (the CSP allows data: images; nothing is fetched). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A 200×200 SVG document around `body`, with an optional stylesheet (for animations). */
export function svgDoc(body: string, style = ''): string {
  const reduced = style ? '@media (prefers-reduced-motion: reduce){*{animation:none!important}}' : '';
  const css = style || reduced ? `<style>${style}${reduced}</style>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">${css}${body}</svg>`;
}

/** Two round eyes with a shine, centred at (cx ± dx, cy). */
export function eyes(cx: number, cy: number, dx: number, r = 9): string {
  return [-dx, dx]
    .map(
      (d) =>
        `<circle cx="${cx + d}" cy="${cy}" r="${r}" fill="#2b2118"/><circle cx="${cx + d + r / 3}" cy="${cy - r / 3}" r="${r / 3}" fill="#fff"/>`,
    )
    .join('');
}

/** Happy closed eyes: two little arches. */
export function happyEyes(cx: number, cy: number, dx: number): string {
  return [-dx, dx]
    .map(
      (d) =>
        `<path d="M${cx + d - 10} ${cy + 4} Q${cx + d} ${cy - 8} ${cx + d + 10} ${cy + 4}" stroke="#2b2118" stroke-width="5" fill="none" stroke-linecap="round"/>`,
    )
    .join('');
}

/** A smile from (x1, y) to (x2, y), `depth` deep. */
export function smile(x1: number, x2: number, y: number, depth = 14): string {
  return `<path d="M${x1} ${y} Q${(x1 + x2) / 2} ${y + depth} ${x2} ${y}" stroke="#2b2118" stroke-width="5" fill="none" stroke-linecap="round"/>`;
}

/** Pink cheeks. */
export function cheeks(cx: number, cy: number, dx: number): string {
  return [-dx, dx].map((d) => `<ellipse cx="${cx + d}" cy="${cy}" rx="11" ry="7" fill="#ff8fa3" opacity="0.7"/>`).join('');
}
