import { isAppUrl } from './app-origin';

/** What the filter is told about a request (a subset of Electron's OnBeforeRequestListenerDetails). */
export type RequestDetails = Readonly<{ url: string }>;

/**
 * Decides whether a request may leave: the app's own pages, in-memory data (`data:`, `blob:`)
 * and the relay (HTTP and WebSocket). Everything else, including any third-party host a library
 * might call home to, is cancelled.
 */
export function createRequestFilter(
  allowed: Readonly<{ appOrigin: string; relayOrigin: string }>,
): (details: RequestDetails) => { cancel: boolean } {
  const relay = new URL(allowed.relayOrigin);
  const relayHosts = new Set([
    `${relay.protocol}//${relay.host}`,
    `${relay.protocol === 'https:' ? 'wss:' : 'ws:'}//${relay.host}`,
  ]);
  return (details) => {
    let url: URL;
    try {
      url = new URL(details.url);
    } catch {
      return { cancel: true };
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') return { cancel: false };
    if (isAppUrl(details.url, allowed.appOrigin)) return { cancel: false };
    return { cancel: !relayHosts.has(`${url.protocol}//${url.host}`) };
  };
}
