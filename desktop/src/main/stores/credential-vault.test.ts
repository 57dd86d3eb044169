import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@hearth/common';
import { getProfile, listProfiles, putParentProfile, upsertProfile } from '../db/family/queries/profiles';
import { createCredentialVault, type SecretBox } from './credential-vault';
import { openFamilyStore } from './family-store';

const CHILD_TOKEN = 'dc_child_secret_token_AAAAAAAAAAAAAAAA';
const PARENT_TOKEN = 'ps_parent_session_token_BBBBBBBBBBBBBBBB';
const KID = '01J000000000000000000000AA';
const PARENT = '01J0000000000000000000PRNT';

/** A reversible fake of safeStorage: marks its output and flips every byte, so plaintext cannot survive it. */
function fakeBox(backend = 'gnome_libsecret', available = true): SecretBox & { opened: number } {
  const box = {
    opened: 0,
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => Buffer.concat([Buffer.from('FAKE1'), Buffer.from(plain).map((b) => b ^ 0xa5)]),
    decryptString: (sealed: Buffer) => {
      if (!sealed.subarray(0, 5).equals(Buffer.from('FAKE1'))) throw new Error('not ours');
      box.opened++;
      return Buffer.from(sealed.subarray(5).map((b) => b ^ 0xa5)).toString();
    },
    backend: () => backend,
  };
  return box;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-vault-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every byte the family store has on disk: the database, its WAL and shared memory. */
function storeBytes(): Buffer {
  const files = fs.readdirSync(dir).filter((f) => f.startsWith('family.sqlite'));
  expect(files).toContain('family.sqlite');
  return Buffer.concat(files.map((f) => fs.readFileSync(path.join(dir, f))));
}
const holds = (bytes: Buffer, text: string): boolean => bytes.includes(Buffer.from(text));

function addBoth(db: ReturnType<typeof openFamilyStore>): void {
  upsertProfile(db, {
    childId: KID,
    parentId: PARENT,
    displayName: 'Ada',
    username: 'ada',
    avatar: null,
    deviceToken: CHILD_TOKEN,
    addedAt: 1,
  });
  putParentProfile(db, { parentId: PARENT, displayName: 'P', token: PARENT_TOKEN, sessionId: KID, expiresAt: 9, addedAt: 1 });
}

describe('credentials sealed at rest', () => {
  it('keeps no device credential or parent session in the family store’s bytes, and reads them back', () => {
    const box = fakeBox();
    const db = openFamilyStore(dir, undefined, { credentialVault: createCredentialVault({ box }) });
    addBoth(db);
    expect(getProfile(db, KID)?.deviceToken).toBe(CHILD_TOKEN);
    expect(getProfile(db, PARENT)?.deviceToken).toBe(PARENT_TOKEN);
    // While open, the new pages live in the WAL: scanned too.
    const live = storeBytes();
    expect(holds(live, CHILD_TOKEN) || holds(live, PARENT_TOKEN)).toBe(false);
    expect(holds(live, 'sealed1:')).toBe(true);
    db.close();
    const closed = storeBytes();
    expect(holds(closed, CHILD_TOKEN) || holds(closed, PARENT_TOKEN)).toBe(false);
  });

  it('seals rows an older Hearth kept in plaintext on the first open that can encrypt (migration 0003)', () => {
    const plain = openFamilyStore(dir);
    addBoth(plain);
    plain.close();
    // The control: without a vault the secrets are on disk, so the scan can see them.
    expect(holds(storeBytes(), CHILD_TOKEN)).toBe(true);
    const box = fakeBox();
    const db = openFamilyStore(dir, undefined, { credentialVault: createCredentialVault({ box }) });
    expect(
      listProfiles(db)
        .map((p) => p.deviceToken)
        .sort(),
    ).toEqual([CHILD_TOKEN, PARENT_TOKEN].sort());
    expect(box.opened).toBe(2);
    const bytes = storeBytes();
    expect(holds(bytes, CHILD_TOKEN) || holds(bytes, PARENT_TOKEN)).toBe(false);
    db.close();
  });

  it('refuses to keep credentials with KEYRING_REQUIRED where policy requires a keyring and the backend is basic_text', () => {
    const vault = createCredentialVault({ box: fakeBox('basic_text'), requireKeyring: true });
    expect(vault.state()).toEqual({ protection: 'weak', backend: 'basic_text', refused: true });
    const db = openFamilyStore(dir, undefined, { credentialVault: vault });
    expect(() => addBoth(db)).toThrow(expect.objectContaining({ code: ErrorCode.KeyringRequired }));
    expect(listProfiles(db)).toEqual([]);
    db.close();
    expect(holds(storeBytes(), CHILD_TOKEN)).toBe(false);
  });

  it('says how credentials are kept: keyring, basic_text, none', () => {
    expect(createCredentialVault({ box: fakeBox() }).state()).toEqual({
      protection: 'encrypted',
      backend: 'gnome_libsecret',
      refused: false,
    });
    expect(createCredentialVault({ box: fakeBox('basic_text') }).state().protection).toBe('weak');
    expect(createCredentialVault({ box: fakeBox('unknown', false) }).state().protection).toBe('plain');
    expect(createCredentialVault({ box: null }).state()).toEqual({ protection: 'plain', backend: 'none', refused: false });
    expect(createCredentialVault({ box: null, requireKeyring: true }).state().refused).toBe(true);
  });

  it('reads a credential the keyring can no longer open as empty (the relay refuses it), never a crash', () => {
    const vault = createCredentialVault({ box: fakeBox() });
    const sealed = vault.seal('x_token');
    expect(vault.open(sealed)).toBe('x_token');
    expect(vault.open('sealed1:AAAA')).toBe('');
    expect(createCredentialVault({ box: null }).open(sealed)).toBe('');
    expect(vault.open('legacy_plain_token')).toBe('legacy_plain_token');
  });
});
