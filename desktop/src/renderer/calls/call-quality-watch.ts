/**
 * Runs the quality policy (`call-quality.ts`) on the call going on, once a second: reads our
 * sender's statistics, applies the send mode through the video sender's parameters
 * (`encodings[].active` and `maxBitrate`, WebRTC's own controls), and tells the state machine
 * when what the friend should know changes (`local-quality`).
 */
import type { CallEvent } from './call-events';
import type { Live } from './call-live';
import {
  PROBE_MAX_BPS,
  QUALITY_START,
  qualityStep,
  sendModeOf,
  type QualitySample,
  type QualityState,
  type SendMode,
} from './call-quality';

const LOOK_EVERY_MS = 1_000;

type Stat = Readonly<Record<string, unknown> & { id: string; type: string }>;

export async function sampleOf(pc: RTCPeerConnection): Promise<QualitySample> {
  const all: Stat[] = [];
  (await pc.getStats()).forEach((s: Stat) => all.push(s));
  const byId = new Map(all.map((s) => [s.id, s]));
  const transport = all.find((s) => s.type === 'transport' && typeof s.selectedCandidatePairId === 'string');
  const pair =
    (transport && byId.get(transport.selectedCandidatePairId as string)) ??
    all.find((s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded');
  const out = pair?.availableOutgoingBitrate;
  const remote = all.filter((s) => s.type === 'remote-inbound-rtp');
  const losses = remote.map((s) => s.fractionLost).filter((v): v is number => typeof v === 'number');
  const rtts = remote.map((s) => s.roundTripTime).filter((v): v is number => typeof v === 'number');
  return {
    outBps: typeof out === 'number' ? out : null,
    loss: losses.length ? Math.max(...losses) : null,
    rttMs: rtts.length ? Math.max(...rtts) * 1000 : null,
  };
}

async function applyMode(pc: RTCPeerConnection, mode: SendMode): Promise<void> {
  const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
  if (!sender) return;
  const params = sender.getParameters();
  if (!params.encodings?.length) return;
  params.encodings = params.encodings.map((e) => {
    const next: RTCRtpEncodingParameters = { ...e, active: mode !== 'voice-only' };
    if (mode === 'probe') next.maxBitrate = PROBE_MAX_BPS;
    else delete next.maxBitrate;
    return next;
  });
  await sender.setParameters(params);
}

export function watchQuality(
  current: () => Live | null,
  apply: (event: CallEvent, live: Live) => unknown,
  problem: (message: string, details?: unknown) => void,
): () => void {
  let watched: RTCPeerConnection | null = null;
  let state: QualityState = QUALITY_START;
  let busy = false;
  const look = async (): Promise<void> => {
    const live = current();
    const pc = (live?.call.phase === 'active' ? live.media?.peerConnection : null) ?? null;
    if (pc !== watched) {
      watched = pc;
      state = QUALITY_START;
    }
    if (!live || !pc) return;
    const sample = await sampleOf(pc);
    if (pc !== watched) return;
    const before = state;
    state = qualityStep(state, sample, Date.now());
    if (sendModeOf(state) !== sendModeOf(before)) await applyMode(pc, sendModeOf(state));
    if (state.voiceOnly !== before.voiceOnly || state.poor !== before.poor) {
      apply({ type: 'local-quality', voiceOnly: state.voiceOnly, poor: state.poor }, live);
    }
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    look()
      .catch((err: unknown) => problem('could not read or set the call quality', err))
      .finally(() => {
        busy = false;
      });
  }, LOOK_EVERY_MS);
  return () => clearInterval(timer);
}
