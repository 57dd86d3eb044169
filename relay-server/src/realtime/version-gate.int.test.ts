import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_READ_IN, type FirstReadTable, type WsErrorFrame, type WsMessageFrame } from '@hearth/common';
import type { Static } from 'typebox';
import { befriend, buildTestApp, createFamily, type TestRelay } from '../../test/helpers';
import { listenForWs, newMessageId, openSocket, settle, socketPool, type TestSocket } from '../../test/ws-client';
import { createVersionGate } from './version-gate';

/** A later table than today's: `game-move` messages, `presence` frames and NOT_FRIENDS arrive in 0.3.0. */
const LATER: FirstReadTable = {
  frames: { ...FIRST_READ_IN.frames, presence: '0.3.0', typing: '0.3.0' },
  kinds: { ...FIRST_READ_IN.kinds, 'game-move': '0.3.0' },
  errors: { ...FIRST_READ_IN.errors, NOT_FRIENDS: '0.3.0' },
};

describe('the version gate', () => {
  const gate = createVersionGate(LATER);
  const v020 = [0, 2, 0] as const;
  const v030 = [0, 3, 0] as const;

  it('sends a frame type only to apps that read it', () => {
    const presence = { type: 'presence', accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', state: 'online' } as const;
    expect(gate.frame(v020, presence)).toBeUndefined();
    expect(gate.frame(v030, presence)).toBe(presence);
    expect(gate.frame(v020, '{"type":"typing","id":"x"}')).toBeUndefined();
    expect(gate.frame(v020, '{"type":"delivered","ids":[]}')).toBe('{"type":"delivered","ids":[]}');
  });

  it('tells an app an error code it does not know as UNAVAILABLE', () => {
    const refusal = { type: 'error', code: 'NOT_FRIENDS', message: 'no' } as const;
    expect(gate.frame(v020, refusal)).toEqual({ ...refusal, code: 'UNAVAILABLE' });
    expect(gate.frame(v030, refusal)).toBe(refusal);
  });

  it('lets today’s table through untouched for a 0.1.0 app, the first version', () => {
    const today = createVersionGate();
    expect(today.frame([0, 1, 0], { type: 'pong' })).toEqual({ type: 'pong' });
    const tooOld = { type: 'error', code: 'APP_TOO_OLD', message: 'm' } as const;
    expect(today.frame([0, 1, 0], tooOld)).toBe(tooOld);
    expect(today.message([0, 1, 0], '{"kind":"text","text":"hi"}')).toBe(true);
  });

  it('keeps game moves and the games frame from apps older than 0.4.0 (issue 16)', () => {
    const today = createVersionGate();
    const move = '{"kind":"game-move","moves":[]}';
    expect(today.message([0, 3, 0], move)).toBe(false);
    expect(today.message([0, 4, 0], move)).toBe(true);
    expect(today.frame([0, 3, 0], { type: 'games', enabled: false })).toBeUndefined();
    expect(today.frame([0, 4, 0], { type: 'games', enabled: false })).toEqual({ type: 'games', enabled: false });
  });
});

describe('the relay holds what a device’s app cannot read', () => {
  let relay: TestRelay | undefined;
  const sockets = socketPool();
  afterEach(async () => {
    await sockets.closeAll();
    await relay?.close();
  });

  async function as(url: string, token: string, appVersion?: string): Promise<TestSocket> {
    const socket = sockets.keep(await openSocket(url, undefined, 'none'));
    socket.send({ type: 'hello', token, ...(appVersion ? { appVersion } : {}) });
    await socket.take((f) => f.type === 'welcome');
    return socket;
  }

  it('keeps a message of a kind the device cannot read queued until it comes back with an app that can', async () => {
    relay = await buildTestApp({ firstReadIn: LATER });
    const url = await listenForWs(relay.app);
    const a = await createFamily(relay.app);
    const b = await createFamily(relay.app);
    await befriend(relay.app, a, b);

    const sender = await as(url, a.childToken, '0.3.0');
    const old = await as(url, b.childToken, '0.2.0');
    const game = newMessageId();
    const text = newMessageId();
    sender.send({
      type: 'send',
      id: game,
      to: b.child.childId,
      content: {
        kind: 'game-move',
        moves: [{ game: 'four-in-a-row', matchId: game, version: 1, move: { column: 3 }, stateHash: 'b'.repeat(64) }],
      },
    });
    sender.send({ type: 'send', id: text, to: b.child.childId, content: { kind: 'text', text: 'hi' } });
    await sender.take((f) => f.type === 'sent' && f.id === text);
    const got = await old.take<Static<typeof WsMessageFrame>>((f) => f.type === 'message');
    expect(got.message.id).toBe(text);
    old.send({ type: 'received', ids: [text] });
    await settle();
    expect(old.frames.filter((f) => f.type === 'message')).toHaveLength(1);
    // Presence frames are 0.3.0 in this table: the old app heard none about its friend.
    expect(old.frames.some((f) => f.type === 'presence')).toBe(false);

    await old.close();
    const updated = await as(url, b.childToken, '0.3.0');
    const held = await updated.take<Static<typeof WsMessageFrame>>((f) => f.type === 'message');
    expect(held.message.id).toBe(game);
    expect(held.message.content.kind).toBe('game-move');
  });

  it('says a code the socket’s version does not know as UNAVAILABLE', async () => {
    relay = await buildTestApp({ firstReadIn: LATER });
    const url = await listenForWs(relay.app);
    const a = await createFamily(relay.app);
    const stranger = await createFamily(relay.app);
    const silent = await as(url, a.childToken, '0.1.0');
    const id = newMessageId();
    silent.send({ type: 'send', id, to: stranger.child.childId, content: { kind: 'text', text: 'hello?' } });
    const refusal = await silent.take<Static<typeof WsErrorFrame>>((f) => f.type === 'error');
    expect(refusal).toMatchObject({ code: 'UNAVAILABLE', ref: id });
  });
});
