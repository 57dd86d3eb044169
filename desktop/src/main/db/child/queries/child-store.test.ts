import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, FriendshipView, MessageContent } from '@hearth/common';
import { createChildStores, type ChildStores } from '../../../stores/child-stores';
import type { WritableDB } from '@hearth/sqlite';
import { listContacts, markReadUpTo, replaceContacts } from './contacts';
import {
  advanceMessageState,
  countUnread,
  getMessage,
  insertMessage,
  listConversation,
  searchMessages,
  toFtsQuery,
} from './messages';
import { allOutbox, dueOutbox, enqueueOutbox, noteOutboxAttempt, removeFromOutbox } from './outbox';
import { activityByDay, logActivity } from './activity';
import { insertCall, listCalls } from './calls';

const A = '01J00000000000000000000AAA';
const B = '01J00000000000000000000BBB';
let dir: string;
let stores: ChildStores;
let db: WritableDB;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-child-'));
  stores = createChildStores({ dataDir: dir });
  db = stores.get('01J0000000000000000000CHKD').db;
});
afterEach(() => {
  stores.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const id = (n: number): string => `01J${String(n).padStart(23, '0')}`;
const text = (t: string): MessageContent => ({ kind: 'text', text: t });
function put(n: number, contactId: string, t: string, direction: 'in' | 'out' = 'in'): boolean {
  return insertMessage(db, {
    id: id(n),
    contactId,
    direction,
    content: text(t),
    sentAt: n,
    storedAt: n,
    state: direction === 'in' ? 'received' : 'queued',
  });
}

describe('child store: messages', () => {
  it('stores a message once however often it arrives (dedupe by id)', () => {
    expect(put(1, A, 'hello')).toBe(true);
    expect(put(1, A, 'hello again, same id')).toBe(false);
    expect(listConversation(db, A, { limit: 10 }).messages).toHaveLength(1);
    expect(getMessage(db, id(1))?.content).toEqual(text('hello'));
  });

  it('pages a conversation newest first, only that contact’s messages', () => {
    for (let n = 1; n <= 30; n++) put(n, n % 2 ? A : B, `m${n}`);
    const first = listConversation(db, A, { limit: 10 });
    expect(first.messages.map((m) => m.sentAt)).toEqual([29, 27, 25, 23, 21, 19, 17, 15, 13, 11]);
    expect(first.hasMore).toBe(true);
    const rest = listConversation(db, A, { limit: 10, before: first.messages.at(-1)?.messageId as string });
    expect(rest.messages.map((m) => m.sentAt)).toEqual([9, 7, 5, 3, 1]);
    expect(rest.hasMore).toBe(false);
  });

  it('finds words with full-text search: any case, accents, prefixes, newest first, per contact', () => {
    put(1, A, 'Le Café est fermé');
    put(2, B, 'we saw a giraffe at the zoo');
    put(3, A, 'GIRAFFES are tall');
    put(4, A, 'nothing here');
    expect(searchMessages(db, 'cafe', { limit: 10 }).map((h) => h.message.sentAt)).toEqual([1]);
    expect(searchMessages(db, 'giraf', { limit: 10 }).map((h) => h.message.sentAt)).toEqual([3, 2]);
    expect(searchMessages(db, 'giraf', { limit: 10, contactId: B }).map((h) => h.message.sentAt)).toEqual([2]);
    expect(searchMessages(db, 'saw zoo', { limit: 10 }).map((h) => h.message.sentAt)).toEqual([2]);
    expect(searchMessages(db, 'giraffe', { limit: 10 })[0]?.snippet).toContain('GIRAFFES');
  });

  it('treats search input as words, never as FTS syntax', () => {
    put(1, A, 'a OR b NEAR c');
    expect(toFtsQuery('x" OR 1=1 --')).toBe('"x" "OR" "1" "1"*');
    expect(toFtsQuery('*** ()')).toBeNull();
    expect(() => searchMessages(db, 'NEAR(" ^', { limit: 5 })).not.toThrow();
    expect(searchMessages(db, '   ', { limit: 5 })).toEqual([]);
  });

  it('moves delivery state forward only', () => {
    put(1, A, 'out', 'out');
    expect(advanceMessageState(db, id(1), 'delivered')).toBe(true);
    expect(advanceMessageState(db, id(1), 'sent')).toBe(false);
    expect(getMessage(db, id(1))?.state).toBe('delivered');
  });

  it('counts unread incoming messages after the read mark', () => {
    replaceContacts(db, [friendship(A)], 1);
    for (let n = 1; n <= 5; n++) put(n, A, `m${n}`);
    put(6, A, 'mine', 'out');
    expect(countUnread(db, A, null)).toBe(5);
    markReadUpTo(db, A, id(3));
    markReadUpTo(db, A, id(2)); // never moves back
    expect(countUnread(db, A, listContacts(db)[0]?.lastReadId ?? null)).toBe(2);
  });
});

describe('child store: outbox', () => {
  it('keeps entries in order until removed, and delays retried ones', () => {
    for (let n = 1; n <= 3; n++) enqueueOutbox(db, { messageId: id(n), contactId: A, payload: { n }, now: 100 });
    enqueueOutbox(db, { messageId: id(1), contactId: A, payload: { n: 1 }, now: 100 }); // no duplicate
    expect(dueOutbox(db, 100, 10).map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    noteOutboxAttempt(db, id(1), 500);
    expect(dueOutbox(db, 100, 10).map((e) => e.messageId)).toEqual([id(2), id(3)]);
    expect(removeFromOutbox(db, id(2))).toBe(true);
    expect(removeFromOutbox(db, id(2))).toBe(false);
    expect(allOutbox(db).map((e) => [e.messageId, e.attempts])).toEqual([
      [id(1), 1],
      [id(3), 0],
    ]);
  });

  it('survives closing and reopening the store', () => {
    enqueueOutbox(db, { messageId: id(9), contactId: A, payload: { hi: true }, now: 1 });
    stores.closeAll();
    db = stores.get('01J0000000000000000000CHKD').db;
    expect(allOutbox(db).map((e) => e.messageId)).toEqual([id(9)]);
  });
});

describe('child store: contacts, activity, calls and games', () => {
  it('replaces the contact list with what the relay says; one it no longer lists stays, marked gone', () => {
    replaceContacts(db, [friendship(A), friendship(B)], 1);
    replaceContacts(db, [friendship(B, 'blocked')], 2);
    expect(listContacts(db).map((c) => [c.accountId, c.friendship.status, c.goneAt])).toEqual([
      [A, 'active', 2],
      [B, 'blocked', null],
    ]);
  });

  it('sums activity per day and per contact', () => {
    const day = Date.UTC(2026, 10, 2, 10);
    logActivity(db, { at: day, kind: 'message-sent', contactId: A });
    logActivity(db, { at: day + 1000, kind: 'message-sent', contactId: A });
    logActivity(db, { at: day + 2000, kind: 'session', minutes: 12 });
    logActivity(db, { at: day + 86_400_000, kind: 'call', contactId: B, minutes: 3 });
    expect(activityByDay(db, day - 1)).toEqual([
      { day: '2026-11-03', minutesActive: 3, counts: { call: 1 }, contacts: [{ contactId: B, events: 1 }] },
      {
        day: '2026-11-02',
        minutesActive: 12,
        counts: { 'message-sent': 2, session: 1 },
        contacts: [{ contactId: A, events: 2 }],
      },
    ]);
  });

  it('keeps a call log', () => {
    insertCall(db, { callId: id(1), contactId: A, direction: 'in', video: true, startedAt: 5, endedAt: null, outcome: 'missed' });
    expect(listCalls(db, undefined, 10)).toEqual([
      { callId: id(1), contactId: A, direction: 'in', video: true, startedAt: 5, endedAt: null, outcome: 'missed' },
    ]);
  });
});

function friendship(friendId: string, status: FriendshipView['status'] = 'active'): FriendshipView {
  const member = (accountId: string, name: string): FriendshipView['me'] => ({
    accountId: accountId as AccountId,
    kind: 'child',
    displayName: name,
    parentDisplayName: null,
    avatar: null,
  });
  return {
    friendshipId: `01JFFFFFFFFFFFFFFFFFFFF${friendId.slice(23)}`,
    kind: 'friend',
    status,
    me: member('01J0000000000000000000CHKD', 'Me'),
    friend: member(friendId, 'Friend'),
    myKidConfirmed: true,
    friendKidConfirmed: true,
    myParentApproved: true,
    friendParentApproved: true,
    iBlocked: status === 'blocked',
    updatedAt: 1,
  };
}
