import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { Bus } from '../bus/port';
import { createInProcessBus } from '../bus/in-process';
import { createTokenBuckets } from '../limits/token-buckets';
import type { FriendCache } from './friend-cache';
import { createImmediateRelay, type HandlerDeps, type RoutedFrame } from './handlers';
import { recordConnection } from './peer-directory';
import type { PeerClient } from './peer-registry';

function client(peerId: string, accountId: string, epoch = 'e1'): PeerClient {
  return {
    peerId,
    accountId,
    deviceId: null,
    parentSessionId: null,
    socket: {} as WebSocket,
    bucket: createTokenBuckets({ perMinute: 60, burst: 10 }),
    connections: new Map(),
    login: `login-${peerId}`,
    epoch,
    location: '',
    lastSeenAt: 0,
    invalidFrames: 0,
    throttledFrames: 0,
    pendingFrames: 0,
    queue: Promise.resolve(),
    live: true,
    replaced: false,
  };
}

const frame = (type: RoutedFrame['type'], dst: string, connectionId = 'dc_1'): RoutedFrame => ({
  type,
  dst,
  connectionId,
  text: `{"type":"${type}","dst":"${dst}","payload":{"connectionId":"${connectionId}"}}`,
});

/** The immediate relay over a bus, with the friend cache answering `friends` from memory. */
function setup(friends: boolean | undefined, bus: Bus = createInProcessBus('one')) {
  const sent: Array<{ to: string; data: string }> = [];
  const refused: string[] = [];
  const cache: FriendCache = {
    areFriends: async () => friends === true,
    areFriendsNow: () => friends,
    dispose: () => undefined,
  };
  const deps: HandlerDeps = {
    bus,
    friends: cache,
    maxConnectionsPerPeer: 8,
    send: (to, data) => sent.push({ to: to.peerId, data }),
    onRefused: (_peer, type, reason) => refused.push(`${type} ${reason}`),
  };
  return { bus, sent, refused, relayNow: createImmediateRelay(deps) };
}

describe('the immediate relay (frames of a call between two peers here)', () => {
  const a = client('peer-a', 'acct-a');
  const b = client('peer-b', 'acct-b');

  it('relays a CANDIDATE on an opened connection between cached friends at once, with src put in front', async () => {
    const { bus, sent, relayNow } = setup(true);
    await recordConnection(bus, a, b, 'dc_1');
    expect(relayNow(a, b, frame('CANDIDATE', 'peer-b'))).toBe(true);
    expect(relayNow(b, a, frame('ANSWER', 'peer-a'))).toBe(true);
    expect(sent.map((s) => s.to)).toEqual(['peer-b', 'peer-a']);
    expect(JSON.parse(sent[0]?.data ?? '')).toMatchObject({ src: 'peer-a', type: 'CANDIDATE', dst: 'peer-b' });
  });

  it('leaves to the full handlers what needs the store, would answer EXPIRE, or is an OFFER', async () => {
    for (const friends of [undefined, false]) {
      const { bus, sent, relayNow } = setup(friends);
      await recordConnection(bus, a, b, 'dc_1');
      expect(relayNow(a, b, frame('CANDIDATE', 'peer-b'))).toBe(false);
      expect(sent).toEqual([]);
    }
    const { bus, sent, relayNow } = setup(true);
    await recordConnection(bus, a, b, 'dc_1');
    expect(relayNow(a, b, frame('OFFER', 'peer-b'))).toBe(false);
    expect(relayNow(a, { ...b, live: false }, frame('CANDIDATE', 'peer-b'))).toBe(false);
    expect(sent).toEqual([]);
  });

  it('drops an ANSWER from the caller, and frames on a connection no OFFER opened or opened before a new epoch', async () => {
    const { bus, sent, refused, relayNow } = setup(true);
    await recordConnection(bus, a, b, 'dc_1');
    expect(relayNow(a, b, frame('ANSWER', 'peer-b'))).toBe(true);
    expect(relayNow(a, b, frame('CANDIDATE', 'peer-b', 'dc_other'))).toBe(true);
    expect(relayNow(a, client('peer-b', 'acct-b', 'e2'), frame('CANDIDATE', 'peer-b'))).toBe(true);
    expect(sent).toEqual([]);
    expect(refused).toEqual(['ANSWER unknown-connection', 'CANDIDATE unknown-connection', 'CANDIDATE unknown-connection']);
  });

  it('waits for the bus where it cannot read a connection from memory (Redis)', async () => {
    const local = createInProcessBus('one');
    const { peek: _peek, ...shared } = local;
    const { sent, relayNow } = setup(true, shared as Bus);
    await recordConnection(local, a, b, 'dc_1');
    expect(relayNow(a, b, frame('CANDIDATE', 'peer-b'))).toBe(false);
    expect(sent).toEqual([]);
  });
});
