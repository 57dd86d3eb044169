import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@hearth/common';
import { ACTIVE_FRIENDSHIP as friendship, FIXTURE_FRIEND as FRIEND, FIXTURE_ME as ME } from '../db/child/friendship-fixture';
import { replaceContacts } from '../db/child/queries/contacts';
import { getMessage, insertMessage, listConversation, searchMessages } from '../db/child/queries/messages';
import { allOutbox } from '../db/child/queries/outbox';
import { createChildStores, type ChildStores } from '../stores/child-stores';
import { createEventHub } from './event-hub';
import { createMessagesService, type MessagesService } from './messages';
import type { SyncControl } from './ports';

let dir: string;
let stores: ChildStores;
let service: MessagesService;
let removed: unknown[];
let unsendAsked: string[];
let online: boolean;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-messages-'));
  stores = createChildStores({ dataDir: dir });
  replaceContacts(stores.get(ME).db, [friendship], 1);
  removed = [];
  unsendAsked = [];
  online = true;
  const events = createEventHub(() => ME);
  events.subscribe((e, p) => {
    if (e === 'messageRemoved') removed.push(p);
  });
  // The relay connection is another part (relay/): here only whether the frame could go.
  const sync: SyncControl = {
    start: () => undefined,
    stop: () => undefined,
    kick: () => undefined,
    unsend: (_child, id) => {
      unsendAsked.push(id);
      return online;
    },
    presenceOf: () => 'offline',
    refreshContacts: async () => undefined,
  };
  service = createMessagesService({ stores, sync, events, now: () => 1_000 });
});
afterEach(() => {
  stores.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('delete for me', () => {
  it('removes any message from this PC only: history, search and outbox, and is never stored again', () => {
    const db = stores.get(ME).db;
    const mine = service.send(ME, { contactId: FRIEND, content: { kind: 'text', text: 'pineapple pizza' } });
    const theirs = '01J000000000000000000MSG01';
    insertMessage(db, {
      id: theirs,
      contactId: FRIEND,
      direction: 'in',
      content: { kind: 'text', text: 'pineapple please' },
      sentAt: 2,
      storedAt: 2,
      state: 'received',
    });
    service.deleteForMe(ME, mine.messageId);
    service.deleteForMe(ME, theirs);
    expect(listConversation(db, FRIEND, { limit: 10 }).messages).toEqual([]);
    expect(searchMessages(db, 'pineapple', { limit: 10 })).toEqual([]);
    expect(allOutbox(db)).toEqual([]);
    expect(removed).toEqual([
      { messageId: mine.messageId, contactId: FRIEND, reason: 'deleted' },
      { messageId: theirs, contactId: FRIEND, reason: 'deleted' },
    ]);
    // A late re-delivery of the same id is not stored again.
    expect(
      insertMessage(db, {
        id: theirs,
        contactId: FRIEND,
        direction: 'in',
        content: { kind: 'text', text: 'again' },
        sentAt: 2,
        storedAt: 3,
        state: 'received',
      }),
    ).toBe(false);
    expect(() => service.deleteForMe(ME, theirs)).toThrow(expect.objectContaining({ code: ErrorCode.NotFound }));
  });
});

describe('unsend', () => {
  it('asks the relay only for my own message the relay holds, and says when this PC is offline', () => {
    const db = stores.get(ME).db;
    const queued = service.send(ME, { contactId: FRIEND, content: { kind: 'text', text: 'oops' } });
    expect(() => service.unsend(ME, queued.messageId)).toThrow(expect.objectContaining({ code: ErrorCode.InvalidTransition }));
    db.prepare(`UPDATE messages SET state = 'sent' WHERE id = ?`).run(queued.messageId);
    service.unsend(ME, queued.messageId);
    expect(unsendAsked).toEqual([queued.messageId]);
    online = false;
    expect(() => service.unsend(ME, queued.messageId)).toThrow(expect.objectContaining({ code: ErrorCode.Unavailable }));
    // Asking is not removing: the relay's answer does that.
    expect(getMessage(db, queued.messageId)).toBeDefined();
  });
});
