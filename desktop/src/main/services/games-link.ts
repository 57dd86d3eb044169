import type { RelayCall } from '../relay/relay-http';
import { createGamesHttp } from '../relay/games-http';
import { createGamesService, type GamesDeps, type GamesInbound, type GamesService } from './games';
import type { ProfilesService } from './profiles';

type CoreGamesDeps = Omit<GamesDeps, 'http' | 'activeChildId'> &
  Readonly<{ call: RelayCall; profiles: Pick<ProfilesService, 'activeChildId'> }>;

/**
 * The games service as main's core wires it: the relay connections are made before the service (which
 * sends through them), so they get this link first and `bind` makes the service behind it.
 */
export type GamesLink = GamesInbound &
  Readonly<{
    bind: (deps: CoreGamesDeps) => GamesService;
    close: () => void;
  }>;

export function createGamesLink(): GamesLink {
  let service: GamesService | null = null;
  return Object.freeze({
    receive: (childId, m) => service?.receive(childId, m),
    switchChanged: (childId, enabled) => service?.switchChanged(childId, enabled),
    bind(deps: CoreGamesDeps): GamesService {
      const { call, profiles, ...rest } = deps;
      service = createGamesService({ ...rest, http: createGamesHttp(call), activeChildId: () => profiles.activeChildId() });
      return service;
    },
    close: () => service?.close(),
  });
}
