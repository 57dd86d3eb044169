import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_VERSION, type VersionStatus } from '@hearth/common';
import { must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { waitFor } from '@hearth/test-kit/ports';

const relays: TestRelay[] = [];
const desktops: TestDesktop[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const d of desktops.splice(0)) d.close();
  for (const c of closers.splice(0)) await c();
  for (const r of relays.splice(0)) await r.dispose();
});

/**
 * A TCP relay in front of the relay that keeps the head of every HTTP request (plain requests and
 * WebSocket upgrades) the app sends, as the relay receives them.
 */
async function recordRequests(targetPort: number): Promise<{ url: string; heads: () => string[]; close: () => Promise<void> }> {
  const heads: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let pending = '';
    let upgraded = false;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      if (upgraded) return;
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const head = pending.slice(0, end + 2);
        heads.push(head);
        const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
        pending = pending.slice(end + 4 + length);
        if (/\r\nupgrade: websocket/i.test(head)) upgraded = true;
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    heads: () => [...heads],
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const statusEvents = (d: TestDesktop): VersionStatus[] =>
  d.events.filter((e) => e.event === 'versionStatus').map((e) => e.payload as VersionStatus);

describe('the app and its relay’s versions', () => {
  it('is the version desktop/package.json says', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const pkg = JSON.parse(fs.readFileSync(path.join(here, '../../../package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(APP_VERSION);
  });

  it('learns what the relay is at start, and says its own version on every request', async () => {
    const relay = await startTestRelay();
    relays.push(relay);
    const recorder = await recordRequests(relay.port);
    closers.push(recorder.close);
    const desktop = await startTestDesktop(recorder.url);
    desktops.push(desktop);
    await setUpFamily(desktop.api, 'Vera');
    const status = await waitFor(async () => {
      const s = must(await desktop.api.getVersionStatus());
      return s.relayApiVersion === null ? null : s;
    });
    expect(status).toMatchObject({ appVersion: APP_VERSION, updateNeeded: false, minAppVersion: '0.1.0', relayApiVersion: 2 });
    expect(status.relayMessageKinds).toContain('text');
    await waitFor(() => recorder.heads().some((h) => h.startsWith('GET /v1/ws ')), 10_000, 'the socket');
    const heads = recorder.heads();
    expect(heads.length).toBeGreaterThan(5);
    for (const head of heads)
      expect(head).toMatch(new RegExp(`\r\nhearth-app-version: ${APP_VERSION.replace(/\./g, '\\.')}\r\n`, 'i'));
  });

  it('says "needs an update" (APP_TOO_OLD), never a schema error, when the relay serves only newer apps', async () => {
    const relay = await startTestRelay({ minAppVersion: '9.0.0' });
    relays.push(relay);
    const desktop = await startTestDesktop(relay.url);
    desktops.push(desktop);
    const policy = await desktop.api.getPolicy();
    expect(policy).toMatchObject({ ok: false, error: { code: 'APP_TOO_OLD' } });
    expect(must(await desktop.api.getVersionStatus())).toMatchObject({ updateNeeded: true, minAppVersion: '9.0.0' });
    expect(statusEvents(desktop).at(-1)?.updateNeeded).toBe(true);
  });

  it('stops a child’s socket for good and says so when a relay raises its minimum past this app', async () => {
    const first = await startTestRelay();
    const desktop = await startTestDesktop(first.url);
    const child = await setUpFamily(desktop.api, 'Ola');
    await waitFor(() => desktop.core.sync.connectionState(child.childId) === 'online', 10_000, 'online');
    desktop.close();
    await first.stop();

    const raised = await startTestRelay({ dataDir: first.dataDir, port: first.port, minAppVersion: '9.0.0' });
    relays.push(raised);
    const recorder = await recordRequests(raised.port);
    closers.push(recorder.close);
    const again = await startTestDesktop(recorder.url, { dataDir: desktop.dataDir });
    desktops.push(again);
    const upgrades = (): number => recorder.heads().filter((h) => h.startsWith('GET /v1/ws ')).length;
    await waitFor(() => upgrades() > 0, 10_000, 'the socket tried');
    await waitFor(() => again.core.services.versions.status().updateNeeded, 10_000, 'update needed');
    // Stopped for good: no second attempt in 1.5 s (reconnects here retry within 400 ms).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(upgrades()).toBe(1);
    expect(again.core.sync.connectionState(child.childId)).toBe('offline');
  });
});
