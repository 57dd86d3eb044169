/**
 * A proxy that Chromium must use for every non-loopback request (loopback bypasses proxies): it
 * refuses them all and remembers where each one wanted to go. Independent of Playwright's request
 * events, so it also sees what a worker or the network service sends.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type EgressRecorder = Readonly<{
  /** For Chromium's `--proxy-server`. */
  proxyUrl: string;
  /** Every destination tried so far (`host:port` or a URL). */
  attempts: readonly string[];
  close(): Promise<void>;
}>;

export async function startEgressRecorder(): Promise<EgressRecorder> {
  const attempts: string[] = [];
  const server = http.createServer((request, response) => {
    attempts.push(request.url ?? '?');
    response.writeHead(403).end();
  });
  server.on('connect', (request, socket) => {
    // A CONNECT socket is the handler's own: Node adds no error listener to it, so a browser that
    // resets it (ECONNRESET) would throw out of the test process. The refusal is all that matters.
    socket.on('error', () => undefined);
    attempts.push(request.url ?? '?');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Hosts that headless Chromium's own browser process calls whatever the flags (component updater,
 * sign-in, network time): not the page's doing, and absent from Electron, which has none of these
 * services. Requests from pages and workers also show in Playwright's events, which get no such
 * allowance.
 */
export const CHROMIUM_SERVICE_HOSTS: readonly string[] = [
  'update.googleapis.com',
  'accounts.google.com',
  'clients2.google.com',
  'optimizationguide-pa.googleapis.com',
];

/** The proxy's attempts minus Chromium's own service calls. */
export function appAttempts(attempts: readonly string[]): string[] {
  return attempts.filter((attempt) => {
    const host = attempt.includes('://') ? new URL(attempt).hostname : attempt.replace(/:\d+$/, '');
    return !CHROMIUM_SERVICE_HOSTS.includes(host);
  });
}

/**
 * The one rule of every "nothing left this machine" check: a request stays on the machine when it
 * goes to loopback, or to an address the test itself created (`created`: host names or addresses
 * of servers the test started elsewhere than loopback). Non-network URLs (data:, blob:) stay too.
 */
export function staysOnMachine(url: string, created: readonly string[] = []): boolean {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '::1' || /^127\./.test(host) || created.includes(host);
}

/**
 * The requests in `urls` that left the machine. Throws when `urls` is empty: a check that saw no
 * request at all proves nothing (the recording, not the app, would be what is broken).
 */
export function offMachine(urls: readonly string[], created: readonly string[] = []): string[] {
  if (urls.length === 0) throw new Error('no request was recorded: the egress check has nothing to check');
  return urls.filter((url) => !staysOnMachine(url, created));
}
