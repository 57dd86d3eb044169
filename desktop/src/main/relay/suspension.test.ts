/**
 * A suspended child's PC (issue 15, F16): the relay's `suspension` frame is kept per child in
 * memory and told to the child's screens; a send the relay refuses with ACCOUNT_SUSPENDED fails
 * and says so; the messages service refuses at once to reach anyone but the child's own guardians.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, type AccountId, type HearthError, type EventName, type FriendshipView } from '@hearth/common';
import { ACTIVE_FRIENDSHIP as friendship, FIXTURE_FRIEND as FRIEND, FIXTURE_ME as ME } from '../db/child/friendship-fixture';
import { replaceContacts } from '../db/child/queries/contacts';
import { allOutbox, enqueueOutbox } from '../db/child/queries/outbox';
import { getMessage, insertMessage } from '../db/child/queries/messages';
import { silentLogger } from '../logging/logger';
import { createEventHub } from '../services/event-hub';
import { createMessagesService } from '../services/messages';
import { createChildStores, type ChildStores } from '../stores/child-stores';
import type { ConnectionContext } from './connection-context';
import { handleServerFrame } from './inbound';
import { createQuietTracker } from './quiet-tracker';
import { createSuspensionTracker, type SuspensionTracker } from './suspension-tracker';

const GUARDIAN = '01J000000000000000000GRDN1';
const TRUSTED = '01J000000000000000000TRST1';
const family = (accountId: string, role: 'guardian' | 'trusted', id: string): FriendshipView => ({
  ...friendship,
  friendshipId: id,
  kind: 'family',
  friend: {
    accountId: accountId as AccountId,
    kind: 'parent',
    displayName: role,
    parentDisplayName: null,
    avatar: null,
    familyRole: role,
  },
});

let dir: string;
let stores: ChildStores;
let ctx: ConnectionContext;
let suspension: SuspensionTracker;
let told: Array<{ event: EventName; payload: unknown }>;
const hooks = { ack: () => undefined, onWelcome: () => undefined };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-suspension-'));
  stores = createChildStores({ dataDir: dir });
  const store = stores.get(ME);
  replaceContacts(
    store.db,
    [
      friendship,
      family(GUARDIAN, 'guardian', '01J0000000000000000000FSH2'),
      family(TRUSTED, 'trusted', '01J0000000000000000000FSH3'),
    ],
    1,
  );
  told = [];
  const hub = createEventHub(() => ME);
  hub.subscribe((event, payload) => told.push({ event, payload }));
  suspension = createSuspensionTracker();
  ctx = {
    childId: ME,
    db: store.db,
    attachmentsDir: store.attachmentsDir,
    token: () => 'dc_test_token_000000',
    blobs: { upload: () => Promise.reject(new Error('offline')), download: () => Promise.reject(new Error('offline')) },
    events: hub,
    now: () => 1_000,
    log: silentLogger(),
    send: () => true,
    presence: new Map(),
    refreshContacts: async () => undefined,
    becomeDevice: async () => undefined,
    credentialRefused: () => undefined,
    ackTimeoutMs: 1_000,
    quiet: createQuietTracker(),
    suspension,
  };
});
afterEach(() => {
  stores.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the suspension frame', () => {
  it('is kept for the child and told to the screens, and lifting it is too', async () => {
    expect(suspension.get(ME)).toEqual({ suspended: false, category: null });
    await handleServerFrame(ctx, { type: 'suspension', suspended: true, category: 'bullying' }, hooks);
    expect(suspension.get(ME)).toEqual({ suspended: true, category: 'bullying' });
    expect(told).toEqual([{ event: 'suspension', payload: { suspended: true, category: 'bullying' } }]);
    await handleServerFrame(ctx, { type: 'suspension', suspended: false, category: null }, hooks);
    expect(suspension.isSuspended(ME)).toBe(false);
    expect(told.at(-1)).toEqual({ event: 'suspension', payload: { suspended: false, category: null } });
  });

  it('an ACCOUNT_SUSPENDED refusal fails the message and says the child is paused', async () => {
    const id = '01J000000000000000000MSG30';
    insertMessage(ctx.db, {
      id,
      contactId: FRIEND,
      direction: 'out',
      content: { kind: 'text', text: 'x' },
      sentAt: 1,
      storedAt: 1,
      state: 'queued',
    });
    enqueueOutbox(ctx.db, { messageId: id, contactId: FRIEND, payload: {}, now: 1 });
    await handleServerFrame(ctx, { type: 'error', ref: id, code: ErrorCode.AccountSuspended, message: 'paused' }, hooks);
    expect(getMessage(ctx.db, id)?.state).toBe('failed');
    expect(allOutbox(ctx.db)).toEqual([]);
    expect(suspension.isSuspended(ME)).toBe(true);
    expect(told.map((t) => t.event)).toEqual(['suspension', 'messageState']);
  });
});

describe('sending while paused', () => {
  it('reaches only the child’s own guardians', async () => {
    await handleServerFrame(ctx, { type: 'suspension', suspended: true, category: 'other' }, hooks);
    const sync = {
      start: () => undefined,
      stop: () => undefined,
      kick: () => undefined,
      unsend: () => false,
      presenceOf: () => 'offline' as const,
      refreshContacts: async () => undefined,
    };
    const service = createMessagesService({
      stores,
      sync,
      events: createEventHub(() => ME),
      now: () => 1_000,
      isSuspended: suspension.isSuspended,
    });
    const hi = { kind: 'text' as const, text: 'hi' };
    for (const contactId of [FRIEND, TRUSTED]) {
      expect(() => service.send(ME, { contactId, content: hi })).toThrow(
        expect.objectContaining({ code: ErrorCode.AccountSuspended }) as HearthError,
      );
    }
    expect(service.send(ME, { contactId: GUARDIAN, content: hi }).state).toBe('queued');
  });
});
