import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ALL_ERROR_CODES, APP_VERSION_HEADER, MESSAGE_KINDS, RELAY_API_VERSION } from '@hearth/common';
import { api, befriend, buildTestApp, createFamily, expectStatus, type TestRelay } from '../../test/helpers';
import { connect, listenForWs, newMessageId, openSocket, settle, type TestSocket } from '../../test/ws-client';
import { sqliteOf } from '../store/sqlite-store';

let relay: TestRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

/** Upgrade headers that announce no version (the test client announces this app's by default). */
const NO_VERSION = { [APP_VERSION_HEADER]: undefined };

const asApp = (version: string | undefined, token?: string): Record<string, string> => ({
  ...(version === undefined ? {} : { 'hearth-app-version': version }),
  ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
});

describe('app and relay versions', () => {
  it('says its API version and the oldest app it serves on every answer, errors included', async () => {
    relay = await buildTestApp();
    for (const url of ['/v1/policy', '/v1/me', '/v1/no-such-route', '/health']) {
      const res = await relay.app.inject({ method: 'GET', url });
      expect(res.headers['hearth-api-version'], url).toBe(String(RELAY_API_VERSION));
      expect(res.headers['hearth-min-app-version'], url).toBe('0.1.0');
    }
    const version = expectStatus(await api(relay.app, 'GET', '/v1/version'), 200);
    expect(version).toEqual({
      apiVersion: RELAY_API_VERSION,
      minAppVersion: '0.1.0',
      messageKinds: MESSAGE_KINDS,
      features: ['call-ice'],
    });
  });

  it('refuses an app older than the minimum, or one whose version does not parse, with APP_TOO_OLD (426)', async () => {
    relay = await buildTestApp({ minAppVersion: '0.3.0' });
    const { app } = relay;
    for (const version of ['0.1.0', '0.2.0', '0.2.9', 'not-a-version', '']) {
      const res = await app.inject({ method: 'GET', url: '/v1/policy', headers: asApp(version) });
      expect(res.statusCode, version).toBe(426);
      expect(res.json()).toEqual({ error: { code: 'APP_TOO_OLD', message: expect.stringMatching(/update Hearth/) } });
      expect(res.headers['hearth-min-app-version']).toBe('0.3.0');
    }
    for (const version of ['0.3.0', '0.10.0', '1.0.0']) {
      const res = await app.inject({ method: 'GET', url: '/v1/policy', headers: asApp(version) });
      expect(res.statusCode, version).toBe(200);
    }
    // What an old app needs to learn that it is old is never refused.
    for (const url of ['/v1/version', '/health']) {
      expect((await app.inject({ method: 'GET', url, headers: asApp('0.1.0') })).statusCode, url).toBe(200);
    }
    expect(ALL_ERROR_CODES).toContain('APP_TOO_OLD');
  });

  it('says the versions even on an answer refused before any route ran (a broken database)', async () => {
    const broken = await buildTestApp();
    try {
      const family = await createFamily(broken.app);
      sqliteOf(broken.app.relay).close(); // the caller lookup now throws before any route
      const res = await broken.app.inject({ method: 'GET', url: '/v1/children', headers: asApp('0.2.0', family.parent.token) });
      expect(res.statusCode).toBe(500);
      expect(res.headers['hearth-api-version']).toBe(String(RELAY_API_VERSION));
    } finally {
      await broken.close().catch(() => undefined);
    }
  });

  it('serves an HTTP request that announces no version (curl, a monitor), whatever the minimum, with codes as they are', async () => {
    relay = await buildTestApp({ minAppVersion: '0.3.0' });
    for (const url of ['/v1/policy', '/v1/version', '/health', '/docs/json']) {
      expect((await relay.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    const unsigned = await relay.app.inject({ method: 'GET', url: '/v1/me' });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an old app on /v1/ws: before the upgrade with a header, after hello without one, and a hello with no version', async () => {
    // The family is made while 0.1.0 is served; then the operator raises the minimum.
    const before = await buildTestApp();
    const family = await createFamily(before.app);
    await before.app.close();
    relay = await buildTestApp({ dataDir: before.dataDir, minAppVersion: '0.3.0' });
    const url = await listenForWs(relay.app);

    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(url, { headers: asApp('0.2.0', family.childToken) });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => reject(new Error('upgraded')));
    });
    expect(status).toBe(426);

    const old = await openSocket(url, undefined, 'none', NO_VERSION);
    old.send({ type: 'hello', token: family.childToken, appVersion: '0.2.0' });
    expect(await old.take((f) => f.type === 'error')).toMatchObject({ code: 'APP_TOO_OLD' });
    expect((await old.closed).code).toBe(4426);

    const silent = await openSocket(url, undefined, 'none', NO_VERSION);
    silent.send({ type: 'hello', token: family.childToken });
    expect((await silent.closed).code).toBe(4426);

    const current = await openSocket(url, undefined, 'none', NO_VERSION);
    current.send({ type: 'hello', token: family.childToken, appVersion: '0.3.0' });
    await current.take((f) => f.type === 'welcome');
    await current.close();
  });

  it('refuses a socket that announces no version, or one that does not parse, as too old: an error frame, close 4426, nothing else', async () => {
    relay = await buildTestApp(); // the default minimum: 0.1.0, the first version
    const url = await listenForWs(relay.app);
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    await befriend(relay.app, a, b);
    // Something is waiting for b: a refused socket must not get it.
    const sender = await connect(url, a.childToken);
    const waiting = newMessageId();
    sender.send({ type: 'send', id: waiting, to: b.child.childId, content: { kind: 'text', text: 'hi' } });
    await sender.take((f) => f.type === 'sent' && f.id === waiting);
    await sender.close();

    const refused = async (socket: TestSocket): Promise<void> => {
      const notClosed = settle(3000).then(() => ({ code: 0, reason: `still open; got ${JSON.stringify(socket.frames)}` }));
      const closed = await Promise.race([socket.closed, notClosed]);
      await socket.close();
      expect(closed, closed.reason).toMatchObject({ code: 4426 });
      await settle();
      expect(socket.frames).toEqual([{ type: 'error', code: 'APP_TOO_OLD', message: expect.stringMatching(/update Hearth/) }]);
    };
    await refused(await openSocket(url, b.childToken, 'header', NO_VERSION));
    await refused(await openSocket(url, b.childToken, 'header', { [APP_VERSION_HEADER]: 'latest' }));
    const helloOnly = await openSocket(url, undefined, 'none', NO_VERSION);
    helloOnly.send({ type: 'hello', token: b.childToken });
    await refused(helloOnly);
    const helloGarbage = await openSocket(url, undefined, 'none', { [APP_VERSION_HEADER]: '1.x' });
    helloGarbage.send({ type: 'hello', token: b.childToken });
    await refused(helloGarbage);

    // The same device, announcing its version (in the upgrade, or in hello), is served and gets what waited.
    const announced = await connect(url, b.childToken);
    expect((await announced.take((f) => f.type === 'message')).type).toBe('message');
    await announced.close();
    const inHello = await openSocket(url, undefined, 'none', NO_VERSION);
    inHello.send({ type: 'hello', token: b.childToken, appVersion: '0.1.0' });
    await inHello.take((f) => f.type === 'welcome');
    await inHello.close();
  });
});
