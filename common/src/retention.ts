import { Type, type Static } from 'typebox';
import { closed } from './schemas/primitives';

/**
 * How long the relay keeps each kind of thing (F16), in days: the one table the sweepers read and
 * `GET /v1/policy` and the README publish, so the numbers cannot drift apart.
 */
export const RETENTION_DAYS = Object.freeze({
  /** A queued message: this many days of the recipient's non-quiet time… */
  queuedMessages: 15,
  /** …and never more than this many calendar days (twice the above). */
  queuedMessagesAtMost: 30,
  /** A franking record (a keyed hash of a relayed message, never its content), from sending. */
  frankingRecords: 30,
  /** A report forwarded to the moderators, from its closing (a legal hold stops it until lifted). */
  forwardedReports: 365,
  /** A moderator action in the audit log, from the closing of what it was about. */
  moderatorActions: 365,
  /** An email ban (a keyed hash), at least this long from the ban. */
  bans: 365,
  /** A streak of failed sign-ins, from the last failure. */
  signInFailures: 1,
  /** A log file, from its writing. */
  logFiles: 7,
  /** A signed-out computer's tombstone (a one-way hash of its old sign-in, no name), from signing out. */
  deviceTombstones: 90,
  /** A notice in a family's list of what happened, from its making. */
  familyNotices: 90,
});

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A retention period of {@link RETENTION_DAYS} in milliseconds. */
export function retentionMs(what: keyof typeof RETENTION_DAYS): number {
  return RETENTION_DAYS[what] * DAY_MS;
}

/**
 * One published rule. `what` and `after` are stable words an app may translate (new ones may come:
 * read them as text). `days` counts from `after`; null when the thing goes at an event only
 * (`until`), with `atMostDays` as the bound. `atLeast`: kept at least `days`, possibly longer.
 * `legalHold`: a legal hold stops its deletion until lifted (the hold and the lifting are logged).
 */
export const RetentionRule = Type.Object(
  {
    what: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z-]*$' }),
    days: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    after: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z-]*$' }),
    counting: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z-]*$' })),
    until: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z][a-z-]*$' })),
    atMostDays: Type.Optional(Type.Integer({ minimum: 1 })),
    atLeast: Type.Optional(Type.Boolean()),
    legalHold: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type RetentionRule = Static<typeof RetentionRule>;

export const RetentionTable = Type.Array(RetentionRule, { maxItems: 100 });
export type RetentionTable = Static<typeof RetentionTable>;

const D = RETENTION_DAYS;

/** The table as `GET /v1/policy` serves it and the README states it. */
export const RETENTION_TABLE: readonly RetentionRule[] = Object.freeze(
  [
    {
      what: 'queued-messages',
      days: D.queuedMessages,
      after: 'sent',
      counting: 'non-quiet-time',
      atMostDays: D.queuedMessagesAtMost,
    },
    {
      what: 'attachments',
      days: null,
      after: 'uploaded',
      until: 'every-device-has-it-or-message-expired',
      atMostDays: D.queuedMessagesAtMost,
    },
    { what: 'franking-records', days: D.frankingRecords, after: 'sent' },
    { what: 'forwarded-reports', days: D.forwardedReports, after: 'closed', legalHold: true },
    { what: 'moderator-actions', days: D.moderatorActions, after: 'closed', legalHold: true },
    { what: 'bans', days: D.bans, after: 'banned', atLeast: true },
    { what: 'sign-in-failures', days: D.signInFailures, after: 'last-failure' },
    { what: 'log-files', days: D.logFiles, after: 'written' },
    { what: 'device-tombstones', days: D.deviceTombstones, after: 'signed-out' },
    { what: 'family-notices', days: D.familyNotices, after: 'made' },
  ].map((rule) => Object.freeze(rule as RetentionRule)),
);
