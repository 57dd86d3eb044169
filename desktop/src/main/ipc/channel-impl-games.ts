import type { ChannelValue, ChildId, GameChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The games channels (spread into `channelImpl`); the service is `services/games.ts`. */
export function gameChannelImpl(s: Services): { readonly [K in GameChannelName]: ChannelFn<K> } {
  const g = s.games;
  return {
    listMatches: (a, child) => g.list(child(), a.contactId),
    startMatch: (a, child) => g.start(child(), a),
    playMove: (a, child) => g.play(child(), a) as ReturnType<ChannelFn<'playMove'>>,
    receiveCallMove: (a, child) => g.receiveCallMove(child(), a),
    // The contract's game type reads as `never` in TypeScript (a union built by `map`): its values are GameTypes.
    getGameScores: (a, child) => ({ scores: g.scores(child(), a.contactId) }) as ChannelValue<'getGameScores'>,
    getGamesAvailability: (_a, child) => g.availability(child()),
    getChildGames: (a) => g.childGames(a.childId as ChildId),
    setChildGames: (a) => g.setChildGames(a.childId as ChildId, a.enabled),
  };
}
