import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createRelayProcess, type RelayProcess } from '@hearth/test-kit/relay-process';
import { INSTANCE_HEADER } from './instance-header';

let dir: string | undefined;
let relay: RelayProcess | undefined;
afterEach(async () => {
  await relay?.kill();
  relay = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a relay process stopped with SIGTERM', () => {
  it('tells its sockets to reconnect (1001, going away) and exits 0', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-stopping-'));
    relay = await createRelayProcess(dir, { extraArgs: ['--instance-name', 'stopper'] });
    await relay.start();
    const health = await fetch(`http://127.0.0.1:${relay.port}/health`);
    expect(health.headers.get(INSTANCE_HEADER)).toBe('stopper');

    const socket = new WebSocket(`ws://127.0.0.1:${relay.port}/v1/ws`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const child = relay.child();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await relay.stop();
    expect(await closed).toBe(1001);
    expect(await exited).toBe(0);
  });
});
