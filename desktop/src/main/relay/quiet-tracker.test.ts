import { describe, expect, it } from 'vitest';
import type { QuietStatus } from '@hearth/common';
import { createQuietTracker } from './quiet-tracker';

const CHILD = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
const soon: QuietStatus = {
  quiet: false,
  reason: null,
  startsInMs: 600_000,
  endsInMs: null,
  endsAt: null,
  minutesLeftToday: null,
  timeZone: 'Europe/Madrid',
};

describe('quiet tracker', () => {
  it('counts the relay’s durations down on the monotonic clock, whatever the wall clock says', () => {
    let mono = 1_000;
    const tracker = createQuietTracker(() => mono);
    expect(tracker.get(CHILD)).toBeNull();
    tracker.set(CHILD, soon);
    mono += 60_000;
    expect(tracker.get(CHILD)?.startsInMs).toBe(540_000);
    expect(tracker.isQuiet(CHILD)).toBe(false);
  });

  it('shows quiet from the said start until the relay says more, and not quiet after the said end', () => {
    let mono = 0;
    const tracker = createQuietTracker(() => mono);
    tracker.set(CHILD, soon);
    mono = 600_000;
    expect(tracker.get(CHILD)).toMatchObject({ quiet: true, reason: 'schedule', endsInMs: null });
    tracker.set(CHILD, { ...soon, quiet: true, reason: 'schedule', startsInMs: null, endsInMs: 3_600_000, endsAt: '07:00' });
    mono += 3_599_999;
    expect(tracker.get(CHILD)).toMatchObject({ quiet: true, endsInMs: 1, endsAt: '07:00' });
    mono += 1;
    expect(tracker.isQuiet(CHILD)).toBe(false);
    tracker.forget(CHILD);
    expect(tracker.get(CHILD)).toBeNull();
  });
});
