import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CHANNEL_NAMES, WEB_BRIDGE_PATH, type IpcResult } from '@hearth/common';
import type { Handlers } from '../ipc/handlers';
import { silentLogger } from '../logging/logger';
import { createEventHub } from '../services/event-hub';
import { startWebHost, type WebHost } from './web-host';

const TOKEN = 'per-launch-secret-token-1234567890';
let host: WebHost;
let staticDir: string;
const hub = createEventHub(() => null);
const calls: [string, unknown][] = [];
const handlers = Object.fromEntries(
  CHANNEL_NAMES.map((c) => [
    c,
    async (args: unknown): Promise<IpcResult<unknown>> => {
      calls.push([c, args]);
      return { ok: true, value: { channel: c } };
    },
  ]),
) as unknown as Handlers;

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-webhost-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Hearth</title>');
  host = await startWebHost({
    handlers,
    events: hub,
    staticDir,
    relayOrigin: 'http://127.0.0.1:8787',
    logger: silentLogger(),
    token: TOKEN,
  });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

/** Opens the bridge; resolves with the socket, or with the HTTP status that refused it. */
function openBridge(token: string, origin: string | undefined): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WEB_BRIDGE_PATH}?token=${encodeURIComponent(token)}`, {
      headers: origin ? { origin } : {},
    });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function call(ws: WebSocket, frame: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify(frame));
  });
}

describe('web host', () => {
  it('serves the renderer on loopback with the CSP and a token in the URL', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain(
      `connect-src 'self' http://127.0.0.1:8787 ws://127.0.0.1:8787 ws://127.0.0.1:${host.port}`,
    );
    expect(await res.text()).toContain('<title>Hearth</title>');
  });

  it('refuses a bridge with a wrong or missing token', async () => {
    expect(await openBridge('wrong-token', host.origin)).toBe(401);
    expect(await openBridge('', host.origin)).toBe(401);
    expect(calls).toEqual([]);
  });

  it("tells a page whether its token is this launch's, so a stale tab can say so instead of retrying", async () => {
    const check = async (token: string): Promise<number> =>
      (await fetch(`${host.origin}${WEB_BRIDGE_PATH}?token=${encodeURIComponent(token)}`)).status;
    expect(await check(TOKEN)).toBe(204);
    expect(await check('a-token-of-an-earlier-launch')).toBe(401);
    expect(await check('')).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a bridge from a foreign origin, even with the right token', async () => {
    expect(await openBridge(TOKEN, 'https://evil.example')).toBe(403);
    expect(await openBridge(TOKEN, 'http://127.0.0.1:1')).toBe(403);
    expect(await openBridge(TOKEN, undefined)).toBe(403);
    expect(calls).toEqual([]);
  });

  it('refuses requests for another Host name (DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example' } }, (r) =>
        resolve(r.statusCode ?? 0),
      );
      req.end();
    });
    expect(res).toBe(403);
  });

  it('carries calls to the handlers and events to the page', async () => {
    const ws = (await openBridge(TOKEN, host.origin)) as WebSocket;
    expect(await call(ws, { id: 7, channel: 'getPolicy', args: {} })).toEqual({
      id: 7,
      result: { ok: true, value: { channel: 'getPolicy' } },
    });
    expect(await call(ws, { id: 8, channel: 'noSuchChannel', args: {} })).toMatchObject({
      id: 8,
      result: { ok: false, error: { code: 'VALIDATION_FAILED' } },
    });
    const event = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    hub.emit('friendsChanged', {});
    expect(await event).toEqual({ event: 'friendsChanged', payload: {} });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1008);
  });
});
