import fs from 'node:fs/promises';
import { contentTypeFor, resolveStaticPath, securityHeaders } from './static-files';

/**
 * Serves the renderer build for the `app://hearth/` scheme: files under `rootDir` only, with
 * the CSP on every response. Unknown paths fall back to `index.html` (client-side routes).
 */
export function createRendererProtocolHandler(
  deps: Readonly<{ rootDir: string; csp: string }>,
): (request: Request) => Promise<Response> {
  const headers = securityHeaders(deps.csp);
  return async (request) => {
    const url = new URL(request.url);
    const file = resolveStaticPath(deps.rootDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers });
    for (const candidate of [file, resolveStaticPath(deps.rootDir, '/') as string]) {
      try {
        const body = await fs.readFile(candidate);
        return new Response(body, { status: 200, headers: { ...headers, 'content-type': contentTypeFor(candidate) } });
      } catch {
        // try the next candidate
      }
    }
    return new Response('Not found', { status: 404, headers });
  };
}
