import { ErrorCode, HearthError } from '@hearth/common';

/** Why a database could not be used. */
export type DatabaseErrorReason =
  /** Its `user_version` is newer than the newest migration this program knows. */
  | 'from-the-future'
  /** The migrations handed to `migrate` are not numbered 1, 2, 3… (a programming error). */
  | 'migrations-not-contiguous'
  /** The file (or its folder) could not be created or opened. */
  | 'cannot-open';

const CODE_OF: Readonly<Record<DatabaseErrorReason, ErrorCode>> = {
  'from-the-future': ErrorCode.Conflict,
  'migrations-not-contiguous': ErrorCode.Internal,
  'cannot-open': ErrorCode.Unavailable,
};

/**
 * A database that cannot be opened or migrated. Its `message` is a sentence a person can act
 * on (the relay prints it and exits 2; the desktop prints it and quits); `code` is the shared
 * error code, `reason` says which of the kit's checks refused.
 */
export class DatabaseError extends HearthError {
  readonly reason: DatabaseErrorReason;

  constructor(reason: DatabaseErrorReason, message: string, details?: Readonly<Record<string, unknown>>, cause?: unknown) {
    super(CODE_OF[reason], message, details);
    this.name = 'DatabaseError';
    this.reason = reason;
    if (cause !== undefined) this.cause = cause;
  }
}

/** Thrown for a database written by a newer Hearth: opening it could lose data. */
export class DatabaseFromTheFutureError extends DatabaseError {
  constructor(current: number, latest: number) {
    super(
      'from-the-future',
      `This data was written by a newer version of Hearth (schema ${current}, this version knows ${latest}). Please update Hearth.`,
      { current, latest },
    );
    this.name = 'DatabaseFromTheFutureError';
  }
}
