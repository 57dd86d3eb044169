import type { Static } from 'typebox';
import { Value } from 'typebox/value';
import { canonicalJson, nestsAtMost } from '../canonical-json';
import type { TurnGameEnvelope } from '../schemas/message-content';
import { GAME_ENVELOPE_MAX_CHARS, GameEnvelope } from '../schemas/message-content';
import { stateHash, type GameResult, type GameType, type MoveRefusal, type Players } from './core';
import { drawTogether, type DrawState } from './draw-together';
import { fourInARow, type FourState } from './four-in-a-row';
import { memory, type MemoryState } from './memory';
import { noughtsAndCrosses, type NoughtsState } from './noughts-and-crosses';
import type { GameRules } from './core';

export { GAME_ENVELOPE_MAX_CHARS, GameEnvelope, SharedGameEnvelope, TurnGameEnvelope } from '../schemas/message-content';

export type GameState = NoughtsState | FourState | MemoryState | DrawState;

const RULES = { 'noughts-and-crosses': noughtsAndCrosses, 'four-in-a-row': fourInARow, memory, 'draw-together': drawTogether };
/** The rules of a game, typed over any state (each game's `apply` checks its own state and move). */
export function rulesFor(game: GameType): GameRules<GameState, unknown> {
  return RULES[game] as unknown as GameRules<GameState, unknown>;
}

/** A logged move: who made it (from the transport) and what they sent. */
export type LoggedMove = Readonly<{ by: string; envelope: GameEnvelope }>;

/** A match as an app keeps it: the log is the game; `state` is what the log gives. */
export type MatchLog = Readonly<{
  game: GameType;
  matchId: string;
  seed: string | null;
  players: Players;
  state: GameState;
  moves: readonly LoggedMove[];
}>;

export function openMatch(game: GameType, matchId: string, seed: string | null, players: Players): MatchLog {
  return { game, matchId, seed, players, state: rulesFor(game).setup(seed, players), moves: [] };
}

export type EnvelopeRefusal = MoveRefusal | 'bad-envelope' | 'too-large' | 'wrong-game' | 'wrong-match' | 'wrong-version';

export type EnvelopeOutcome =
  | Readonly<{ status: 'applied'; log: MatchLog; result: GameResult }>
  /** Same match and version/seq again: drop it, say nothing. */
  | Readonly<{ status: 'duplicate' }>
  | Readonly<{ status: 'refused'; reason: EnvelopeRefusal }>
  /** The move was legal but the states differ: rebuild both sides from the move log. */
  | Readonly<{ status: 'hash-mismatch'; log: MatchLog; expected: string; got: string }>;

function fitsLimit(envelope: GameEnvelope): boolean {
  try {
    return nestsAtMost(envelope) && canonicalJson(envelope).length <= GAME_ENVELOPE_MAX_CHARS;
  } catch {
    return false; // a value JSON cannot hold (only possible when not parsed from text)
  }
}

/** The move `apply` takes: a shared game's envelope `seq` goes inside it. */
function moveOf(envelope: GameEnvelope): unknown {
  if (!('seq' in envelope)) return envelope.move;
  if ('seq' in envelope.move) return null;
  return { ...envelope.move, seq: envelope.seq };
}

/**
 * Applies one received envelope to a match, never throwing. Turn-based games: a version at or below
 * the state's is a duplicate; above the next one, `wrong-version`. Draw together: a hash that differs
 * is normal while strokes cross (it is compared when the game is closed or rebuilt), so only turn-based
 * games report `hash-mismatch`.
 */
export function applyEnvelope(log: MatchLog, envelope: unknown, by: string): EnvelopeOutcome {
  if (!Value.Check(GameEnvelope, envelope)) return { status: 'refused', reason: 'bad-envelope' };
  if (!fitsLimit(envelope)) return { status: 'refused', reason: 'too-large' };
  if (envelope.game !== log.game) return { status: 'refused', reason: 'wrong-game' };
  if (envelope.matchId !== log.matchId) return { status: 'refused', reason: 'wrong-match' };
  const rules = rulesFor(log.game);
  if ('version' in envelope) {
    const current = 'version' in log.state ? log.state.version : 0;
    if (envelope.version <= current) return { status: 'duplicate' };
    if (envelope.version !== current + 1) return { status: 'refused', reason: 'wrong-version' };
  }
  const applied = rules.apply(log.state, moveOf(envelope), by);
  if (!applied.ok)
    return applied.reason === 'duplicate' ? { status: 'duplicate' } : { status: 'refused', reason: applied.reason };
  const next: MatchLog = { ...log, state: applied.state, moves: [...log.moves, { by, envelope }] };
  const got = stateHash(applied.state);
  if ('version' in envelope && got !== envelope.stateHash)
    return { status: 'hash-mismatch', log: next, expected: envelope.stateHash, got };
  return { status: 'applied', log: next, result: rules.result(applied.state) };
}

/**
 * The sender's side: applies the local player's move and builds its envelope. A shared game's `move`
 * carries its `seq`, which moves to the envelope.
 */
export function makeMove(
  log: MatchLog,
  move: Readonly<Record<string, unknown>>,
  by: string,
): { ok: true; log: MatchLog; envelope: GameEnvelope } | { ok: false; reason: MoveRefusal } {
  const rules = rulesFor(log.game);
  const applied = rules.apply(log.state, move, by);
  if (!applied.ok) return applied;
  const hash = stateHash(applied.state);
  let envelope: GameEnvelope;
  if (rules.order === 'shared') {
    const { seq, ...rest } = move;
    envelope = { game: 'draw-together', matchId: log.matchId, seq: seq as number, move: rest, stateHash: hash };
  } else {
    const version = (applied.state as { version: number }).version;
    envelope = { game: log.game as TurnEnvelope['game'], matchId: log.matchId, version, move: { ...move }, stateHash: hash };
  }
  return { ok: true, log: { ...log, state: applied.state, moves: [...log.moves, { by, envelope }] }, envelope };
}
type TurnEnvelope = Static<typeof TurnGameEnvelope>;

/**
 * The state a move log gives, from the seed: what both apps do after a hash mismatch. Moves the rules
 * refuse are skipped (and counted); hashes in the log are not trusted.
 */
export function rebuild(
  game: GameType,
  seed: string | null,
  players: Players,
  moves: readonly Readonly<{ by: string; move: unknown }>[],
): { state: GameState; refused: number } {
  const rules = rulesFor(game);
  let state = rules.setup(seed, players);
  let refused = 0;
  for (const { by, move } of moves) {
    const applied = rules.apply(state, move, by);
    if (applied.ok) state = applied.state;
    else refused++;
  }
  return { state, refused };
}

/** `rebuild` from a match log's envelopes. */
export function rebuildLog(log: MatchLog): MatchLog {
  const moves = log.moves.map(({ by, envelope }) => ({ by, move: moveOf(envelope) }));
  return { ...log, state: rebuild(log.game, log.seed, log.players, moves).state };
}
