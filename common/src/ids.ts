/**
 * Branded identifiers: a plain string cannot be passed where an id of another kind is expected.
 * Brands add up (a `ChildId` is an `AccountId` too): each brand is its own key under the symbol,
 * so an id with two brands is not an impossible `'AccountId' & 'ChildId'`.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: { readonly [K in B]: true } };

export type AccountId = Brand<string, 'AccountId'>;
export type ParentId = AccountId & Brand<string, 'ParentId'>;
export type ChildId = AccountId & Brand<string, 'ChildId'>;
export type DeviceId = Brand<string, 'DeviceId'>;
export type SessionId = Brand<string, 'SessionId'>;
export type FriendshipId = Brand<string, 'FriendshipId'>;
export type InviteCode = Brand<string, 'InviteCode'>;
export type PeerId = Brand<string, 'PeerId'>;
export type MessageId = Brand<string, 'MessageId'>;

/** Crockford-style ULID: 26 characters, time-sortable. */
export const ULID_PATTERN = '^[0-9A-HJKMNP-TV-Z]{26}$';

/**
 * Invite codes are read aloud by children: no vowels that spell words, no look-alikes
 * (0/O, 1/I/L, 2/Z, 5/S, 8/B). Eight symbols, shown as two groups of four.
 */
export const INVITE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const INVITE_LENGTH = 8;
const INVITE_CLASS = `[${INVITE_ALPHABET}${INVITE_ALPHABET.toLowerCase()}]`;
/** What a person may type: either case, with or without the dash or a space in the middle. */
export const INVITE_PATTERN = `^${INVITE_CLASS}{4}[- ]?${INVITE_CLASS}{4}$`;

/** Canonical form of a typed invite code: upper case, no separators or spaces. */
export function normalizeInviteCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Display form: two groups of four. */
export function formatInviteCode(code: string): string {
  const c = normalizeInviteCode(code);
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}
