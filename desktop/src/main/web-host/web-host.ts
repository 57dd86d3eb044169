import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BridgeCall, CHANNEL_NAMES, ErrorCode, WEB_BRIDGE_PATH, type ChannelName, type IpcResult } from '@hearth/common';
import type { Handlers } from '../ipc/handlers';
import type { Logger } from '../logging/logger';
import type { EventHub } from '../services/event-hub';
import { buildCsp } from '../shell/csp';
import { contentTypeFor, resolveStaticPath, securityHeaders } from '../shell/static-files';
import { matches } from '../validate';

export type WebHostOptions = Readonly<{
  handlers: Handlers;
  events: EventHub;
  /** The renderer build (index.html and assets). */
  staticDir: string;
  relayOrigin: string;
  logger: Logger;
  /** Loopback port. Default 0 (a free one). */
  port?: number;
  /** The per-launch secret. Default: 32 random bytes, base64url. */
  token?: string;
}>;

export type WebHost = Readonly<{
  /** The page to open, token included: `http://127.0.0.1:<port>/?token=…`. */
  url: string;
  origin: string;
  port: number;
  close: () => Promise<void>;
}>;

const CHANNELS = new Set<string>(CHANNEL_NAMES);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Serves the renderer build on 127.0.0.1 and carries the IPC contract over a WebSocket to the
 * same handlers Electron's IPC uses. Only a page of this host, holding this launch's token,
 * may open the bridge; other origins, wrong tokens and other Host names are refused.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.logger.child({ component: 'web-host' });
  const token = options.token ?? randomBytes(32).toString('base64url');
  let origin = '';
  let csp = '';
  const allowedHosts = new Set<string>();
  const allowedOrigins = new Set<string>();

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!allowedHosts.has(req.headers.host ?? '') || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(403).end();
        return;
      }
      const headers = securityHeaders(csp);
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === WEB_BRIDGE_PATH) {
        // A plain GET on the bridge's path tells a page whether its token is this launch's (a
        // browser cannot read why an upgrade was refused): 401 means "open the new link".
        const good = sameSecret(url.searchParams.get('token') ?? '', token);
        res.writeHead(good ? 204 : 401, { ...headers, 'cache-control': 'no-store' }).end();
        return;
      }
      const file = resolveStaticPath(options.staticDir, url.pathname);
      for (const candidate of file ? [file, resolveStaticPath(options.staticDir, '/') as string] : []) {
        try {
          const body = await fs.readFile(candidate);
          res.writeHead(200, { ...headers, 'content-type': contentTypeFor(candidate), 'cache-control': 'no-store' });
          res.end(req.method === 'HEAD' ? undefined : body);
          return;
        } catch {
          // next candidate
        }
      }
      res.writeHead(404, headers).end('Not found');
    })();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 48 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== WEB_BRIDGE_PATH || !allowedHosts.has(req.headers.host ?? '')) {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    if (!allowedOrigins.has(req.headers.origin ?? '')) {
      log.warn({ origin: req.headers.origin }, 'refused a bridge from another origin');
      refuseUpgrade(socket, 403, 'Forbidden');
      return;
    }
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) {
      log.warn('refused a bridge with a wrong token');
      refuseUpgrade(socket, 401, 'Unauthorized');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    const unsubscribe = options.events.subscribe((event, payload) => ws.send(JSON.stringify({ event, payload })));
    ws.on('close', unsubscribe);
    ws.on('message', (data, isBinary) => {
      let frame: unknown = null;
      try {
        frame = isBinary ? null : JSON.parse(data.toString());
      } catch {
        frame = null;
      }
      if (!matches(BridgeCall, frame)) {
        ws.close(1008, 'bad frame');
        return;
      }
      const call = frame;
      const answer = (result: IpcResult<unknown>): void => ws.send(JSON.stringify({ id: call.id, result }));
      if (!CHANNELS.has(call.channel)) {
        answer({ ok: false, error: { code: ErrorCode.ValidationFailed, message: `No channel named ${call.channel}.` } });
        return;
      }
      void options.handlers[call.channel as ChannelName](call.args).then(answer);
    });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts.add(`127.0.0.1:${port}`);
  allowedHosts.add(`localhost:${port}`);
  for (const host of allowedHosts) allowedOrigins.add(`http://${host}`);
  csp = buildCsp({ relayOrigin: options.relayOrigin, extraConnect: [`ws://127.0.0.1:${port}`] });
  log.info({ origin }, 'web host listening');

  return Object.freeze({
    url: `${origin}/?token=${token}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
