import { originOf } from './app-origin';

/**
 * Whether a Content-Security-Policy lets a page fetch or open a socket to a URL (its
 * `connect-src`, or `default-src` without one). Covers the source expressions our CSP uses:
 * `'none'`, `'self'`, schemes (`data:`) and origins; anything else counts as not allowing.
 * Used by the tests that prove third-party hosts stay blocked.
 */
export function cspAllowsConnect(csp: string, pageOrigin: string, target: string): boolean {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [(parts[0] as string).toLowerCase(), parts.slice(1)] as const),
  );
  const sources = directives.get('connect-src') ?? directives.get('default-src') ?? [];
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  const self = originOf(pageOrigin);
  const origin = originOf(target);
  return sources.some((source) => {
    if (source === "'self'") return self !== null && origin === self;
    if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return url.protocol === source.toLowerCase();
    if (source.startsWith("'")) return false;
    try {
      return originOf(source) === origin;
    } catch {
      return false;
    }
  });
}
