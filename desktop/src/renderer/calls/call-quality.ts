/**
 * Staying watchable on a slow line (issue 18), with WebRTC's own controls only. Once a second the
 * call's sender statistics (`availableOutgoingBitrate`, WebRTC's own bandwidth estimate, and the
 * friend's reports of loss and round trip) go through a pure policy:
 * - below `VOICE_ONLY_BELOW_BPS` for a few seconds our video is paused (the video sender's
 *   encodings `active: false`): a voice call goes on, and the friend is told why;
 * - while paused, now and then the video is let out briefly under a low `maxBitrate` (a probe:
 *   with audio alone the estimate cannot grow), and comes back for good once the estimate
 *   clears `VIDEO_BACK_ABOVE_BPS`;
 * - loss or delay the friend reports beyond a limit for a few seconds is a "poor connection".
 */

export const VOICE_ONLY_BELOW_BPS = 150_000;
export const VIDEO_BACK_ABOVE_BPS = 250_000;
/** How long the estimate must stay low before the video pauses. */
export const LOW_FOR_MS = 3_000;
/** A probe every this long while paused, lasting `PROBE_MS`, capped at `PROBE_MAX_BPS`. */
export const PROBE_EVERY_MS = 6_000;
export const PROBE_MS = 10_000;
export const PROBE_MAX_BPS = 600_000;
const POOR_LOSS = 0.08;
const POOR_RTT_MS = 500;
const POOR_FOR_MS = 3_000;

export type QualitySample = Readonly<{
  /** WebRTC's estimate of what we can send, bits/s (null: not known yet). */
  outBps: number | null;
  /** Loss of our packets the friend reports (0…1), and the round trip, ms (null: unknown). */
  loss: number | null;
  rttMs: number | null;
}>;

export type QualityState = Readonly<{
  /** Our video is paused for the line. */
  voiceOnly: boolean;
  /** Paused, but probing (video out under a low cap) since this time. */
  probingSince: number | null;
  lowSince: number | null;
  /** When the video last paused or a probe ended. */
  pausedAt: number | null;
  poorSince: number | null;
  poor: boolean;
}>;

export const QUALITY_START: QualityState = Object.freeze({
  voiceOnly: false,
  probingSince: null,
  lowSince: null,
  pausedAt: null,
  poorSince: null,
  poor: false,
});

/** What the sender should do: video on (uncapped), off, or on under the probe's cap. */
export type SendMode = 'video' | 'voice-only' | 'probe';

export const sendModeOf = (s: QualityState): SendMode =>
  !s.voiceOnly ? 'video' : s.probingSince !== null ? 'probe' : 'voice-only';

export function qualityStep(s: QualityState, sample: QualitySample, now: number): QualityState {
  const bad = (sample.loss ?? 0) > POOR_LOSS || (sample.rttMs ?? 0) > POOR_RTT_MS;
  const poorSince = bad ? (s.poorSince ?? now) : null;
  const poor = poorSince !== null && now - poorSince >= POOR_FOR_MS;
  const next = { ...s, poorSince, poor };
  const out = sample.outBps;
  if (!s.voiceOnly) {
    const lowSince = out !== null && out < VOICE_ONLY_BELOW_BPS ? (s.lowSince ?? now) : null;
    if (lowSince !== null && now - lowSince >= LOW_FOR_MS)
      return { ...next, voiceOnly: true, lowSince: null, pausedAt: now, probingSince: null };
    return { ...next, lowSince };
  }
  if (s.probingSince === null) {
    return now - (s.pausedAt ?? now) >= PROBE_EVERY_MS ? { ...next, probingSince: now } : next;
  }
  if (out !== null && out >= VIDEO_BACK_ABOVE_BPS)
    return { ...next, voiceOnly: false, probingSince: null, pausedAt: null, lowSince: null };
  if (now - s.probingSince >= PROBE_MS) return { ...next, probingSince: null, pausedAt: now };
  return next;
}
