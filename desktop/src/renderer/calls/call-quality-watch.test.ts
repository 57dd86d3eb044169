/**
 * The quality watch on a call that comes back on the same connection (issue 18: the path came
 * back, or an ICE restart): what it held back while the line was slow goes, and the friend is told.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallEvent } from './call-events';
import type { Live } from './call-live';
import { LOW_FOR_MS } from './call-quality';
import { watchQuality } from './call-quality-watch';

/** A connection whose sender's parameters are kept, and whose estimate the test sets. */
function fakeConnection(): { pc: RTCPeerConnection; encodings: () => RTCRtpEncodingParameters[]; outBps: { now: number } } {
  let encodings: RTCRtpEncodingParameters[] = [{ active: true }];
  const outBps = { now: 1_000_000 };
  const sender = {
    track: { kind: 'video' },
    getParameters: () => ({ encodings: encodings.map((e) => ({ ...e })) }),
    setParameters: async (p: { encodings: RTCRtpEncodingParameters[] }) => {
      encodings = p.encodings.map((e) => ({ ...e }));
    },
  };
  const stats = (): Map<string, unknown> =>
    new Map<string, unknown>([
      ['t', { id: 't', type: 'transport', selectedCandidatePairId: 'p' }],
      ['p', { id: 'p', type: 'candidate-pair', availableOutgoingBitrate: outBps.now }],
    ]);
  const pc = { getSenders: () => [sender], getStats: async () => stats() } as unknown as RTCPeerConnection;
  return { pc, encodings: () => encodings, outBps };
}

describe('the quality watch', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends full video again, and tells the friend, when a paused call comes back on the same connection', async () => {
    const conn = fakeConnection();
    const live = { call: { phase: 'active' }, media: { peerConnection: conn.pc } } as unknown as Live;
    const events: CallEvent[] = [];
    const stop = watchQuality(
      () => live,
      (e) => events.push(e),
      () => undefined,
    );
    // A slow line: the video pauses and the friend is told.
    conn.outBps.now = 80_000;
    await vi.advanceTimersByTimeAsync(LOW_FOR_MS + 3_000);
    expect(conn.encodings()[0]?.active).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'local-quality', voiceOnly: true });
    // The path breaks, then comes back on the same connection with a good line.
    live.call = { ...live.call, phase: 'reconnecting' };
    await vi.advanceTimersByTimeAsync(2_000);
    live.call = { ...live.call, phase: 'active' };
    conn.outBps.now = 1_000_000;
    await vi.advanceTimersByTimeAsync(1_100);
    expect(conn.encodings()[0]).toEqual({ active: true });
    expect(events.at(-1)).toEqual({ type: 'local-quality', voiceOnly: false, poor: false });
    stop();
  });
});
