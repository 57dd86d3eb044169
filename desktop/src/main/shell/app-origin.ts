/** The scheme the packaged renderer is served from (registered as standard and secure). */
export const APP_SCHEME = 'app';
/** The app's own origin under Electron: `app://hearth`. */
export const APP_ORIGIN = `${APP_SCHEME}://hearth`;

/**
 * `scheme://host[:port]` of a URL, or null. Unlike `URL.origin`, this also works for a custom
 * scheme, whose origin Node reports as "null".
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host === '' ? null : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** True when a URL is one of the app's own pages (never a relay page, never a file: URL). */
export function isAppUrl(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return originOf(url) === appOrigin;
}
