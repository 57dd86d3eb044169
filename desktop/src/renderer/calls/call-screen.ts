/**
 * What the call UI sees beside the call itself: the "call ended" screen for a moment after a
 * call, a notice the child should read, and our mute and camera switches. The view is made here
 * from those and the call going on.
 */
import type { Live } from './call-live';
import { viewOfCall } from './call-state';
import { IDLE_VIEW, type CallProblem, type CallView } from './call-types';

export type Switches = Readonly<{ muted: boolean; cameraOff: boolean }>;

export type CallScreen = Readonly<{
  switches: () => Switches;
  setSwitch: (which: keyof Switches, on: boolean) => void;
  tell: (notice: CallProblem) => void;
  /** A new call: the last call's screen and notice go, the switches reset. */
  newCall: () => void;
  /** Shows the "call ended" screen for `lingerMs`. */
  showEnded: (view: CallView) => void;
  /** Takes the "call ended" screen away now (and the notice, when `notice`). */
  clear: (notice: boolean) => void;
  view: (live: Live | null, extras: Pick<CallView, 'cameraId' | 'micId' | 'signaling'>) => CallView;
}>;

export function createCallScreen(lingerMs: number, changed: () => void): CallScreen {
  let ended: CallView | null = null;
  let endedTimer: ReturnType<typeof setTimeout> | undefined;
  let notice: CallProblem | null = null;
  let switches: Switches = { muted: false, cameraOff: false };

  const clear = (andNotice: boolean): void => {
    clearTimeout(endedTimer);
    ended = null;
    if (andNotice) notice = null;
  };

  return Object.freeze({
    switches: () => switches,
    setSwitch(which: keyof Switches, on: boolean): void {
      switches = { ...switches, [which]: on };
    },
    tell(next: CallProblem): void {
      notice = next;
    },
    newCall(): void {
      clear(true);
      switches = { muted: false, cameraOff: false };
    },
    showEnded(view: CallView): void {
      ended = view;
      clearTimeout(endedTimer);
      endedTimer = setTimeout(() => {
        ended = null;
        changed();
      }, lingerMs);
    },
    clear,
    view(live: Live | null, extras: Pick<CallView, 'cameraId' | 'micId' | 'signaling'>): CallView {
      const shown = { ...switches, ...extras, problem: notice };
      if (live) return viewOfCall(live.call, { ...shown, localPreview: live.local?.preview ?? null, remoteStream: live.remote });
      if (ended) return { ...ended, ...shown, muted: false, cameraOff: false };
      return { ...IDLE_VIEW, ...shown };
    },
  });
}
