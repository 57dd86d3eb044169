/**
 * Stable error codes shared by the relay, the desktop main process and the UI.
 * Clients branch on `code`; people read `message`.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  MalformedRequest: 'MALFORMED_REQUEST',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** An account's stored attachments would pass its quota. */
  QuotaExceeded: 'QUOTA_EXCEEDED',
  /** The relay holds as many attachment bytes as it is configured to. */
  StorageFull: 'STORAGE_FULL',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  RateLimited: 'RATE_LIMITED',
  EmailTaken: 'EMAIL_TAKEN',
  UsernameTaken: 'USERNAME_TAKEN',
  ConsentRequired: 'CONSENT_REQUIRED',
  PolicyVersionMismatch: 'POLICY_VERSION_MISMATCH',
  InviteInvalid: 'INVITE_INVALID',
  InviteOwn: 'INVITE_OWN',
  InvalidTransition: 'INVALID_TRANSITION',
  NotFriends: 'NOT_FRIENDS',
  Locked: 'LOCKED',
  WrongPassword: 'WRONG_PASSWORD',
  Conflict: 'CONFLICT',
  Unavailable: 'UNAVAILABLE',
  Internal: 'INTERNAL',
  /** The app is older than the oldest version the relay serves: it needs an update. */
  AppTooOld: 'APP_TOO_OLD',
  /** Since 0.2.0: the account's email is not verified yet (relays that send email only). */
  EmailNotVerified: 'EMAIL_NOT_VERIFIED',
  /** Since 0.2.0: an emailed (or operator's) code that is wrong, used or too old. */
  CodeInvalid: 'CODE_INVALID',
  /** Since 0.2.0: the last guardian of a child cannot leave or be removed. */
  LastGuardian: 'LAST_GUARDIAN',
  /** Since 0.3.0: it is quiet time for this child (F14): only their own grown-ups pass. */
  QuietHours: 'QUIET_HOURS',
  /** Since 0.3.0: this computer was signed out by a guardian (F18); the body says whether to erase. */
  DeviceRevoked: 'DEVICE_REVOKED',
  /** Since 0.3.0: a newer privacy policy waits for this guardian's consent (F15). */
  ReconsentRequired: 'RECONSENT_REQUIRED',
  /** Since 0.3.0: two windows of one day overlap, or a window starts and ends at the same time. */
  ScheduleOverlap: 'SCHEDULE_OVERLAP',
  /** Since 0.3.0: not an IANA time zone the relay knows. */
  TimeZoneUnknown: 'TIME_ZONE_UNKNOWN',
  /** Since 0.3.0: a wall-clock time that does not exist that day in that zone (a DST gap). */
  TimeNotInDay: 'TIME_NOT_IN_DAY',
  /** Since 0.3.0: a report about someone who was not an active contact of the child in the last 30 days (F11). */
  NotARecentContact: 'NOT_A_RECENT_CONTACT',
  /** Since 0.3.0: a moderator suspended this account (F16); a suspended child reaches only its own grown-ups. */
  AccountSuspended: 'ACCOUNT_SUSPENDED',
  /** Since 0.3.0: this email was banned by the relay's moderators (kept as a keyed hash) (F16). */
  EmailBanned: 'EMAIL_BANNED',
  /** Since 0.3.0: a legal hold keeps this report; it cannot be deleted or closed until the hold is lifted. */
  LegalHold: 'LEGAL_HOLD',
  /** Since 0.4.0: a guardian turned games off for this child (the sender or the receiver) (F9). */
  GamesOff: 'GAMES_OFF',
  /** Since 0.4.0: this PC's machine policy (school or IT) decides this; the app refuses the change (issue 17). Never from the relay. */
  SetByPolicy: 'SET_BY_POLICY',
  /** Since 0.4.0, desktop only: machine policy requires an OS keyring to keep credentials and there is none. */
  KeyringRequired: 'KEYRING_REQUIRED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ALL_ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

/** The wire shape of an error, in HTTP bodies, WebSocket frames and IPC results. */
export type ErrorBody = Readonly<{ code: ErrorCode; message: string; wipe?: boolean }>;

/** An error that carries a stable code; thrown by services, mapped to a status at each edge. */
export class HearthError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  /** `options.cause`: the error this one wraps (a failed fetch, a broken socket), for the logs. */
  constructor(code: ErrorCode, message: string, details?: Readonly<Record<string, unknown>>, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HearthError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    // DEVICE_REVOKED says whether the PC erases the child's data (F18).
    const wipe = this.details?.wipe;
    if (typeof wipe === 'boolean') return { code: this.code, message: this.message, wipe };
    return { code: this.code, message: this.message };
  }
}

export function isHearthError(value: unknown): value is HearthError {
  return value instanceof HearthError;
}

/** The HTTP status each code maps to at the relay's edge. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.MalformedRequest:
    case ErrorCode.ConsentRequired:
    case ErrorCode.InviteOwn:
    case ErrorCode.CodeInvalid:
    case ErrorCode.ScheduleOverlap:
    case ErrorCode.TimeZoneUnknown:
    case ErrorCode.TimeNotInDay:
      return 400;
    case ErrorCode.Unauthenticated:
    case ErrorCode.WrongPassword:
    case ErrorCode.DeviceRevoked:
      return 401;
    case ErrorCode.Forbidden:
    case ErrorCode.Locked:
    case ErrorCode.EmailNotVerified:
    case ErrorCode.QuietHours:
    case ErrorCode.ReconsentRequired:
    case ErrorCode.GamesOff:
    case ErrorCode.SetByPolicy:
    case ErrorCode.KeyringRequired:
    case ErrorCode.AccountSuspended:
    case ErrorCode.EmailBanned:
      return 403;
    case ErrorCode.NotFound:
    case ErrorCode.InviteInvalid:
    case ErrorCode.NotFriends:
    case ErrorCode.NotARecentContact:
      return 404;
    case ErrorCode.EmailTaken:
    case ErrorCode.UsernameTaken:
    case ErrorCode.InvalidTransition:
    case ErrorCode.Conflict:
    case ErrorCode.PolicyVersionMismatch:
    case ErrorCode.LastGuardian:
    case ErrorCode.LegalHold:
      return 409;
    case ErrorCode.PayloadTooLarge:
    case ErrorCode.QuotaExceeded:
      return 413;
    case ErrorCode.StorageFull:
      return 507;
    case ErrorCode.UnsupportedMediaType:
      return 415;
    case ErrorCode.AppTooOld:
      return 426;
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.Unavailable:
      return 503;
    case ErrorCode.Internal:
      return 500;
    default: {
      const never: never = code;
      throw new Error(`unmapped error code ${String(never)}`);
    }
  }
}
