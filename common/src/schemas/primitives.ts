import { Type, type Static } from 'typebox';
import { ALL_ERROR_CODES, type ErrorCode } from '../errors';
import { INVITE_PATTERN, ULID_PATTERN, type AccountId, type ChildId, type ParentId } from '../ids';

/** Closed objects everywhere: an unknown field is a validation error, never silently kept. */
export const closed = { additionalProperties: false } as const;

export const Ulid = Type.String({ pattern: ULID_PATTERN, description: 'ULID (26 characters)' });
/** An account's id (a child's or a grown-up's): checked as a ULID, typed as an `AccountId`. */
export const AccountIdSchema = Type.Unsafe<AccountId>(Ulid);
/** A child account's id: checked as a ULID, typed as a `ChildId`. */
export const ChildIdSchema = Type.Unsafe<ChildId>(Ulid);
/** A grown-up's account id: checked as a ULID, typed as a `ParentId`. */
export const ParentIdSchema = Type.Unsafe<ParentId>(Ulid);
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Password = Type.String({ minLength: 10, maxLength: 256, description: 'At least 10 characters' });
/**
 * Characters no name may hold: control characters (a line break, a bell, a NUL), the marks and
 * overrides that reorder text on screen (a name that reads backwards, or pretends to be another),
 * and the invisible spaces and joiners that are not part of any script or emoji (the zero-width
 * joiner and non-joiner are: emoji sequences and some scripts need them).
 */
const NOT_IN_NAMES =
  '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
/**
 * A name as it is chosen (a new parent or child, a rename): something visible, and none of
 * {@link NOT_IN_NAMES}. Only where a name is chosen: names stored before the rule are read back
 * as {@link DisplayName}, so that one of them never breaks a screen.
 */
export const DISPLAY_NAME_PATTERN = `^(?=[^${NOT_IN_NAMES}]*$)[\\s\\S]*\\S`;
export const ChosenDisplayName = Type.String({ minLength: 1, maxLength: 40, pattern: DISPLAY_NAME_PATTERN });
/** A name as the relay and the app show it. */
export const DisplayName = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
export const Username = Type.String({
  pattern: '^[a-z0-9][a-z0-9._]{1,22}[a-z0-9]$',
  description: '3–24 lower-case letters, digits, dots or underscores',
});
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** The last millisecond of the year 9999: later is no date anyone means (and no database column takes 1e19). */
export const MAX_TIMESTAMP = 253_402_300_799_999;
export const Timestamp = Type.Integer({ minimum: 0, maximum: MAX_TIMESTAMP, description: 'Milliseconds since the Unix epoch' });
export const Token = Type.String({ minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' });
export const InviteCodeSchema = Type.String({ pattern: INVITE_PATTERN, description: 'e.g. ACDE-FGHJ' });
export const PolicyVersion = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9._-]+$' });

export const ErrorCodeSchema = Type.Enum(ALL_ERROR_CODES as ErrorCode[]);
export const ErrorResponse = Type.Object(
  {
    error: Type.Object(
      {
        code: ErrorCodeSchema,
        message: Type.String(),
        /** Since 0.3.0, with `DEVICE_REVOKED` only: erase this child's data on the PC. */
        wipe: Type.Optional(Type.Boolean()),
      },
      closed,
    ),
  },
  closed,
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const IdParams = Type.Object({ id: Ulid }, closed);
