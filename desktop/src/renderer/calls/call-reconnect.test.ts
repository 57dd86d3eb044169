/**
 * A call whose media path broke (issue 18), through the whole state machine (`step`): it goes
 * "Reconnecting…", recovers by itself or by a re-dial, takes a re-dial only in that state, and is
 * lost after 30 s, with a hang-up and the log entry on each side.
 */
import type { CallContact, PeerId } from '@hearth/common';
import { describe, expect, it } from 'vitest';
import type { CallEffect } from './call-events';
import { step } from './call-machine';
import { RECONNECT_LIMIT_MS, REDIAL_EVERY_MS, REDIAL_FIRST_MS, SIGNALING_REFRESH_EVERY } from './call-reconnect';
import { newCall, viewOfCall, type Call } from './call-state';

const BOB: CallContact = {
  contactId: '01J000000000000000000000BO',
  peerId: 'peer-m' as PeerId,
  displayName: 'Bob',
  kind: 'friend',
  grownUp: false,
  parentDisplayName: null,
  avatar: null,
};
const base = (direction: 'in' | 'out'): Call =>
  newCall(
    {
      key: 'peer-m c1',
      id: 'c1',
      logId: '01J0000000000000000000CA11',
      peerId: BOB.peerId,
      contact: BOB,
      avatar: null,
      direction,
      video: true,
    },
    1_000,
  );
const ACTIVE_OUT: Call = { ...base('out'), sent: true, localReady: true, phase: 'active', presence: true, activeSince: 3_000 };
const ACTIVE_IN: Call = {
  ...base('in'),
  offered: true,
  localReady: true,
  answered: true,
  phase: 'active',
  presence: true,
  activeSince: 3_000,
};
const types = (effects: readonly CallEffect[]): string[] =>
  effects.map((e) => (e.type === 'ice-restart' && e.fallback ? 'ice-restart fallback' : e.type));

describe('a call whose media path breaks', () => {
  it('goes "Reconnecting…" only from talking, arming the 30 s limit and a first attempt', () => {
    const s = step(ACTIVE_OUT, { type: 'path-lost' }, 10_000);
    expect(s.call?.phase).toBe('reconnecting');
    expect(s.call?.reconnectingSince).toBe(10_000);
    expect(s.effects).toEqual([
      { type: 'arm-reconnect', ms: RECONNECT_LIMIT_MS },
      { type: 'arm-redial', ms: REDIAL_FIRST_MS },
    ]);
    expect(viewOfCall(s.call!, {} as never).phase).toBe('reconnecting');
    for (const phase of ['outgoing', 'connecting'] as const) {
      const c: Call = { ...ACTIVE_OUT, phase };
      expect(step(c, { type: 'path-lost' }, 10_000)).toEqual({ call: c, effects: [] });
    }
    expect(step({ ...ACTIVE_IN, phase: 'incoming', answered: false }, { type: 'path-lost' }, 10_000).call?.phase).toBe(
      'incoming',
    );
  });

  it('caller: restarts ICE first (a re-dial where it cannot), then restarts and re-dials at every attempt; refreshes its signaling socket at the first of every few', () => {
    let c = step(ACTIVE_OUT, { type: 'path-lost' }, 10_000).call!;
    const seen: string[][] = [];
    for (let i = 0; i < SIGNALING_REFRESH_EVERY + 1; i++) {
      const s = step(c, { type: 'redial-due' }, 11_000 + i);
      c = s.call!;
      seen.push(types(s.effects));
    }
    expect(seen[0]).toEqual(['ice-restart fallback', 'refresh-signaling', 'arm-redial']);
    expect(seen[1]).toEqual(['ice-restart', 'redial', 'arm-redial']);
    expect(seen[SIGNALING_REFRESH_EVERY]).toEqual(['ice-restart', 'redial', 'refresh-signaling', 'arm-redial']);
    expect(step(c, { type: 'redial-due' }, 12_000).effects).toContainEqual({ type: 'arm-redial', ms: REDIAL_EVERY_MS });
  });

  it('callee: never re-dials (the caller does), but refreshes its signaling socket', () => {
    const c = step(ACTIVE_IN, { type: 'path-lost' }, 10_000).call!;
    expect(types(step(c, { type: 'redial-due' }, 11_000).effects)).toEqual(['refresh-signaling', 'arm-redial']);
  });

  it('a re-dial is taken without ringing only while reconnecting a call the child accepted', () => {
    const reconnecting = step(ACTIVE_IN, { type: 'path-lost' }, 10_000).call!;
    expect(step(reconnecting, { type: 'redial-offer' }, 11_000).effects).toEqual([{ type: 'take-redial' }]);
    // Talking (not reconnecting), ringing, or a call never answered: refused (nothing taken, nothing opened).
    expect(step(ACTIVE_IN, { type: 'redial-offer' }, 11_000).effects).toEqual([]);
    expect(step({ ...ACTIVE_IN, phase: 'incoming', answered: false }, { type: 'redial-offer' }, 11_000).effects).toEqual([]);
    expect(step({ ...reconnecting, answered: false }, { type: 'redial-offer' }, 11_000).effects).toEqual([]);
    // Our own call: we are the one who re-dials.
    const ours = step(ACTIVE_OUT, { type: 'path-lost' }, 10_000).call!;
    expect(step(ours, { type: 'redial-offer' }, 11_000).effects).toEqual([]);
  });

  it("recovers when the old path comes back or the re-dial brings the friend's media, keeping the talk time", () => {
    const c = step(ACTIVE_OUT, { type: 'path-lost' }, 10_000).call!;
    for (const event of [{ type: 'path-back' }, { type: 'remote-stream' }] as const) {
      const s = step(c, event, 12_000);
      expect(s.call).toMatchObject({ phase: 'active', activeSince: 3_000, reconnectingSince: null });
      expect(s.effects).toEqual([{ type: 'reconnected' }]);
    }
    expect(step(ACTIVE_OUT, { type: 'path-back' }, 12_000)).toEqual({ call: ACTIVE_OUT, effects: [] });
  });

  it('ignores the old connections closing while reconnecting', () => {
    const c = step(ACTIVE_IN, { type: 'path-lost' }, 10_000).call!;
    for (const type of ['media-closed', 'channel-closed', 'media-error'] as const) {
      expect(step(c, { type }, 11_000)).toEqual({ call: c, effects: [] });
    }
    // …but a hang-up from the friend still ends it, and so does ours.
    expect(step(c, { type: 'message', message: { type: 'hangup' } }, 11_000).call).toBeNull();
    expect(types(step(c, { type: 'hang-up' }, 11_000).effects)).toContain('send');
  });

  it('is lost after the limit: a hang-up to the friend, "lost" on screen, the talk in the log', () => {
    const c = step(ACTIVE_OUT, { type: 'path-lost' }, 10_000).call!;
    const s = step(c, { type: 'reconnect-timeout' }, 40_000);
    expect(s.call).toBeNull();
    expect(s.effects).toContainEqual({ type: 'send', message: { type: 'hangup' } });
    expect(s.effects).toContainEqual({ type: 'ended', reason: 'lost' });
    expect(s.effects).toContainEqual({ type: 'release', gently: true });
    const record = s.effects.find((e) => e.type === 'record');
    expect(record).toMatchObject({ entry: { outcome: 'lost', startedAt: 3_000, endedAt: 40_000 } });
    // A late timer of a call that recovered does nothing.
    expect(step(ACTIVE_OUT, { type: 'reconnect-timeout' }, 40_000)).toEqual({ call: ACTIVE_OUT, effects: [] });
  });
});
