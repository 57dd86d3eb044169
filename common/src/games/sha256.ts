import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * SHA-256 of a string's UTF-8 bytes, as lower-case hex. `common` runs in the renderer and in main
 * (no Node, no DOM), and a move's state hash must be synchronous so that `apply` stays a plain
 * function (`crypto.subtle` is async, `node:crypto` Node-only): `@noble/hashes` is both.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
