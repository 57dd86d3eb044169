import { GamesSwitch, type ChildId } from '@hearth/common';
import type { RelayCall } from './relay-http';

/** The relay's games switch for a child (issue 16), with a guardian's session token. */
export type GamesHttp = Readonly<{
  get: (token: string, childId: ChildId) => Promise<GamesSwitch>;
  set: (token: string, childId: ChildId, enabled: boolean) => Promise<GamesSwitch>;
}>;

/** A client of `GET`/`PUT /v1/children/:childId/games`. */
export function createGamesHttp(call: RelayCall): GamesHttp {
  const url = (childId: ChildId): string => `/v1/children/${childId}/games`;
  return Object.freeze({
    get: (token, childId) => call('GET', url(childId), GamesSwitch, { token }),
    set: (token, childId, enabled) => call('PUT', url(childId), GamesSwitch, { token, body: { enabled } }),
  });
}
