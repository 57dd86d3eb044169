import { describe, expect, it } from 'vitest';
import type { QuietStatus } from '@hearth/common';
import { quietCallAction } from './quiet-call';

const open = (startsInMs: number | null): QuietStatus => ({
  quiet: false,
  reason: null,
  startsInMs,
  endsInMs: null,
  endsAt: null,
  minutesLeftToday: null,
  timeZone: 'Europe/London',
});
const quiet: QuietStatus = { ...open(null), quiet: true, reason: 'schedule', endsInMs: 60_000, endsAt: '07:00' };

describe('quiet time and the call on screen', () => {
  it('warns a call with a friend two minutes before quiet time, not earlier', () => {
    expect(quietCallAction(open(2 * 60_000 + 1), 'active', false)).toBeNull();
    expect(quietCallAction(open(2 * 60_000), 'active', false)).toBe('warn');
    expect(quietCallAction(open(30_000), 'connecting', false)).toBe('warn');
  });

  it('ends a call with a friend when quiet time starts, ringing out or talking', () => {
    expect(quietCallAction(quiet, 'active', false)).toBe('end');
    expect(quietCallAction(quiet, 'outgoing', false)).toBe('end');
  });

  it('leaves a call with the child’s own grown-up, no call, and an unknown status alone', () => {
    expect(quietCallAction(quiet, 'active', true)).toBeNull();
    expect(quietCallAction(quiet, 'idle', false)).toBeNull();
    expect(quietCallAction(quiet, 'ended', false)).toBeNull();
    expect(quietCallAction(null, 'active', false)).toBeNull();
  });
});
