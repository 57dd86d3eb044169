import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WsServerFrame, WsSuspensionFrame } from '@hearth/common';
import { befriend, buildTestApp, createFamily, type TestFamily, type TestRelay } from '../../test/helpers';
import { listenForWs, socketPool, type TestSocket } from '../../test/ws-client';
import { runAdmin } from '../admin/cli';
import { createModerator } from './moderators';

/**
 * A suspension the operator makes with `relay:admin` (issue 15, F16) is another process's write to
 * the data folder: no event reaches the running relay. Its periodic sweep (`realtime.sweep()`, run
 * every `messaging.sweepIntervalMs`) finds the change and tells the child's connected PC, once;
 * the lifting likewise. The CLI runs here through its own `runAdmin`, on its own store.
 */
const MOD_EMAIL = 'sweep-mod@example.test';
const MOD_PASSWORD = 'a moderator password';
let relay: TestRelay;
let a: TestFamily;
let b: TestFamily;
let kid: TestSocket;
const sockets = socketPool();
const isSuspension = (f: WsServerFrame): boolean => f.type === 'suspension';

async function cli(...args: string[]): Promise<number> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await runAdmin([...args, '--moderator', MOD_EMAIL, '--data-dir', relay.dataDir], {
      HEARTH_MODERATOR_PASSWORD: MOD_PASSWORD,
    });
  } finally {
    out.mockRestore();
  }
}

beforeAll(async () => {
  relay = await buildTestApp();
  const url = await listenForWs(relay.app);
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  await createModerator(relay.app.relay, { email: MOD_EMAIL, displayName: 'Mo', password: MOD_PASSWORD });
  kid = await sockets.open(url, a.childToken);
}, 60_000);
afterAll(async () => {
  await sockets.closeAll();
  await relay?.close();
});

describe('a suspension made by relay:admin, outside the running relay', () => {
  it('reaches the connected child at the next sweep, once; its lifting too', async () => {
    expect(await cli('suspend', '--account', a.child.childId, '--category', 'bullying', '--reason', 'mean words')).toBe(0);
    // No event reached this relay: nothing told yet.
    expect(kid.frames.filter(isSuspension)).toEqual([]);
    await relay.app.realtime.sweep();
    expect(await kid.take<WsSuspensionFrame>(isSuspension)).toEqual({
      type: 'suspension',
      suspended: true,
      category: 'bullying',
    });
    // Told once: another sweep says nothing new.
    await relay.app.realtime.sweep();
    expect(kid.frames.filter(isSuspension)).toHaveLength(1);

    expect(await cli('lift-suspension', '--account', a.child.childId, '--reason', 'talked to the family')).toBe(0);
    await relay.app.realtime.sweep();
    expect(await kid.take<WsSuspensionFrame>(isSuspension)).toEqual({ type: 'suspension', suspended: false, category: null });
    await relay.app.realtime.sweep();
    expect(kid.frames.filter(isSuspension)).toHaveLength(2);
  });
});
