import { describe, expect, it } from 'vitest';
import { callRecordOf } from './call-log';
import { parseCallMessage, parseCallMetadata } from './call-protocol';
import { effectOfMessage, endReasonWhenGone } from './call-state';

describe('what the other side says means', () => {
  const out = (phase: 'outgoing' | 'connecting' | 'active') => ({ direction: 'out' as const, phase, ended: false });
  const inc = (phase: 'incoming' | 'connecting' | 'active') => ({ direction: 'in' as const, phase, ended: false });

  it('lets only the callee answer, decline or say busy, and only while the caller still rings', () => {
    expect(effectOfMessage(out('outgoing'), { type: 'accept' })).toEqual({ kind: 'answered' });
    expect(effectOfMessage(out('outgoing'), { type: 'decline' })).toEqual({ kind: 'end', reason: 'declined' });
    expect(effectOfMessage(out('outgoing'), { type: 'busy' })).toEqual({ kind: 'end', reason: 'busy' });
    for (const type of ['accept', 'decline', 'busy'] as const) {
      expect(effectOfMessage(out('active'), { type }), type).toEqual({ kind: 'ignore' });
      expect(effectOfMessage(inc('incoming'), { type }), `a caller cannot ${type} for us`).toEqual({ kind: 'ignore' });
    }
  });

  it('turns a caller who gives up into a missed call, and ignores a cancel from the callee', () => {
    expect(effectOfMessage(inc('incoming'), { type: 'cancel', reason: 'timeout' })).toEqual({ kind: 'end', reason: 'missed' });
    expect(effectOfMessage(inc('connecting'), { type: 'cancel', reason: 'hangup' })).toEqual({ kind: 'end', reason: 'missed' });
    expect(effectOfMessage(out('outgoing'), { type: 'cancel', reason: 'hangup' })).toEqual({ kind: 'ignore' });
  });

  it('ends on hang-up by phase, passes mute and camera state on, and ignores everything once ended', () => {
    expect(effectOfMessage(inc('active'), { type: 'hangup' })).toEqual({ kind: 'end', reason: 'remote-hung-up' });
    expect(effectOfMessage(out('active'), { type: 'media', muted: true, cameraOff: false })).toEqual({
      kind: 'media',
      muted: true,
      cameraOff: false,
    });
    expect(effectOfMessage({ ...inc('active'), ended: true }, { type: 'hangup' })).toEqual({ kind: 'ignore' });
    expect(endReasonWhenGone('incoming')).toBe('missed');
    expect(endReasonWhenGone('outgoing')).toBe('unavailable');
    expect(endReasonWhenGone('connecting')).toBe('remote-hung-up');
  });
});

describe('the call protocol', () => {
  it('accepts only its own closed messages and metadata', () => {
    expect(parseCallMessage({ type: 'hangup' })).toEqual({ type: 'hangup' });
    expect(parseCallMessage({ type: 'hangup', extra: 1 })).toBeNull();
    expect(parseCallMessage({ type: 'ring-everyone' })).toBeNull();
    expect(parseCallMessage('hangup')).toBeNull();
    const meta = { v: 1, callId: 'abcdef0123456789', video: true, avatar: 'fox' };
    expect(parseCallMetadata(meta)).toEqual(meta);
    expect(parseCallMetadata({ ...meta, avatar: '<img src=x>' })).toBeNull();
    expect(parseCallMetadata({ ...meta, displayName: 'Your friend' })).toBeNull();
    expect(parseCallMetadata({ ...meta, v: 2 })).toBeNull();
  });
});

describe('the call log entry', () => {
  const base = { contactId: '01J00000000000000000000001', video: true, ringingSince: 1_000, endedAt: 9_000 } as const;

  it('keeps an answered call from answer to hang-up, so its length is the talk time', () => {
    expect(callRecordOf({ ...base, direction: 'out', activeSince: 3_000, reason: 'hung-up' })).toEqual({
      contactId: base.contactId,
      direction: 'out',
      video: true,
      startedAt: 3_000,
      endedAt: 9_000,
      outcome: 'answered',
    });
  });

  it('says why nobody talked, from when it rang', () => {
    const outcome = (reason: Parameters<typeof callRecordOf>[0]['reason'], direction: 'in' | 'out' = 'in') =>
      callRecordOf({ ...base, direction, activeSince: null, reason });
    expect(outcome('missed')).toMatchObject({ outcome: 'missed', startedAt: 1_000, endedAt: null });
    expect(outcome('no-answer', 'out').outcome).toBe('missed');
    expect(outcome('hung-up', 'out').outcome).toBe('missed');
    expect(outcome('declined', 'out').outcome).toBe('declined');
    expect(outcome('we-declined').outcome).toBe('declined');
    expect(outcome('busy').outcome).toBe('busy');
    expect(outcome('unavailable', 'out').outcome).toBe('failed');
  });
});
