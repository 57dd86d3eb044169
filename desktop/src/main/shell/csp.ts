/** What the page may reach besides itself. */
export type CspOptions = Readonly<{
  /** The relay's origin, e.g. `http://127.0.0.1:8787` (its ws: twin is allowed too). */
  relayOrigin: string;
  /** Further origins the page may connect to (the web host's own bridge). */
  extraConnect?: readonly string[];
}>;

/** The ws(s): twin of an http(s): origin. */
export function socketOriginOf(origin: string): string {
  const url = new URL(origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.origin.replace(/^http/, 'ws');
}

/**
 * The renderer's Content-Security-Policy: only the app's own scripts (plus WebAssembly for
 * the bundled segmentation model), network only to the app and the relay, media and workers
 * from the app or blobs. Nothing else loads, so no request leaves for a third party.
 */
export function buildCsp(options: CspOptions): string {
  const relay = new URL(options.relayOrigin).origin;
  const connect = ["'self'", relay, socketOriginOf(relay), ...(options.extraConnect ?? [])];
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
