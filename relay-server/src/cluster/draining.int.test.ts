import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type RelayApp } from '../app';
import { DEFAULT_CONFIG } from '../config';
import type { StopReason } from './draining';
import { INSTANCE_HEADER } from './instance-header';

let app: RelayApp | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** A listening relay on SQLite, with a long drain grace so the test sees the refusals. */
async function listeningRelay(onStopped: (reason: StopReason) => void): Promise<string> {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-draining-'));
  const config = Object.freeze({
    ...DEFAULT_CONFIG,
    dataDir,
    instanceName: 'drainer',
    passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
  });
  app = await buildApp(config, { logger: false, onStopped, drainGraceMs: 1_500 });
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/** Opens `/v1/ws` (no credentials yet: the relay waits for `hello`). */
function openSocket(base: string): Promise<WebSocket> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/v1/ws`);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('a draining instance', () => {
  it('refuses new requests and sockets with 503 UNAVAILABLE, says so on /health, then tells sockets to reconnect (1001) and stops', async () => {
    const stops: StopReason[] = [];
    const base = await listeningRelay((reason) => stops.push(reason));
    const socket = await openSocket(base);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    expect((await fetch(`${base}/health`)).status).toBe(200);

    const reason: StopReason = { code: 'schema-newer', message: 'A newer relay migrated the database.' };
    (app as RelayApp).draining.start(reason);

    const refused = await fetch(`${base}/v1/version`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect(refused.headers.get(INSTANCE_HEADER)).toBe('drainer');
    expect(await refused.json()).toEqual({
      error: {
        code: 'UNAVAILABLE',
        message: 'This relay instance is stopping. Please connect again: another instance will answer.',
      },
    });
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, database: 'ok', bus: 'ok', draining: true });
    await expect(openSocket(base)).rejects.toThrow(/Unexpected server response: 503/);

    expect(await closed).toBe(1001);
    await expect.poll(() => stops, { timeout: 5_000 }).toEqual([reason]);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    app = undefined;
  });

  it('tells sockets to reconnect (1001) when the app closes for SIGTERM', async () => {
    const base = await listeningRelay(() => undefined);
    const socket = await openSocket(base);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await (app as RelayApp).close();
    app = undefined;
    expect(await closed).toBe(1001);
  });
});
