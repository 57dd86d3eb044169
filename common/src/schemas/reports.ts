import { Type, type Static } from 'typebox';
import { AccountIdSchema, ChildIdSchema, DisplayName, Timestamp, Ulid, closed } from './primitives';
import { AttachmentMimeSchema, Sha256Hex } from './message-content';

/**
 * Reports (F11): built on the reporting child's PC from what it holds, sent to the relay for the
 * child's own guardians, who may forward one to the relay's moderators (F16) or share it with the
 * reported child's guardians. Shared by the relay, the app's main process and the UI.
 */

/** What the child picks, from pictures with words read aloud. */
export const REPORT_REASONS = [
  'mean-words',
  'scary-picture',
  'secrets-or-where-i-live',
  'wants-to-meet',
  'something-else',
] as const;
export const ReportReason = Type.Enum(REPORT_REASONS);
export type ReportReason = Static<typeof ReportReason>;

/** Reasons that are signs of grooming: the relay forwards these to the moderators at once. */
export const REPORT_REASONS_FORWARDED_AT_ONCE: readonly ReportReason[] = Object.freeze([
  'secrets-or-where-i-live',
  'wants-to-meet',
]);

/** Where the child pressed "Something's wrong". */
export const REPORT_PLACES = ['message', 'friend', 'game', 'call', 'call-end'] as const;
export const ReportPlace = Type.Enum(REPORT_PLACES);
export type ReportPlace = Static<typeof ReportPlace>;

export const REPORT_LIMITS = Object.freeze({
  /** The last messages of the conversation a report carries (the reported one is always among them). */
  messages: 20,
  /** Call-log entries with the reported account. */
  calls: 50,
  /** Attachment bytes a report carries, pictures first; the voice note is counted apart. */
  evidenceBytes: 50 * 1024 * 1024,
  /** The child's own voice note (a voice message's size limit). */
  voiceNoteBytes: 5 * 1024 * 1024,
  /** A message's raw JSON as the relay delivered it. */
  rawMessageChars: 16_384,
  /** How long after a contact ended the child may still report them. */
  recentContactMs: 30 * 24 * 60 * 60_000,
});

/**
 * One message of the conversation, as the reporting PC holds it. `raw` is the message exactly as
 * the relay delivered it: the text of the `message` WebSocket frame the PC received, or, for the
 * child's own sent messages, `JSON.stringify({ id, from, to, sentAt, content })` with the relay's
 * `sentAt` from its `sent` acknowledgement. `shown` is what the PC stored and showed (it may differ:
 * a picture whose metadata was stripped on receipt, or a PC that altered its store).
 */
export const ReportMessage = Type.Object(
  {
    id: Ulid,
    from: AccountIdSchema,
    to: AccountIdSchema,
    sentAt: Timestamp,
    raw: Type.String({ minLength: 2, maxLength: REPORT_LIMITS.rawMessageChars }),
    /** The content as the PC stores and shows it (JSON text of a MessageContent). */
    shown: Type.String({ minLength: 2, maxLength: REPORT_LIMITS.rawMessageChars }),
    /** The stored attachment's SHA-256, where the message has one and the PC holds it. */
    fileHash: Type.Optional(Sha256Hex),
    /** The PC changed the attachment on receipt (metadata stripped), so its hash differs from the sent one. */
    changedOnReceipt: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type ReportMessage = Static<typeof ReportMessage>;

export const ReportCall = Type.Object(
  {
    callId: Type.String({ minLength: 1, maxLength: 64 }),
    direction: Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')]),
    startedAt: Timestamp,
    durationMs: Type.Integer({ minimum: 0 }),
    outcome: Type.String({ minLength: 1, maxLength: 32 }),
  },
  closed,
);
export type ReportCall = Static<typeof ReportCall>;

/** A file the report carries: an attachment the PC holds, or the child's voice note. Uploaded apart. */
export const ReportFile = Type.Object(
  {
    hash: Sha256Hex,
    size: Type.Integer({ minimum: 1, maximum: REPORT_LIMITS.evidenceBytes }),
    mime: AttachmentMimeSchema,
    role: Type.Union([Type.Literal('attachment'), Type.Literal('voice-note')]),
    /** The message it belongs to (null for the voice note). */
    messageId: Type.Union([Ulid, Type.Null()]),
  },
  closed,
);
export type ReportFile = Static<typeof ReportFile>;

/** `POST /v1/reports` (the reporting child's device credential): the report, without the files' bytes. */
export const ReportSubmission = Type.Object(
  {
    /** Made on the PC, so a re-send after a lost answer is the same report (idempotent). */
    reportId: Ulid,
    about: AccountIdSchema,
    reason: ReportReason,
    place: ReportPlace,
    /** The reported item: a message id, a game's match id, a call id; null for a friend's card. */
    itemId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    messages: Type.Array(ReportMessage, { maxItems: REPORT_LIMITS.messages + 1 }),
    calls: Type.Array(ReportCall, { maxItems: REPORT_LIMITS.calls }),
    files: Type.Array(ReportFile, { maxItems: REPORT_LIMITS.messages + 2 }),
    madeAt: Timestamp,
  },
  closed,
);
export type ReportSubmission = Static<typeof ReportSubmission>;

/** Who the reported account is, to the reporting child's family. */
export const ReportedRole = Type.Union([
  Type.Literal('friend'),
  Type.Literal('trusted-grown-up'),
  Type.Literal('guardian'),
  Type.Literal('former-contact'),
]);
export type ReportedRole = Static<typeof ReportedRole>;

/** The answer to `POST /v1/reports`: what happened at once. The child's words are the same whatever it says. */
export const ReportAccepted = Type.Object(
  {
    reportId: Ulid,
    /** The relay blocked the reported child (invisible to them), or removed the trusted grown-up. */
    blocked: Type.Boolean(),
    /** Files still to upload (`PUT /v1/reports/:id/files/:hash`). */
    missingFiles: Type.Array(Sha256Hex),
  },
  closed,
);
export type ReportAccepted = Static<typeof ReportAccepted>;

export const ReportState = Type.Object(
  {
    forwardedAt: Type.Union([Timestamp, Type.Null()]),
    /** Forwarded at once by the relay (a grooming sign, or a report about a guardian). */
    forwardedAutomatically: Type.Boolean(),
    sharedAt: Type.Union([Timestamp, Type.Null()]),
    unblockedAt: Type.Union([Timestamp, Type.Null()]),
    closedAt: Type.Union([Timestamp, Type.Null()]),
  },
  closed,
);
export type ReportState = Static<typeof ReportState>;

/** A report as the reporting child's guardians list it (`GET /v1/reports?childId=`). */
export const ReportSummary = Type.Object(
  {
    reportId: Ulid,
    childId: ChildIdSchema,
    childName: DisplayName,
    about: Type.Object({ accountId: AccountIdSchema, displayName: DisplayName, role: ReportedRole }, closed),
    reason: ReportReason,
    place: ReportPlace,
    madeAt: Timestamp,
    receivedAt: Timestamp,
    state: ReportState,
  },
  closed,
);
export type ReportSummary = Static<typeof ReportSummary>;
export const ReportList = Type.Object({ reports: Type.Array(ReportSummary) }, closed);
export type ReportList = Static<typeof ReportList>;
export const ReportListQuery = Type.Object({ childId: Type.Optional(ChildIdSchema) }, closed);

/** One report with its evidence (`GET /v1/reports/:id`); the files by `GET /v1/reports/:id/files/:hash`. */
export const ReportDetail = Type.Object(
  {
    summary: ReportSummary,
    itemId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    messages: Type.Array(ReportMessage),
    calls: Type.Array(ReportCall),
    files: Type.Array(
      Type.Object(
        {
          hash: Sha256Hex,
          size: Type.Integer({ minimum: 1 }),
          mime: AttachmentMimeSchema,
          role: ReportFile.properties.role,
          messageId: ReportFile.properties.messageId,
          uploaded: Type.Boolean(),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type ReportDetail = Static<typeof ReportDetail>;

export const ReportFileParams = Type.Object({ id: Ulid, hash: Sha256Hex }, closed);

/** `POST /v1/reports/:id/forward`: a guardian sends it to the relay's moderators, with a note of their own. */
export const ForwardReportBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, closed);
export type ForwardReportBody = Static<typeof ForwardReportBody>;

/**
 * A report one family shared with the reported child's guardians (`GET /v1/shared-reports`): the
 * reporting child's first name and the evidence, never the reporting family's contact details.
 */
export const SharedReport = Type.Object(
  {
    reportId: Ulid,
    /** The reported child (the receiving guardian's own child). */
    childId: ChildIdSchema,
    childName: DisplayName,
    reporterFirstName: DisplayName,
    reason: ReportReason,
    madeAt: Timestamp,
    sharedAt: Timestamp,
    messages: Type.Array(ReportMessage),
    calls: Type.Array(ReportCall),
    files: ReportDetail.properties.files,
  },
  closed,
);
export type SharedReport = Static<typeof SharedReport>;
export const SharedReportList = Type.Object({ reports: Type.Array(SharedReport) }, closed);
export type SharedReportList = Static<typeof SharedReportList>;

/** What a moderator sees of one message: whether the relay's franking record matches the raw form. */
export const FRANKING_VERDICTS = ['confirmed', 'not-confirmed', 'confirmed-picture-changed'] as const;
export const FrankingVerdict = Type.Enum(FRANKING_VERDICTS);
export type FrankingVerdict = Static<typeof FrankingVerdict>;
