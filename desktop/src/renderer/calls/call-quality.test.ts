/** The slow-line policy (issue 18): when the video pauses, how it probes, when it comes back, and the poor sign. */
import { describe, expect, it } from 'vitest';
import {
  LOW_FOR_MS,
  PROBE_EVERY_MS,
  PROBE_MS,
  QUALITY_START,
  qualityStep,
  sendModeOf,
  type QualitySample,
  type QualityState,
} from './call-quality';

const at = (outBps: number | null, loss: number | null = 0, rttMs: number | null = 50): QualitySample => ({
  outBps,
  loss,
  rttMs,
});

/** Runs one sample a second from `from` for `ms`. */
function run(s: QualityState, sample: QualitySample, from: number, ms: number): QualityState {
  for (let t = from; t <= from + ms; t += 1_000) s = qualityStep(s, sample, t);
  return s;
}

describe('the slow-line policy', () => {
  it('keeps video on a good line, and through a short dip', () => {
    expect(sendModeOf(run(QUALITY_START, at(1_000_000), 0, 20_000))).toBe('video');
    let s = run(QUALITY_START, at(100_000), 0, LOW_FOR_MS - 1_000);
    s = qualityStep(s, at(600_000), LOW_FOR_MS);
    expect(sendModeOf(run(s, at(100_000), LOW_FOR_MS + 1_000, LOW_FOR_MS - 1_000))).toBe('video');
    expect(sendModeOf(run(QUALITY_START, at(null), 0, 20_000))).toBe('video');
  });

  it('pauses the video after the estimate stays under 150 kbit/s for a few seconds', () => {
    const s = run(QUALITY_START, at(120_000), 0, LOW_FOR_MS);
    expect(s.voiceOnly).toBe(true);
    expect(sendModeOf(s)).toBe('voice-only');
  });

  it('probes now and then while paused, and stays paused while the line stays slow', () => {
    let s = run(QUALITY_START, at(120_000), 0, LOW_FOR_MS);
    const paused = s.pausedAt!;
    s = run(s, at(90_000), paused + 1_000, PROBE_EVERY_MS - 2_000);
    expect(sendModeOf(s)).toBe('voice-only');
    s = qualityStep(s, at(90_000), paused + PROBE_EVERY_MS);
    expect(sendModeOf(s)).toBe('probe');
    s = run(s, at(140_000), paused + PROBE_EVERY_MS + 1_000, PROBE_MS);
    expect(sendModeOf(s)).toBe('voice-only');
    expect(s.voiceOnly).toBe(true);
  });

  it('brings the video back when a probe finds the line fast again', () => {
    let s = run(QUALITY_START, at(120_000), 0, LOW_FOR_MS);
    s = qualityStep(s, at(100_000), s.pausedAt! + PROBE_EVERY_MS);
    expect(sendModeOf(s)).toBe('probe');
    s = qualityStep(s, at(450_000), s.probingSince! + 1_000);
    expect(sendModeOf(s)).toBe('video');
    expect(s.voiceOnly).toBe(false);
  });

  it('says the line is poor after a few seconds of heavy loss or delay, and fine again at once', () => {
    expect(run(QUALITY_START, at(1_000_000, 0.2), 0, 3_000).poor).toBe(true);
    expect(run(QUALITY_START, at(1_000_000, 0, 900), 0, 3_000).poor).toBe(true);
    expect(run(QUALITY_START, at(1_000_000, 0.03, 180), 0, 10_000).poor).toBe(false);
    const poor = run(QUALITY_START, at(1_000_000, 0.2), 0, 3_000);
    expect(qualityStep(poor, at(1_000_000, 0.01), 5_000).poor).toBe(false);
  });
});
