import { randomBytes } from 'node:crypto';
import {
  ErrorCode,
  HearthError,
  commit,
  makeMove,
  openMatch,
  type ChildId,
  type GameType,
  type MatchView,
  type MemoryState,
  type MoveRefusal,
  type GameEnvelope,
} from '@hearth/common';
import { createUlidFactory } from '../ids';
import {
  clearMatchSecret,
  gamesEnabled,
  getMatch,
  listMatches,
  markCopied,
  markCopyPending,
  matchesWithPendingCopies,
  matchResults,
  pendingCopies,
  playingMatchIds,
  setGamesEnabled,
  setMatchSecret,
  type StoredMatch,
} from '../db/child/queries/games';
import type { Logger } from '../logging/logger';
import type { Scheduler } from '../lock/parent-lock';
import type { GamesHttp } from '../relay/games-http';
import type { ChildStores } from '../stores/child-stores';
import type { EventHub } from './event-hub';
import { applyReceived, persist, queueMoves, requireFriend, type CallMoveStatus, type GamesContext } from './games-record';
import { matchView, scoresOf } from './games-view';
import type { ParentAccountService } from './parent-account';
import type { SyncControl } from './ports';

export type GamesDeps = Readonly<{
  stores: ChildStores;
  sync: SyncControl;
  events: EventHub;
  now: () => number;
  logger: Logger;
  parent: Pick<ParentAccountService, 'withSession'>;
  http: GamesHttp;
  /** The child at the PC: only there does memory commit by itself to a match a friend opened. */
  activeChildId: () => string | null;
  /** This machine's policy hides games (issue 17). */
  gamesHiddenByPolicy: () => boolean;
  /** Timers (tests drive them). Default setTimeout, unref'd. */
  schedule?: Scheduler;
  /** Memory's random value: 32 bytes, hex. Default node:crypto. */
  randomHex?: () => string;
  /** Memory: how long after both commits a missing reveal abandons the match. Default 30 s. */
  revealTimeoutMs?: number;
  /** A call's moves are copied to the relay at most this often per match. Default 1 s. */
  copyEveryMs?: number;
}>;

/** What the relay connection hands the games service (relay/inbound-games.ts). */
export type GamesInbound = Readonly<{
  /** A `game-move` message: `mover` is the relay-stamped sender, `contactId` the friend of the pair. */
  receive: (childId: string, m: Readonly<{ contactId: string; mover: string; moves: readonly unknown[] }>) => void;
  /** The relay's `games` frame: this child's switch. */
  switchChanged: (childId: string, enabled: boolean) => void;
}>;

export type PlayMoveOutcome =
  | Readonly<{ ok: true; match: MatchView; envelope: GameEnvelope }>
  | Readonly<{ ok: false; reason: MoveRefusal }>;

export type GamesService = GamesInbound &
  Readonly<{
    list: (childId: string, contactId?: string) => { matches: MatchView[] };
    start: (childId: string, args: Readonly<{ contactId: string; game: GameType }>) => MatchView;
    play: (
      childId: string,
      args: Readonly<{ matchId: string; move: Readonly<Record<string, unknown>>; via?: 'chat' | 'call' }>,
    ) => PlayMoveOutcome;
    receiveCallMove: (childId: string, args: Readonly<{ contactId: string; envelope: unknown }>) => { status: CallMoveStatus; match: MatchView | null };
    scores: (childId: string, contactId?: string) => ReturnType<typeof scoresOf>;
    availability: (childId: string) => { enabled: boolean; hiddenByPolicy: boolean };
    childGames: (childId: ChildId) => Promise<{ childId: ChildId; enabled: boolean }>;
    setChildGames: (childId: ChildId, enabled: boolean) => Promise<{ childId: ChildId; enabled: boolean }>;
    /** Cancels every timer (main closing). */
    close: () => void;
  }>;

const unrefSchedule: Scheduler = (fn, ms) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return () => clearTimeout(t);
};

/**
 * The child's games (F9): every match is its validated move log in the child's store. Moves go through
 * the relay's durable queue (chat) or the call's data channel with a batched copy to the relay (call);
 * received ones are checked like any untrusted input. Memory's fair shuffle runs here, with no child action.
 */
export function createGamesService(deps: GamesDeps): GamesService {
  const log = deps.logger.child({ component: 'games' });
  const ctx: GamesContext = {
    stores: deps.stores,
    sync: deps.sync,
    events: deps.events,
    now: deps.now,
    log,
    newId: createUlidFactory(),
  };
  const schedule = deps.schedule ?? unrefSchedule;
  const randomHex = deps.randomHex ?? ((): string => randomBytes(32).toString('hex'));
  const revealTimeoutMs = deps.revealTimeoutMs ?? 30_000;
  const copyEveryMs = deps.copyEveryMs ?? 1_000;
  const timers = new Map<string, () => void>();
  const lastCopyAt = new Map<string, number>();
  const resumed = new Set<string>();

  const available = (childId: string): boolean => gamesEnabled(deps.stores.get(childId).db) && !deps.gamesHiddenByPolicy();
  const requireAvailable = (childId: string): void => {
    if (!available(childId)) throw new HearthError(ErrorCode.GamesOff, 'Games are turned off for now.');
  };

  /** Plays one of main's own moves (memory's commit, reveal or abandon) through the relay. */
  const playOwn = (childId: string, stored: StoredMatch, move: Record<string, unknown>, secret?: string | null): StoredMatch | null => {
    const { db } = deps.stores.get(childId);
    const made = makeMove(stored.log, move, childId);
    if (!made.ok) {
      log.warn({ matchId: stored.log.matchId, reason: made.reason, move: move['type'] }, 'could not play a move of the app');
      return null;
    }
    const next = db.transaction(() => {
      const pending = pendingCopies(db, stored.log.matchId);
      const s = persist(ctx, db, { contactId: stored.contactId, log: made.log, isNew: false });
      if (secret !== undefined) {
        if (secret === null) clearMatchSecret(db, stored.log.matchId);
        else setMatchSecret(db, stored.log.matchId, secret);
      }
      markCopied(db, stored.log.matchId, pending.map((p) => p.n));
      queueMoves(ctx, db, stored.contactId, [...pending.map((p) => p.envelope), made.envelope]);
      return getMatch(db, s.log.matchId) ?? s;
    })();
    deps.sync.kick(childId);
    deps.events.emitForChild(childId, 'gameChanged', matchView(childId, next));
    return next;
  };

  const timerKey = (childId: string, matchId: string, what: string): string => `${childId}/${matchId}/${what}`;
  const cancel = (key: string): void => {
    timers.get(key)?.();
    timers.delete(key);
  };

  /**
   * Memory's start, with no child action: commit (where the child is at the PC), then reveal once both
   * commits are in (the second player first, so the two reveals never cross), and abandon if the other
   * app is online and its reveal has not come 30 s after both commits.
   */
  const advanceMemory = (childId: string, matchId: string, force = false): void => {
    const found = getMatch(deps.stores.get(childId).db, matchId);
    if (found?.log.game !== 'memory') return;
    let m: StoredMatch | null = found;
    let state = m.log.state as MemoryState;
    const abandonKey = timerKey(childId, matchId, 'abandon');
    if (state.phase !== 'waiting-for-reveals') return cancel(abandonKey);
    const [a, b] = state.players;
    if (state.commits[childId] === undefined) {
      if (!force && deps.activeChildId() !== childId) return;
      const secret = randomHex();
      m = playOwn(childId, m, { type: 'commit', hash: commit(secret) }, secret);
      if (!m) return;
      state = m.log.state as MemoryState;
    }
    const both = state.commits[a] !== undefined && state.commits[b] !== undefined;
    if (!both) return;
    const myTurnToReveal = childId === b || state.reveals[b] !== undefined;
    if (state.reveals[childId] === undefined && m.secret !== null && myTurnToReveal) {
      m = playOwn(childId, m, { type: 'reveal', value: m.secret }, null);
      if (!m) return;
      state = m.log.state as MemoryState;
    }
    if (state.phase !== 'waiting-for-reveals') return cancel(abandonKey);
    if (timers.has(abandonKey)) return;
    const contactId = m.contactId;
    const stop = schedule(() => {
      timers.delete(abandonKey);
      const now = getMatch(deps.stores.get(childId).db, matchId);
      if (!now || (now.log.state as MemoryState).phase !== 'waiting-for-reveals') return;
      if (deps.sync.presenceOf(childId, contactId) === 'offline') {
        log.info({ matchId }, 'memory: no reveal yet, but the other app is offline; the match waits');
        return;
      }
      log.info({ matchId }, 'memory: no reveal within the time allowed; abandoned (no score)');
      playOwn(childId, now, { type: 'abandon' });
    }, revealTimeoutMs);
    timers.set(abandonKey, stop);
  };

  /** Copies a match's call moves to the relay: several to a message, at most one message a second. */
  const scheduleCopy = (childId: string, matchId: string): void => {
    const key = timerKey(childId, matchId, 'copy');
    if (timers.has(key)) return;
    const wait = Math.max(0, (lastCopyAt.get(key) ?? -Infinity) + copyEveryMs - deps.now());
    const stop = schedule(() => {
      timers.delete(key);
      const { db } = deps.stores.get(childId);
      const m = getMatch(db, matchId);
      const pending = pendingCopies(db, matchId).slice(0, 16);
      if (!m || pending.length === 0) return;
      db.transaction(() => {
        markCopied(db, matchId, pending.map((p) => p.n));
        queueMoves(ctx, db, m.contactId, pending.map((p) => p.envelope));
      })();
      lastCopyAt.set(key, deps.now());
      deps.sync.kick(childId);
      if (pendingCopies(db, matchId).length > 0) scheduleCopy(childId, matchId);
    }, wait);
    timers.set(key, stop);
  };

  /** After a restart: memory waiting for its reveals, and call moves not yet copied. */
  const resume = (childId: string): void => {
    if (resumed.has(childId)) return;
    resumed.add(childId);
    const { db } = deps.stores.get(childId);
    for (const id of matchesWithPendingCopies(db)) scheduleCopy(childId, id);
  };

  const afterReceived = (childId: string, stored: StoredMatch | null): void => {
    if (stored?.log.game === 'memory') advanceMemory(childId, stored.log.matchId);
  };

  return Object.freeze({
    list(childId: string, contactId?: string): { matches: MatchView[] } {
      resume(childId);
      // A memory match a friend opened while this child was away commits now (and a restart can still reveal).
      for (const id of playingMatchIds(deps.stores.get(childId).db)) advanceMemory(childId, id);
      return { matches: listMatches(deps.stores.get(childId).db, contactId).map((m) => matchView(childId, m)) };
    },
    start(childId: string, args: Readonly<{ contactId: string; game: GameType }>): MatchView {
      requireAvailable(childId);
      const { db } = deps.stores.get(childId);
      requireFriend(db, args.contactId);
      const matchId = ctx.newId(deps.now());
      const fresh = openMatch(args.game, matchId, null, [childId, args.contactId]);
      const stored = db.transaction(() => persist(ctx, db, { contactId: args.contactId, log: fresh, isNew: true }))();
      // Memory commits at once (its first move binds the match to the pair on the friend's side).
      if (args.game === 'memory') advanceMemory(childId, matchId, true);
      return matchView(childId, getMatch(db, matchId) ?? stored);
    },
    play(childId, args): PlayMoveOutcome {
      requireAvailable(childId);
      const { db } = deps.stores.get(childId);
      const stored = getMatch(db, args.matchId);
      if (!stored) throw new HearthError(ErrorCode.NotFound, 'That game is not on this computer.');
      requireFriend(db, stored.contactId);
      const made = makeMove(stored.log, args.move, childId);
      if (!made.ok) return { ok: false, reason: made.reason };
      if (args.via !== 'call') {
        const next = playOwn(childId, stored, args.move);
        if (!next) throw new HearthError(ErrorCode.Internal, 'The move was not stored.');
        return { ok: true, match: matchView(childId, next), envelope: made.envelope };
      }
      const next = db.transaction(() => {
        const s = persist(ctx, db, { contactId: stored.contactId, log: made.log, isNew: false });
        markCopyPending(db, args.matchId, made.log.moves.length - 1);
        return s;
      })();
      scheduleCopy(childId, args.matchId);
      const view = matchView(childId, next);
      deps.events.emitForChild(childId, 'gameChanged', view);
      return { ok: true, match: view, envelope: made.envelope };
    },
    receiveCallMove(childId, args) {
      requireAvailable(childId);
      // The call's peer is the mover; each side copies only its own moves to the relay.
      const r = applyReceived(ctx, childId, { contactId: args.contactId, mover: args.contactId, envelope: args.envelope, via: 'call' });
      afterReceived(childId, r.stored);
      return { status: r.status, match: r.match };
    },
    receive(childId, m): void {
      resume(childId);
      let last: StoredMatch | null = null;
      for (const envelope of m.moves) {
        try {
          const r = applyReceived(ctx, childId, { contactId: m.contactId, mover: m.mover, envelope, via: 'relay' });
          last = r.stored ?? last;
        } catch (err) {
          log.error({ err, contactId: m.contactId }, 'a game move could not be stored');
        }
      }
      afterReceived(childId, last);
    },
    switchChanged(childId, enabled): void {
      if (setGamesEnabled(deps.stores.get(childId).db, enabled))
        deps.events.emitForChild(childId, 'gamesAvailability', { enabled, hiddenByPolicy: deps.gamesHiddenByPolicy() });
    },
    scores: (childId, contactId) => scoresOf(childId, matchResults(deps.stores.get(childId).db, contactId)),
    availability: (childId) => ({ enabled: gamesEnabled(deps.stores.get(childId).db), hiddenByPolicy: deps.gamesHiddenByPolicy() }),
    childGames: (childId) =>
      deps.parent.withSession(async (token) => ({ childId, enabled: (await deps.http.get(token, childId)).enabled })),
    setChildGames: (childId, enabled) =>
      deps.parent.withSession(async (token) => ({ childId, enabled: (await deps.http.set(token, childId, enabled)).enabled })),
    close(): void {
      for (const stop of timers.values()) stop();
      timers.clear();
    },
  });
}
