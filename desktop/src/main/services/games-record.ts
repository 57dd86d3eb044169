import {
  ErrorCode,
  HearthError,
  applyEnvelope,
  openMatch,
  rebuildLog,
  rulesFor,
  GameEnvelope,
  type GameMoveContent,
  type MatchLog,
  type MatchView,
} from '@hearth/common';
import type { Static } from 'typebox';
import type { CallMoveResult } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { Value } from 'typebox/value';
import { logActivity } from '../db/child/queries/activity';
import { getContact } from '../db/child/queries/contacts';
import { getMatch, insertMatch, saveMatch, type StoredMatch } from '../db/child/queries/games';
import { insertMessage } from '../db/child/queries/messages';
import { enqueueOutbox } from '../db/child/queries/outbox';
import type { Logger } from '../logging/logger';
import type { ChildStores } from '../stores/child-stores';
import type { EventHub } from './event-hub';
import { matchView } from './games-view';
import type { OutboxPayload } from './messages';
import type { SyncControl } from './ports';

/** What the games service's parts share. */
export type GamesContext = Readonly<{
  stores: ChildStores;
  sync: SyncControl;
  events: EventHub;
  now: () => number;
  log: Logger;
  newId: (now: number) => string;
}>;

/** Most envelopes in one `game-move` message. */
const PER_MESSAGE = 16;

/** The friend must be an active friend of the child, else NOT_FRIENDS. */
export function requireFriend(db: WritableDB, contactId: string): void {
  if (getContact(db, contactId)?.friendship.status !== 'active')
    throw new HearthError(ErrorCode.NotFriends, 'You can only play with friends your grown-ups said yes to.');
}

/**
 * Stores a match's log (a new match is bound to its pair here) and its result; the first time it ends
 * (not abandoned) the child's activity logs a game. Returns the stored match.
 */
export function persist(
  ctx: GamesContext,
  db: WritableDB,
  m: Readonly<{ contactId: string; log: MatchLog; isNew: boolean; secret?: string | null }>,
): StoredMatch {
  const now = ctx.now();
  const result = rulesFor(m.log.game).result(m.log.state);
  const before = m.isNew ? undefined : getMatch(db, m.log.matchId);
  if (m.isNew) insertMatch(db, { log: m.log, contactId: m.contactId, result, now, secret: m.secret ?? null });
  saveMatch(db, m.log, result, now);
  const ended = result.kind !== 'playing' && result.kind !== 'abandoned' && before?.finishedAt == null;
  if (ended) logActivity(db, { at: now, kind: 'game', contactId: m.contactId });
  const stored = getMatch(db, m.log.matchId);
  if (!stored) throw new HearthError(ErrorCode.Internal, 'The match was not stored.');
  return stored;
}

/**
 * Queues envelopes of one match to the friend through the durable outbox (as `game-move` messages of
 * at most 16, kept out of the chat's list), in order. Run inside the caller's transaction; kick after.
 */
export function queueMoves(ctx: GamesContext, db: WritableDB, contactId: string, envelopes: readonly GameEnvelope[]): void {
  for (let i = 0; i < envelopes.length; i += PER_MESSAGE) {
    const now = ctx.now();
    const id = ctx.newId(now);
    const content: GameMoveContent = { kind: 'game-move', moves: envelopes.slice(i, i + PER_MESSAGE) };
    insertMessage(db, { id, contactId, direction: 'out', content, sentAt: now, storedAt: now, state: 'queued' });
    const payload: OutboxPayload = { id, to: contactId, content };
    enqueueOutbox(db, { messageId: id, contactId, payload, now });
  }
}

export type CallMoveStatus = Static<typeof CallMoveResult>['status'];
export type Applied = Readonly<{ status: CallMoveStatus; match: MatchView | null; stored: StoredMatch | null }>;

const refused: Applied = { status: 'refused', match: null, stored: null };

/**
 * One envelope received (relay, a call, or a copy of the child's own move from their other PC), never
 * throwing: checked against the friendship and the match's pair, then by `applyEnvelope`. A duplicate is
 * dropped silently; a refusal is logged and changes nothing; a hash mismatch rebuilds from the log.
 */
export function applyReceived(
  ctx: GamesContext,
  childId: string,
  a: Readonly<{ contactId: string; mover: string; envelope: unknown; via: 'relay' | 'call' }>,
): Applied {
  const { db } = ctx.stores.get(childId);
  const where = { contactId: a.contactId, mover: a.mover, via: a.via };
  if (getContact(db, a.contactId)?.friendship.status !== 'active') {
    ctx.log.warn(where, 'dropped a game move from someone who is not an active friend');
    return refused;
  }
  if (a.mover !== childId && a.mover !== a.contactId) {
    ctx.log.warn(where, 'dropped a game move from someone who is not in this pair');
    return refused;
  }
  if (!Value.Check(GameEnvelope, a.envelope)) {
    ctx.log.warn({ ...where, reason: 'bad-envelope' }, 'refused a game move');
    return refused;
  }
  const envelope = a.envelope;
  const stored = getMatch(db, envelope.matchId);
  if (stored && stored.contactId !== a.contactId) {
    ctx.log.warn({ ...where, matchId: envelope.matchId }, 'refused a game move: the match belongs to another pair');
    return refused;
  }
  const other = a.mover === childId ? a.contactId : childId;
  const log = stored?.log ?? openMatch(envelope.game, envelope.matchId, null, [a.mover, other]);
  const outcome = applyEnvelope(log, envelope, a.mover);
  switch (outcome.status) {
    case 'duplicate':
      return { status: 'duplicate', match: stored ? matchView(childId, stored) : null, stored: stored ?? null };
    case 'refused':
      ctx.log.warn({ ...where, matchId: envelope.matchId, reason: outcome.reason }, 'refused a game move');
      return { status: 'refused', match: stored ? matchView(childId, stored) : null, stored: stored ?? null };
    case 'hash-mismatch': {
      ctx.log.warn(
        { ...where, matchId: envelope.matchId, expected: outcome.expected, got: outcome.got },
        'a game move gave another state: rebuilt the match from its move log',
      );
      const rebuilt = rebuildLog(outcome.log);
      const next = db.transaction(() => persist(ctx, db, { contactId: a.contactId, log: rebuilt, isNew: !stored }))();
      const view = matchView(childId, next);
      ctx.events.emitForChild(childId, 'gameChanged', view);
      return { status: 'rebuilt', match: view, stored: next };
    }
    case 'applied': {
      const next = db.transaction(() => persist(ctx, db, { contactId: a.contactId, log: outcome.log, isNew: !stored }))();
      const view = matchView(childId, next);
      ctx.events.emitForChild(childId, 'gameChanged', view);
      return { status: 'applied', match: view, stored: next };
    }
    default: {
      const never: never = outcome;
      throw new Error(`unknown outcome ${JSON.stringify(never)}`);
    }
  }
}
