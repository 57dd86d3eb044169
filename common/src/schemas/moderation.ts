import { Type, type Static } from 'typebox';
import { Email, Timestamp, Ulid, closed } from './primitives';

/**
 * Moderation (F16): the fixed list of reasons a moderator gives when suspending or closing an
 * account. A suspended child's guardians are told the category only, never the reporter or the
 * moderator's notes. The moderation issue adds the admin API's schemas here.
 */
export const SUSPENSION_CATEGORIES = ['bullying', 'inappropriate-content', 'unsafe-contact', 'spam-or-scam', 'other'] as const;
export const SuspensionCategory = Type.Enum(SUSPENSION_CATEGORIES);
export type SuspensionCategory = Static<typeof SuspensionCategory>;

/**
 * Since 0.3.0: to a child's own sockets, at hello while suspended and at every change: whether a
 * moderator suspended the child (F16). A suspended child reaches only its own grown-ups; its PC
 * says so in kid words. `category` is the fixed-list reason (null when not suspended).
 */
export const WsSuspensionFrame = Type.Object(
  {
    type: Type.Literal('suspension'),
    suspended: Type.Boolean(),
    category: Type.Union([SuspensionCategory, Type.Null()]),
  },
  { additionalProperties: false },
);
export type WsSuspensionFrame = Static<typeof WsSuspensionFrame>;

// The moderators' admin API (`/admin/v1`, F16): its own credential, never a family's.
const shut = closed;
const Reason = Type.String({ minLength: 1, maxLength: 2000 });
const ModeratorUlid = Ulid;
const ModeratorEmail = Email;
const Ms = Timestamp;

/** `POST /admin/v1/sessions`. */
export const ModeratorSignInBody = Type.Object(
  { email: ModeratorEmail, password: Type.String({ minLength: 1, maxLength: 256 }) },
  shut,
);
export type ModeratorSignInBody = Static<typeof ModeratorSignInBody>;
export const ModeratorSessionGrant = Type.Object(
  {
    sessionId: ModeratorUlid,
    moderatorId: ModeratorUlid,
    token: Type.String({ pattern: '^md_[A-Za-z0-9_-]{16,128}$' }),
    expiresAt: Ms,
  },
  shut,
);
export type ModeratorSessionGrant = Static<typeof ModeratorSessionGrant>;

export const AdminIdParams = Type.Object({ id: ModeratorUlid }, shut);
export const AdminReportListQuery = Type.Object({ includeClosed: Type.Optional(Type.Boolean()) }, shut);
/** `POST /admin/v1/reports/:id/close`, `…/suspension/lift`, `…/email-bans/lift`: an optional note for the log. */
export const AdminNoteBody = Type.Object({ reason: Type.Optional(Reason) }, shut);
export type AdminNoteBody = Static<typeof AdminNoteBody>;
/** `PUT /admin/v1/reports/:id/legal-hold`. */
export const LegalHoldBody = Type.Object({ hold: Type.Boolean(), reason: Type.Optional(Reason) }, shut);
export type LegalHoldBody = Static<typeof LegalHoldBody>;
/** `POST /admin/v1/accounts/:id/suspension`: `reason` is kept for moderators only. */
export const SuspendBody = Type.Object({ category: SuspensionCategory, reason: Reason }, shut);
export type SuspendBody = Static<typeof SuspendBody>;
/** `POST /admin/v1/accounts/:id/close`. */
export const CloseAccountBody = Type.Object({ reason: Reason }, shut);
export type CloseAccountBody = Static<typeof CloseAccountBody>;
/** `POST /admin/v1/email-bans`; the email is kept only as a keyed hash. */
export const BanEmailBody = Type.Object({ email: ModeratorEmail, reason: Reason }, shut);
export type BanEmailBody = Static<typeof BanEmailBody>;
export const BanEmailResult = Type.Object({ accountExists: Type.Boolean() }, shut);
export type BanEmailResult = Static<typeof BanEmailResult>;
/** `POST /admin/v1/email-bans/lift`. */
export const LiftBanBody = Type.Object({ email: ModeratorEmail, reason: Type.Optional(Reason) }, shut);
export type LiftBanBody = Static<typeof LiftBanBody>;

/** `GET /admin/v1/audit`: the append-only log, oldest first. */
export const AuditEntry = Type.Object(
  {
    id: ModeratorUlid,
    moderatorId: ModeratorUlid,
    at: Ms,
    action: Type.String(),
    subjectKind: Type.String(),
    subjectId: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()]),
  },
  shut,
);
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditList = Type.Object({ entries: Type.Array(AuditEntry) }, shut);
export type AuditList = Static<typeof AuditList>;
