import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModeratorSessionGrant, WsServerFrame, WsSuspensionFrame } from '@hearth/common';
import { createTestDatabase, withoutPostgres, type TestDatabase } from '@hearth/test-kit/postgres';
import {
  api,
  befriend,
  buildTestApp,
  createFamily,
  expectStatus,
  registerParentDevice,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import { errorFor, listenForWs, newMessageId, sendAndAck, socketPool, text, type TestSocket } from '../../test/ws-client';
import { runAdmin } from '../admin/cli';

/**
 * A suspension made by `relay:admin` (its own process writing the database, F16) reaches a
 * running relay at its next messaging sweep: the child's open socket gets the `suspension` frame
 * and its next send to a friend is refused, without reconnecting; a grown-up's socket closes.
 * The sweep is run by hand (`realtime.sweep()`), as its timer would.
 */
const MOD_EMAIL = 'live-mod@example.test';
const MOD_PASSWORD = 'moderator password 2';
const NO_POSTGRES = await withoutPostgres();

const suspensionFrames = (socket: TestSocket): WsSuspensionFrame[] =>
  socket.frames.filter((f): f is WsSuspensionFrame => f.type === 'suspension');
const suspension = (suspended: boolean) => (f: WsServerFrame) =>
  f.type === 'suspension' && (f as WsSuspensionFrame).suspended === suspended;

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgres' as const, skip: NO_POSTGRES },
])('relay:admin changes reach a running relay on $kind', ({ kind, skip }) => {
  let relay: TestRelay;
  let database: TestDatabase | undefined;
  let url: string;
  let a: TestFamily;
  let b: TestFamily;
  const sockets = socketPool();

  /** `relay:admin … --moderator` on the relay's own database, as the operator runs it beside the relay. */
  async function cli(...args: string[]): Promise<number> {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const where = database ? ['--database', database.url] : ['--data-dir', relay.dataDir];
      return await runAdmin([...args, ...where], { HEARTH_MODERATOR_PASSWORD: MOD_PASSWORD });
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }
  const as = (...args: string[]): Promise<number> => cli(...args, '--moderator', MOD_EMAIL);

  /** Every frame the relay sent this socket before its answer to a ping has arrived. */
  async function caughtUp(socket: TestSocket): Promise<void> {
    const before = socket.frames.filter((f) => f.type === 'pong').length;
    socket.send({ type: 'ping' });
    await socket.take((f) => f.type === 'pong' && socket.frames.filter((g) => g.type === 'pong').length > before);
  }

  beforeEach(async (t) => {
    if (skip) t.skip();
    database = kind === 'postgres' ? await createTestDatabase() : undefined;
    relay = await buildTestApp({ ...(database ? { databaseUrl: database.url } : {}), rateLimits: { signInPerMinute: 100_000 } });
    url = await listenForWs(relay.app);
    a = await createFamily(relay.app);
    b = await createFamily(relay.app);
    await befriend(relay.app, a, b);
    expect(await cli('create-moderator', '--email', MOD_EMAIL, '--name', 'Mod')).toBe(0);
  });

  afterEach(async () => {
    if (skip) return;
    await sockets.closeAll();
    await relay.close();
    await database?.drop();
  });

  it("tells the child's open socket at the next sweep and refuses its next send; lifting undoes it", async () => {
    const kid = await sockets.open(url, a.childToken);
    const friend = await sockets.open(url, b.childToken);
    await sendAndAck(kid, b.child.childId, text('before'));

    expect(await as('suspend', '--account', a.child.childId, '--category', 'bullying', '--reason', 'notes')).toBe(0);
    await caughtUp(kid);
    // The relay heard nothing of it yet: the CLI is another process.
    expect(suspensionFrames(kid)).toEqual([]);

    await relay.app.realtime.sweep();
    expect(await kid.take(suspension(true))).toEqual({ type: 'suspension', suspended: true, category: 'bullying' });
    const id = newMessageId();
    kid.send({ type: 'send', id, to: b.child.childId, content: text('hi') });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
    // Its guardians still hear from it.
    await sendAndAck(kid, a.parent.parentId, text('hello grown-up'));

    // Told once: the next sweep finds nothing new.
    await relay.app.realtime.sweep();
    await caughtUp(kid);
    expect(suspensionFrames(kid)).toHaveLength(1);

    expect(await as('lift-suspension', '--account', a.child.childId)).toBe(0);
    await relay.app.realtime.sweep();
    expect(await kid.take(suspension(false))).toEqual({ type: 'suspension', suspended: false, category: null });
    await sendAndAck(kid, b.child.childId, text('back again'));
    expect(friend.frames.some((f) => f.type === 'suspension')).toBe(false);
  });

  it('tells a change of category, and closes a suspended grown-up’s socket at the next sweep', async () => {
    const kid = await sockets.open(url, a.childToken);
    expect(await as('suspend', '--account', a.child.childId, '--category', 'bullying', '--reason', 'x')).toBe(0);
    await relay.app.realtime.sweep();
    await kid.take(suspension(true));
    expect(await as('suspend', '--account', a.child.childId, '--category', 'unsafe-contact', '--reason', 'y')).toBe(0);
    await relay.app.realtime.sweep();
    expect(await kid.take((f) => f.type === 'suspension' && (f as WsSuspensionFrame).category === 'unsafe-contact')).toEqual({
      type: 'suspension',
      suspended: true,
      category: 'unsafe-contact',
    });

    await registerParentDevice(relay.app, b.parent.token);
    const grownUp = await sockets.open(url, b.parent.token);
    expect(await as('suspend', '--account', b.parent.parentId, '--category', 'other', '--reason', 'z')).toBe(0);
    await relay.app.realtime.sweep();
    expect((await grownUp.closed).code).toBe(4401);
  });

  it('does not tell again a suspension the admin API made and announced', async () => {
    const kid = await sockets.open(url, a.childToken);
    const mod = expectStatus(
      await api<ModeratorSessionGrant>(relay.app, 'POST', '/admin/v1/sessions', {
        body: { email: MOD_EMAIL, password: MOD_PASSWORD },
      }),
      201,
    );
    expectStatus(
      await api(relay.app, 'POST', `/admin/v1/accounts/${a.child.childId}/suspension`, {
        token: mod.token,
        body: { category: 'other', reason: 'x' },
      }),
      204,
    );
    await kid.take(suspension(true));
    await relay.app.realtime.sweep();
    await caughtUp(kid);
    expect(suspensionFrames(kid)).toHaveLength(1);
  });
});
