/**
 * After a call came back from "Reconnecting…" (issue 18), the caller looks whether the control
 * channel's connection came back too. Its ICE restart beside the media's can fail on its own, and
 * a call whose channel stays down hears no mute, game move or hang-up: it is restarted again, a
 * few times, while the call goes on. A channel that never opened has nothing to restart (a
 * re-dial's whose offer was lost on the way): seen not open for 8 s, it is offered again instead.
 */
import type { Live } from './call-live';

/** When the caller looks, one wait after another from the recovery. */
const CHANNEL_CHECKS_MS = [2_000, 3_000, 5_000, 8_000, 8_000, 8_000];
/**
 * How long a channel must have been seen not open before it is offered again: one still setting up
 * on a slow line (TURN, loss) is not cut off just before it opens.
 */
const CHANNEL_OPEN_WAIT_MS = 8_000;

export type ChannelWatchDeps = Readonly<{
  /** Whether `live` is the call going on and talking. */
  talking: (live: Live) => boolean;
  /** An ICE restart of the channel's own connection; `connected` where it needs none. */
  restartChannel: (live: Live) => Promise<string>;
  /** The channel offered again for the media the call uses now. */
  reopenChannel: (live: Live) => void;
}>;

/** Returns what starts the looks at one call's recovery. */
export function createChannelWatch({ talking, restartChannel, reopenChannel }: ChannelWatchDeps): (live: Live) => void {
  /** When each channel was first seen not open. */
  const closedSince = new WeakMap<object, number>();
  const look = (live: Live, check: number): void => {
    const wait = CHANNEL_CHECKS_MS[check];
    if (wait === undefined) return;
    setTimeout(() => {
      if (!talking(live)) return;
      const data = live.data;
      if (!data?.open) {
        const now = Date.now();
        const since = (data && closedSince.get(data)) ?? now;
        if (data && !closedSince.has(data)) closedSince.set(data, now);
        if (now - since >= CHANNEL_OPEN_WAIT_MS) reopenChannel(live);
        return look(live, check + 1);
      }
      void restartChannel(live).then((outcome) => {
        if (outcome !== 'connected') look(live, check + 1);
      });
    }, wait);
  };
  return (live) => look(live, 0);
}
