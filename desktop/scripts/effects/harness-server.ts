/**
 * Serves the built effects harness on 127.0.0.1 with the app's Content-Security-Policy (the one the
 * Electron shell and the web host send), which is what keeps tasks-vision's usage logging (a POST
 * to a Google endpoint) from leaving the machine.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCsp } from '../../src/main/shell/csp';
import { contentTypeFor, resolveStaticPath, securityHeaders } from '../../src/main/shell/static-files';

/** The app's own renderer CSP (a loopback relay: the harness talks to nobody). */
export const EFFECTS_CSP = buildCsp({ relayOrigin: 'http://127.0.0.1:8787' });

export type HarnessServer = Readonly<{ url: string; close(): Promise<void> }>;

export async function serveHarness(
  root: string,
  options: Readonly<{ csp: string | null }> = { csp: EFFECTS_CSP },
): Promise<HarnessServer> {
  const server = http.createServer((request, response) => {
    const file = resolveStaticPath(root, new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file) {
      response.writeHead(403).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) throw new Error('not a file');
        // The app's own headers (web host and Electron shell); the control run drops only the CSP.
        const { 'content-security-policy': _csp, ...others } = securityHeaders(options.csp ?? '');
        const headers: Record<string, string | number> = {
          ...others,
          ...(options.csp ? { 'content-security-policy': options.csp } : {}),
          'content-type': contentTypeFor(file),
          'content-length': info.size,
          'cache-control': 'no-store',
        };
        response.writeHead(200, headers);
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
