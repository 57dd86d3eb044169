/**
 * Runs the quality policy (`call-quality.ts`) on the call going on, once a second: reads our
 * sender's statistics, applies the send mode through the video sender's parameters
 * (`encodings[].active` and `maxBitrate`, WebRTC's own controls), and tells the state machine
 * when what the friend should know changes (`local-quality`).
 *
 * A call that was reconnecting may come back on the same connection (its path came back, or an
 * ICE restart): it starts over as a new connection does, with its video sent again at full rate
 * and the friend told so. A lost path is not a slow line.
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

/** Whether our video sender is held back now (paused, or capped for a probe). */
function heldBack(pc: RTCPeerConnection): boolean {
  const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
  return (sender?.getParameters().encodings ?? []).some((e) => e.active === false || e.maxBitrate !== undefined);
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
  /** What the friend was last told, and on which call. */
  let told: Readonly<{ live: Live; voiceOnly: boolean; poor: boolean }> | null = null;
  let busy = false;
  const tell = (live: Live, s: Pick<QualityState, 'voiceOnly' | 'poor'>): void => {
    told = { live, voiceOnly: s.voiceOnly, poor: s.poor };
    apply({ type: 'local-quality', voiceOnly: s.voiceOnly, poor: s.poor }, live);
  };
  const look = async (): Promise<void> => {
    const live = current();
    const pc = (live?.call.phase === 'active' ? live.media?.peerConnection : null) ?? null;
    if (told && told.live !== live) told = null;
    if (pc !== watched) {
      // The same connection back from reconnecting: what it held back before goes (see above);
      // watched only once that is done, so a failed reset is tried again at the next look.
      if (live && pc && heldBack(pc)) await applyMode(pc, sendModeOf(QUALITY_START));
      watched = pc;
      state = QUALITY_START;
      if (live && pc && told && (told.voiceOnly !== state.voiceOnly || told.poor !== state.poor)) tell(live, state);
    }
    if (!live || !pc) return;
    const sample = await sampleOf(pc);
    if (pc !== watched) return;
    const before = state;
    state = qualityStep(state, sample, Date.now());
    if (sendModeOf(state) !== sendModeOf(before)) await applyMode(pc, sendModeOf(state));
    if (state.voiceOnly !== before.voiceOnly || state.poor !== before.poor) tell(live, state);
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
