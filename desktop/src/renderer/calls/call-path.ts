/**
 * Watches the media path of the call going on (issue 18), twice a second: its connection's ICE
 * state, and whether any media arrives (the bytes received). ICE disconnected or failed, or
 * nothing received, for `PATH_GRACE_MS` is `path-lost` (ICE itself takes several seconds to say
 * so); connected and receiving again is `path-back`. The state machine decides what either means
 * in the call's phase.
 */
import type { CallEvent } from './call-events';
import type { Live } from './call-live';

/** How long the path may look broken before the call counts it as lost (a blip is not). */
export const PATH_GRACE_MS = 1_500;
const LOOK_EVERY_MS = 500;

async function bytesReceived(pc: RTCPeerConnection): Promise<number> {
  let total = 0;
  (await pc.getStats()).forEach((s: { type: string; bytesReceived?: number }) => {
    if (s.type === 'inbound-rtp') total += s.bytesReceived ?? 0;
  });
  return total;
}

export function watchPaths(current: () => Live | null, apply: (event: CallEvent, live: Live) => unknown): () => void {
  let watched: RTCPeerConnection | null = null;
  let badSince: number | null = null;
  let lost = false;
  let bytes = -1;
  let looking = false;
  const look = async (): Promise<void> => {
    const live = current();
    const phase = live?.call.phase;
    const pc = (phase === 'active' || phase === 'reconnecting' ? live?.media?.peerConnection : null) ?? null;
    if (pc !== watched) {
      watched = pc;
      badSince = null;
      bytes = -1;
    }
    if (!live || !pc) {
      lost = false;
      return;
    }
    const received = await bytesReceived(pc).catch(() => bytes);
    if (pc !== watched) return;
    const flowing = received > bytes && bytes >= 0;
    const first = bytes < 0;
    bytes = received;
    if (first) return;
    const state = pc.iceConnectionState;
    const connected = state === 'connected' || state === 'completed';
    if (!connected || !flowing) {
      badSince ??= Date.now();
      if (!lost && Date.now() - badSince >= PATH_GRACE_MS) {
        lost = true;
        apply({ type: 'path-lost' }, live);
      }
    } else {
      badSince = null;
      if (lost || phase === 'reconnecting') apply({ type: 'path-back' }, live);
      lost = false;
    }
  };
  const timer = setInterval(() => {
    if (looking) return;
    looking = true;
    void look().finally(() => {
      looking = false;
    });
  }, LOOK_EVERY_MS);
  return () => clearInterval(timer);
}
