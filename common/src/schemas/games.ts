import { Type, type Static } from 'typebox';
import { closed } from './primitives';

/**
 * Since 0.4.0 (F9): whether a child may play games, kept on the relay per child and set by the
 * child's guardians. `GET /v1/children/:id/games` (a guardian's session, or a device credential of
 * that child) and `PUT /v1/children/:id/games` (a guardian only) carry this body. While it is off the
 * relay refuses `game-move` messages to or from the child with `GAMES_OFF`. On by default.
 */
export const GamesSwitch = Type.Object({ enabled: Type.Boolean() }, closed);
export type GamesSwitch = Static<typeof GamesSwitch>;

/** Since 0.4.0: to a child's own sockets, after the welcome and at every change of the switch. */
export const WsGamesFrame = Type.Object(
  { type: Type.Literal('games'), enabled: Type.Boolean() },
  { additionalProperties: false },
);
export type WsGamesFrame = Static<typeof WsGamesFrame>;
