import { ErrorCode, HearthError } from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import type { Logger } from '../logging/logger';

/**
 * The encryption seam: Electron's `safeStorage` has this shape (its Linux `backend()` is
 * `getSelectedStorageBackend()`); the shell adapts it, tests fake it.
 */
export type SecretBox = Readonly<{
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** `basic_text` on Linux without a keyring (a fixed key: obfuscation, not protection), else the OS's name. */
  backend(): string;
}>;

/** How this PC keeps device credentials and a kept parent session, for "About this computer". */
export type VaultState = Readonly<{
  /** `encrypted`: by the OS's keyring; `weak`: basic_text; `plain`: no encryption on this host. */
  protection: 'encrypted' | 'weak' | 'plain';
  backend: string;
  /** Machine policy `requireKeyring` is on and this PC has no keyring: credentials are refused. */
  refused: boolean;
}>;

/** Seals credentials before they reach the family store and opens them when read. */
export type CredentialVault = Readonly<{
  state(): VaultState;
  /** The stored form of a credential; KEYRING_REQUIRED when policy requires a keyring this PC lacks. */
  seal(plain: string): string;
  /** The credential from its stored form (an older plaintext row reads as itself). */
  open(stored: string): string;
  /** True when this stored value is still plaintext and could be sealed now. */
  wantsSealing(stored: string): boolean;
}>;

/** Relay tokens are URL-safe base64 (no `:`), so the prefix can never be a token's start. */
const SEALED = 'sealed1:';

export type VaultOptions = Readonly<{ box: SecretBox | null; requireKeyring?: boolean; logger?: Logger }>;

/** A vault over the OS's encryption, or (box null: the web host) none at all. */
export function createCredentialVault(o: VaultOptions): CredentialVault {
  const available = o.box?.isEncryptionAvailable() ?? false;
  const backend = o.box ? o.box.backend() : 'none';
  const protection: VaultState['protection'] = !available ? 'plain' : backend === 'basic_text' ? 'weak' : 'encrypted';
  const refused = (o.requireKeyring ?? false) && protection !== 'encrypted';
  const state: VaultState = Object.freeze({ protection, backend, refused });
  if (protection !== 'encrypted') o.logger?.warn({ backend, refused }, 'device credentials are not protected by a keyring');
  return Object.freeze({
    state: () => state,
    seal(plain) {
      if (refused) {
        throw new HearthError(
          ErrorCode.KeyringRequired,
          'Your school or IT requires a system keyring to keep sign-ins on this computer, and it has none.',
        );
      }
      if (!available || !o.box) return plain;
      return SEALED + o.box.encryptString(plain).toString('base64');
    },
    open(stored) {
      if (!stored.startsWith(SEALED)) return stored;
      if (!available || !o.box) {
        o.logger?.error({ backend }, 'a sealed credential cannot be opened: no encryption on this computer now');
        return '';
      }
      try {
        return o.box.decryptString(Buffer.from(stored.slice(SEALED.length), 'base64'));
      } catch (err) {
        // The keyring changed (another user, a reinstalled OS): the relay will refuse an empty token and
        // the grown-ups add the child again; nothing else can recover the secret.
        o.logger?.error({ err: (err as Error).message.slice(0, 200), backend }, 'a sealed credential did not open');
        return '';
      }
    },
    wantsSealing: (stored) => available && !refused && !stored.startsWith(SEALED),
  });
}

const PLAIN: CredentialVault = createCredentialVault({ box: null });
const vaults = new WeakMap<object, CredentialVault>();

/** Gives a family store its vault (before its migrations run, so 0003 can seal old rows). */
export function attachVault(db: ReadableDB, vault: CredentialVault): void {
  vaults.set(db, vault);
}

/** The family store's vault; a store opened without one keeps plaintext (tests of other parts). */
export function vaultOf(db: ReadableDB): CredentialVault {
  return vaults.get(db) ?? PLAIN;
}
