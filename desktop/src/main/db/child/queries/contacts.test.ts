import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, FriendshipView } from '@hearth/common';
import { createChildStores, type ChildStores } from '../../../stores/child-stores';
import { getContact, listContacts, replaceContacts } from './contacts';

const ME = '01J00000000000000000000KXD' as AccountId;
let dir: string;
let stores: ChildStores;

const friendship = (friend: string, status: FriendshipView['status']): FriendshipView => ({
  friendshipId: `01J00000000000000000${friend.slice(-6)}`,
  kind: 'friend',
  status,
  me: { accountId: ME, kind: 'child', displayName: 'Me', parentDisplayName: 'P', avatar: null },
  friend: { accountId: friend as AccountId, kind: 'child', displayName: 'F', parentDisplayName: 'Q', avatar: 'owl' },
  myKidConfirmed: true,
  friendKidConfirmed: true,
  myParentApproved: status === 'active',
  friendParentApproved: status === 'active',
  iBlocked: false,
  updatedAt: 1,
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-contacts-'));
  stores = createChildStores({ dataDir: dir });
});
afterEach(() => {
  stores.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('replacing the contact list', () => {
  it('says whether anything changed: new, same again, changed, gone', () => {
    const { db } = stores.get(ME);
    const a = '01J000000000000000000AAAAA';
    const b = '01J000000000000000000BBBBB';
    expect(replaceContacts(db, [friendship(a, 'accepted-by-kid')], 1)).toBe(true);
    expect(replaceContacts(db, [friendship(a, 'accepted-by-kid')], 2)).toBe(false);
    expect(replaceContacts(db, [friendship(a, 'active')], 3)).toBe(true);
    expect(replaceContacts(db, [friendship(a, 'active'), friendship(b, 'requested')], 4)).toBe(true);
    expect(replaceContacts(db, [friendship(b, 'requested')], 5)).toBe(true);
    // a's account is gone (the relay keeps every friendship until an account is deleted): kept, marked.
    expect(listContacts(db).map((c) => [c.accountId, c.goneAt])).toEqual([
      [a, 5],
      [b, null],
    ]);
    expect(replaceContacts(db, [friendship(b, 'requested')], 6)).toBe(false);
    expect(getContact(db, a)?.goneAt).toBe(5);
  });
});
