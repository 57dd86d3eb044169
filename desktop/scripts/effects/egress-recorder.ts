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

/** Whether a URL points at this machine (or is not network at all: data:, blob:). */
export function isLoopbackUrl(url: string): boolean {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true;
  return parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]';
}
