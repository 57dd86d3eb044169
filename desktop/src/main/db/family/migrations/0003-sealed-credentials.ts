import type { WritableDB } from '@hearth/sqlite';
import { sealPlaintextCredentials } from '../queries/profiles';

/**
 * Device credentials and the kept parent-mode session sealed at rest (issue 17 §4): rows an older
 * Hearth wrote in plaintext are sealed with the store's vault where the OS can encrypt. No schema
 * change: a sealed value is `sealed1:<base64>` in the same column. The family store repeats this
 * on every open, so a PC that gains a keyring later is sealed then.
 */
export function updateToSchemaVersion3(db: WritableDB): void {
  sealPlaintextCredentials(db);
}
