import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClosers } from './closers';
import { NGINX_TEMPLATE, renderRelayConf, startNginx, withoutNginx, type TestNginx } from './nginx';
import { freePort } from './ports';
import { createRelayProcess } from './relay-process';
import { befriendHttp, createFamilyHttp, relayHttp, signalingGrantHttp, type HttpFamily, type RelayHttp } from './relay-http';
import { newMessageId, openRelaySocket } from './relay-socket';

/** The tests' client address: not the relays' (127.0.0.1), so a log line carrying it is seen. */
const CLIENT = '127.0.0.2';

describe('the nginx template', () => {
  it('fills every placeholder, and refuses to render with one left unknown', async () => {
    const template = await fs.readFile(NGINX_TEMPLATE, 'utf8');
    const conf = renderRelayConf(template, {
      upstreams: ['127.0.0.1:1', '127.0.0.1:2'],
      listen: '127.0.0.1:3',
      accessLog: '/a.log',
      errorLog: '/e.log',
    });
    expect(conf).toContain('server 127.0.0.1:1 max_fails=1 fail_timeout=5s;');
    expect(conf).toContain('server 127.0.0.1:2 max_fails=1 fail_timeout=5s;');
    expect(() =>
      renderRelayConf(`${template}\nlisten @PORT@;`, { upstreams: [], listen: 'x', accessLog: 'a', errorLog: 'e' }),
    ).toThrow(/@PORT@/);
  });
});

describe.skipIf(withoutNginx())('nginx in front of a relay (the deployed template)', () => {
  const closers = createClosers();
  let nginx: TestNginx;
  let h: RelayHttp;
  let a: HttpFamily;
  let b: HttpFamily;
  const secrets: string[] = [];

  beforeAll(async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-nginx-relay-'));
    closers.add(dataDir, () => fs.rm(dataDir, { recursive: true, force: true }));
    const relay = await createRelayProcess(dataDir, { logLevel: 'error' });
    closers.add(relay, () => relay.stop());
    await relay.start();
    // A second upstream that is down: nginx must pass over it (passive health check) without a
    // failed request, and without logging the client it was serving when it found out.
    const dead = await freePort();
    nginx = await startNginx({ upstreams: [`127.0.0.1:${relay.port}`, `127.0.0.1:${dead}`] });
    closers.add(nginx, () => nginx.close());
    h = relayHttp(nginx.url, CLIENT);
    a = await createFamilyHttp(h);
    b = await createFamilyHttp(h);
    await befriendHttp(h, a, b);
    secrets.push(a.childToken, b.childToken, a.parent.token, b.parent.token);
  });
  afterAll(() => closers.closeAll());

  it('proxies /health, passing over an instance that is down', async () => {
    for (let i = 0; i < 6; i++) expect((await h.request('GET', '/health')).status).toBe(200);
  });

  it('upgrades /v1/ws and carries messages both ways', async () => {
    const sender = await openRelaySocket(nginx.url, a.childToken, { localAddress: CLIENT });
    const recipient = await openRelaySocket(nginx.url, b.childToken, { localAddress: CLIENT });
    const id = newMessageId();
    sender.send({ type: 'send', id, to: b.child.childId, content: { kind: 'text', text: 'through nginx' } });
    await sender.take((f) => f.type === 'sent');
    const got = await recipient.take((f) => f.type === 'message');
    expect(got).toMatchObject({ message: { id, content: { kind: 'text', text: 'through nginx' } } });
    await sender.close();
    await recipient.close();
  });

  it('upgrades /peerjs with the token in the query, and relays an OFFER', async () => {
    const ga = await signalingGrantHttp(h, a.childToken);
    const gb = await signalingGrantHttp(h, b.childToken);
    secrets.push(ga.token, gb.token);
    const open = (g: typeof ga): Promise<WebSocket> =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(
          `${nginx.url.replace('http', 'ws')}/peerjs?key=${g.key}&id=${g.peerId}&token=${g.token}&version=1.5.5`,
          { localAddress: CLIENT },
        );
        ws.once('message', (d) => (String(d) === '{"type":"OPEN"}' ? resolve(ws) : reject(new Error(String(d)))));
        ws.once('error', reject);
      });
    const [wa, wb] = [await open(ga), await open(gb)];
    const offer = new Promise<string>((resolve) => wb.once('message', (d) => resolve(String(d))));
    wa.send(
      JSON.stringify({
        type: 'OFFER',
        dst: gb.peerId,
        payload: { sdp: { type: 'offer', sdp: 'v=0\r\n' }, type: 'data', connectionId: 'dc_nginx', label: 'dc_nginx' },
      }),
    );
    expect(JSON.parse(await offer)).toMatchObject({ type: 'OFFER', src: ga.peerId });
    wa.close();
    wb.close();
  });

  it('logs requests without the client address, query strings or tokens', async () => {
    await new Promise((r) => setTimeout(r, 300)); // nginx writes a socket's line when it closes
    const access = nginx.accessLog();
    expect(access).toMatch(/GET \/peerjs 101 /);
    expect(access).toMatch(/GET \/v1\/ws 101 /);
    expect(access).toMatch(/POST \/v1\/invites\/redeem 201 /);
    const all = nginx.allLogs();
    expect(all).not.toContain(CLIENT);
    expect(all).not.toContain('token=');
    expect(all).not.toContain('?');
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
