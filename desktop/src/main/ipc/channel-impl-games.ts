import { ErrorCode, HearthError, type GameChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

// Placeholder while the games service (issue 16) is built on its branch: every game channel answers
// UNAVAILABLE. Replaced by the service's implementation before issue 16 closes.
const notYet = (): never => {
  throw new HearthError(ErrorCode.Unavailable, 'Games are not ready yet.');
};

/** The games channels (spread into `channelImpl`). */
export function gameChannelImpl(_s: Services): { readonly [K in GameChannelName]: ChannelFn<K> } {
  return {
    listMatches: notYet,
    startMatch: notYet,
    playMove: notYet,
    receiveCallMove: notYet,
    getGameScores: notYet,
    getGamesAvailability: notYet,
    getChildGames: notYet,
    setChildGames: notYet,
  };
}
