import { createHash, randomBytes, randomInt } from 'node:crypto';
import { INVITE_ALPHABET, INVITE_LENGTH } from '@hearth/common';

export type TokenKind = 'ps' | 'dc' | 'sg';

/** A new bearer token: a kind prefix and 32 random bytes, URL-safe (PeerJS puts tokens in URLs). */
export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as their SHA-256; a stolen database holds no usable credential. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function tokenKind(token: string): TokenKind | undefined {
  const prefix = token.slice(0, 3);
  return prefix === 'ps_' || prefix === 'dc_' || prefix === 'sg_' ? (prefix.slice(0, 2) as TokenKind) : undefined;
}

/** An invite code from the read-aloud alphabet, uniformly random. */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}
