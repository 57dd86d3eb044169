import type { ErrorCode } from '../errors';
import type { MessageKind } from '../schemas/message-content';
import type { NoticeKind } from '../schemas/family';
import type { WsServerFrameType } from '../schemas/realtime';

/**
 * Versions between the app and the relay. The rule (README, "Versions"): every change to a wire
 * schema in common/ (a field, a frame type, a message kind or content shape, an error code) bumps
 * the app's minor version and gets a row below; a changed content shape is a new kind, never a
 * new meaning of an old one. The relay sends a device only what its announced version reads.
 * 0.1.0 is the first version: it reads tolerantly and announces itself; its reading schemas are
 * `common/compat/v0.1.0.json`.
 */

/** This app's version; `desktop/package.json` says the same (a test checks). */
export const APP_VERSION = '0.5.0';
/** The relay's API version: 1 for relays that did not announce one, 2 since they do. */
export const RELAY_API_VERSION = 2;
/** The oldest app version a relay serves unless its operator raises it (`--min-app-version`). */
export const MIN_APP_VERSION = '0.1.0';

/** Request header (every HTTP request and the `/v1/ws` upgrade): the app's version. */
export const APP_VERSION_HEADER = 'hearth-app-version';
/** Response headers: the relay's API version and the oldest app version it serves. */
export const API_VERSION_HEADER = 'hearth-api-version';
export const MIN_APP_VERSION_HEADER = 'hearth-min-app-version';

/** `MAJOR.MINOR.PATCH`, numbers only (no pre-release tags on the wire). */
export const APP_VERSION_PATTERN = '^(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})$';
const VERSION = new RegExp(APP_VERSION_PATTERN);

/** A parsed version, comparable with {@link compareVersions}. */
export type AppVersion = readonly [number, number, number];

/**
 * The version in a header or frame, or undefined when it is missing or not `N.N.N`. A `/v1/ws`
 * connection that announces no version (or one that does not parse) counts as older than the
 * minimum and is refused with APP_TOO_OLD; 0.1.0, the first version, announces itself.
 */
export function parseAppVersion(text: string | undefined): AppVersion | undefined {
  const m = text === undefined ? null : VERSION.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Negative, zero or positive as `a` is older than, the same as or newer than `b`. */
export function compareVersions(a: AppVersion, b: AppVersion): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The first app version that reads each frame type the relay sends on `/v1/ws`, each message
 * kind and each error code. A row is added with every new one, and never changed.
 */
export const FIRST_READ_IN = Object.freeze({
  frames: Object.freeze({
    welcome: '0.1.0',
    presence: '0.1.0',
    friendship: '0.1.0',
    sent: '0.1.0',
    message: '0.1.0',
    delivered: '0.1.0',
    expired: '0.1.0',
    error: '0.1.0',
    pong: '0.1.0',
    'unsend-result': '0.1.0',
    unsent: '0.1.0',
    notice: '0.2.0',
    quiet: '0.3.0',
    reconsent: '0.3.0',
    suspension: '0.3.0',
    games: '0.4.0',
    'call-ice': '0.5.0',
  } satisfies Record<WsServerFrameType, string>),
  kinds: Object.freeze({
    text: '0.1.0',
    sticker: '0.1.0',
    gif: '0.1.0',
    photo: '0.1.0',
    voice: '0.1.0',
    video: '0.1.0',
    game: '0.1.0',
    'call-log': '0.1.0',
    'daily-summary': '0.3.0',
    'game-move': '0.4.0',
  } satisfies Record<MessageKind, string>),
  errors: Object.freeze({
    VALIDATION_FAILED: '0.1.0',
    MALFORMED_REQUEST: '0.1.0',
    PAYLOAD_TOO_LARGE: '0.1.0',
    UNSUPPORTED_MEDIA_TYPE: '0.1.0',
    UNAUTHENTICATED: '0.1.0',
    FORBIDDEN: '0.1.0',
    NOT_FOUND: '0.1.0',
    RATE_LIMITED: '0.1.0',
    EMAIL_TAKEN: '0.1.0',
    USERNAME_TAKEN: '0.1.0',
    CONSENT_REQUIRED: '0.1.0',
    POLICY_VERSION_MISMATCH: '0.1.0',
    INVITE_INVALID: '0.1.0',
    INVITE_OWN: '0.1.0',
    INVALID_TRANSITION: '0.1.0',
    NOT_FRIENDS: '0.1.0',
    LOCKED: '0.1.0',
    WRONG_PASSWORD: '0.1.0',
    CONFLICT: '0.1.0',
    UNAVAILABLE: '0.1.0',
    INTERNAL: '0.1.0',
    APP_TOO_OLD: '0.1.0',
    QUOTA_EXCEEDED: '0.1.0',
    STORAGE_FULL: '0.1.0',
    EMAIL_NOT_VERIFIED: '0.2.0',
    CODE_INVALID: '0.2.0',
    LAST_GUARDIAN: '0.2.0',
    QUIET_HOURS: '0.3.0',
    DEVICE_REVOKED: '0.3.0',
    RECONSENT_REQUIRED: '0.3.0',
    SCHEDULE_OVERLAP: '0.3.0',
    TIME_ZONE_UNKNOWN: '0.3.0',
    TIME_NOT_IN_DAY: '0.3.0',
    NOT_A_RECENT_CONTACT: '0.3.0',
    ACCOUNT_SUSPENDED: '0.3.0',
    EMAIL_BANNED: '0.3.0',
    LEGAL_HOLD: '0.3.0',
    GAMES_OFF: '0.4.0',
    SET_BY_POLICY: '0.4.0',
    KEYRING_REQUIRED: '0.4.0',
  } satisfies Record<ErrorCode, string>),
});

/** The shape of {@link FIRST_READ_IN}, for tests that imagine a later table. */
export type FirstReadTable = Readonly<{
  frames: Readonly<Record<string, string>>;
  kinds: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
}>;

function readsSince(first: string | undefined, version: AppVersion): boolean {
  const since = parseAppVersion(first);
  return since !== undefined && compareVersions(version, since) >= 0;
}

/** Does an app of this version read frames of this type? Unknown types: no. */
export function readsFrame(version: AppVersion, type: string, table: FirstReadTable = FIRST_READ_IN): boolean {
  return readsSince(table.frames[type], version);
}

/** Does an app of this version read messages of this kind? Unknown kinds: no. */
export function readsKind(version: AppVersion, kind: string, table: FirstReadTable = FIRST_READ_IN): boolean {
  return readsSince(table.kinds[kind], version);
}

/** Does an app of this version know this error code? Unknown codes: no. */
export function readsErrorCode(version: AppVersion, code: string, table: FirstReadTable = FIRST_READ_IN): boolean {
  return readsSince(table.errors[code], version);
}

/**
 * The first app version that reads each notice kind (a `notice` frame, `GET /v1/notices`): an
 * older app refuses a notice of a kind it does not know, so the relay leaves those out for it.
 * A row is added with every new kind, and never changed.
 */
export const NOTICE_KIND_FIRST_READ = Object.freeze({
  'friend-requested': '0.2.0',
  'friend-approved': '0.2.0',
  'friend-blocked': '0.2.0',
  'friend-removed': '0.2.0',
  'guardian-added': '0.2.0',
  'guardian-removed': '0.2.0',
  'trusted-added': '0.2.0',
  'trusted-removed': '0.2.0',
  'consent-given': '0.2.0',
  'consent-withdrawn': '0.2.0',
  'child-deleted': '0.2.0',
  'friend-reported': '0.3.0',
  'device-signed-out': '0.3.0',
  'reconsent-requested': '0.3.0',
  'child-was-reported': '0.3.0',
  'child-suspended': '0.3.0',
  'child-suspension-lifted': '0.3.0',
} satisfies Record<NoticeKind, string>);

/** Does an app of this version read notices of this kind? Unknown kinds: no. */
export function readsNoticeKind(version: AppVersion, kind: string): boolean {
  return readsSince((NOTICE_KIND_FIRST_READ as Readonly<Record<string, string>>)[kind], version);
}
