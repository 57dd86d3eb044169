/**
 * After a call came back from "Reconnecting…" (issue 18), the caller looks whether the control
 * channel's connection came back too. Its ICE restart beside the media's can fail on its own, and
 * a call whose channel stays down hears no mute, game move or hang-up: it is restarted again, a
 * few times, while the call goes on. A channel that never opened has nothing to restart (a
 * re-dial's whose offer was lost on the way): from the second look on, it is offered again instead.
 */
import type { Live } from './call-live';

/** When the caller looks, one wait after another from the recovery. */
const CHANNEL_CHECKS_MS = [2_000, 3_000, 5_000, 8_000, 8_000, 8_000];
/** The look (5 s after the recovery) from which a channel that never opened is offered again. */
const CHANNEL_REOPEN_FROM = 1;

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
  const look = (live: Live, check: number): void => {
    const wait = CHANNEL_CHECKS_MS[check];
    if (wait === undefined) return;
    setTimeout(() => {
      if (!talking(live)) return;
      if (!live.data?.open) {
        if (check >= CHANNEL_REOPEN_FROM) reopenChannel(live);
        return look(live, check + 1);
      }
      void restartChannel(live).then((outcome) => {
        if (outcome !== 'connected') look(live, check + 1);
      });
    }, wait);
  };
  return (live) => look(live, 0);
}
