import { Type, type Static } from 'typebox';
import type { GAME_TYPES } from '../games/core';
import { MOVE_REFUSALS } from '../games/core';
import { GameEnvelope } from '../schemas/message-content';
import { Timestamp, Ulid, closed } from '../schemas/primitives';
import type { ChannelSpec } from './channels';

/**
 * Games with a friend (F9), the child's side. Main keeps every match as its validated move log (the
 * log is the game), runs the rules on every move in both directions and derives scores from
 * `result()`; the renderer only draws `state` and sends what the child clicked.
 */
export const GameTypeSchema = Type.Union([
  Type.Literal('noughts-and-crosses'),
  Type.Literal('four-in-a-row'),
  Type.Literal('memory'),
  Type.Literal('draw-together'),
] satisfies { const: (typeof GAME_TYPES)[number] }[]);
export const MoveRefusalSchema = Type.Union(MOVE_REFUSALS.map((r) => Type.Literal(r)));

export const MatchResultView = Type.Union([
  Type.Object({ kind: Type.Literal('playing') }, closed),
  /** `winner`: the winning account's id (this child or the friend). */
  Type.Object({ kind: Type.Literal('won'), winner: Ulid }, closed),
  Type.Object({ kind: Type.Literal('draw') }, closed),
  Type.Object({ kind: Type.Literal('finished') }, closed),
  Type.Object({ kind: Type.Literal('abandoned') }, closed),
]);
export type MatchResultView = Static<typeof MatchResultView>;

/** One match as the renderer draws it. `state` is the game's own JSON state (common/games types). */
export const MatchView = Type.Object(
  {
    matchId: Ulid,
    contactId: Ulid,
    game: GameTypeSchema,
    /** Account ids, the first mover first. */
    players: Type.Tuple([Ulid, Ulid]),
    state: Type.Unknown(),
    result: MatchResultView,
    /** Whose turn: this child, the friend, or nobody (shared games, over, or memory waiting for its reveals). */
    turn: Type.Union([Type.Literal('me'), Type.Literal('them'), Type.Null()]),
    moves: Type.Integer({ minimum: 0 }),
    startedAt: Timestamp,
    updatedAt: Timestamp,
  },
  closed,
);
export type MatchView = Static<typeof MatchView>;
export const MatchList = Type.Object({ matches: Type.Array(MatchView) }, closed);

export const StartMatchArgs = Type.Object({ contactId: Ulid, game: GameTypeSchema }, closed);
/**
 * `via: 'call'`: the move is played live in a call; main validates and stores it, copies it to the
 * relay as the record (several to a message, at most once a second), and the renderer sends the
 * returned envelope over the call's data channel. `via: 'chat'` (default): it goes through the relay.
 */
export const PlayMoveArgs = Type.Object(
  {
    matchId: Ulid,
    move: Type.Record(Type.String(), Type.Unknown()),
    via: Type.Optional(Type.Union([Type.Literal('chat'), Type.Literal('call')])),
  },
  closed,
);
export const PlayMoveResult = Type.Union([
  Type.Object({ ok: Type.Literal(true), match: MatchView, envelope: GameEnvelope }, closed),
  Type.Object({ ok: Type.Literal(false), reason: MoveRefusalSchema }, closed),
]);
/** A move that arrived over a call's data channel from `contactId` (the peer is the mover). */
export const CallMoveArgs = Type.Object({ contactId: Ulid, envelope: Type.Unknown() }, closed);
export const CallMoveResult = Type.Object(
  {
    status: Type.Union([Type.Literal('applied'), Type.Literal('duplicate'), Type.Literal('refused'), Type.Literal('rebuilt')]),
    match: Type.Union([MatchView, Type.Null()]),
  },
  closed,
);
/** Played / won / drawn with one friend, derived from validated move logs (no streaks, no timers). */
export const FriendGameScore = Type.Object(
  {
    contactId: Ulid,
    game: GameTypeSchema,
    played: Type.Integer({ minimum: 0 }),
    won: Type.Integer({ minimum: 0 }),
    drawn: Type.Integer({ minimum: 0 }),
  },
  closed,
);
export const FriendGameScoreList = Type.Object({ scores: Type.Array(FriendGameScore) }, closed);
/** Whether the Play button shows: the relay's switch for this child and this machine's policy. */
export const GamesAvailability = Type.Object({ enabled: Type.Boolean(), hiddenByPolicy: Type.Boolean() }, closed);
export const ChildGamesArgs = Type.Object({ childId: Ulid }, closed);
export const SetChildGamesArgs = Type.Object({ childId: Ulid, enabled: Type.Boolean() }, closed);
export const ChildGames = Type.Object({ childId: Ulid, enabled: Type.Boolean() }, closed);

export const GAME_CHANNELS = {
  listMatches: {
    access: 'profile',
    args: Type.Object({ contactId: Type.Optional(Ulid) }, closed),
    result: MatchList,
    summary: "The active child's matches (with one friend, or all), most recent first",
  },
  startMatch: {
    access: 'profile',
    args: StartMatchArgs,
    result: MatchView,
    summary: 'Open a new match with a friend (memory commits to its random value at once, with no child action)',
  },
  playMove: {
    access: 'profile',
    args: PlayMoveArgs,
    result: PlayMoveResult,
    summary:
      "The active child's move: checked by the rules, stored, sent through the relay (chat) or returned for the call's data channel",
  },
  receiveCallMove: {
    access: 'profile',
    args: CallMoveArgs,
    result: CallMoveResult,
    summary: "A move from the call's data channel: checked like one from the relay, never trusted",
  },
  getGameScores: {
    access: 'profile',
    args: Type.Object({ contactId: Type.Optional(Ulid) }, closed),
    result: FriendGameScoreList,
    summary: 'Played / won / drawn per friend and game, derived from the move logs',
  },
  getGamesAvailability: {
    access: 'profile',
    args: Type.Object({}, closed),
    result: GamesAvailability,
    summary: 'Whether games show for the active child (relay switch, machine policy)',
  },
  getChildGames: {
    access: 'parent',
    args: ChildGamesArgs,
    result: ChildGames,
    summary: "A child's games switch, as the relay keeps it",
  },
  setChildGames: {
    access: 'parent',
    args: SetChildGamesArgs,
    result: ChildGames,
    summary: "Turn a child's games on or off (kept on the relay, which refuses game moves with GAMES_OFF)",
  },
} as const satisfies Record<string, ChannelSpec>;

export type GameChannelName = keyof typeof GAME_CHANNELS;
