import { ErrorCode, HearthError, type LockState, type LockStatus } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getLockRow, setLockFailures, setPasswordHash, type LockRow } from '../db/family/queries/lock';
import type { Logger } from '../logging/logger';
import { DEFAULT_LOCK_BACKOFF, delayAfterFailures, type LockBackoffPolicy } from './backoff';
import type { PasswordHasher } from './password-hasher';

/**
 * A parent's relay session. Lives only in main's memory (never on disk): kept across pane locks
 * until it expires, the app quits or the parent signs out, and usable only while the pane is unlocked.
 */
export type ParentSession = Readonly<{
  sessionId: string;
  token: string;
  parentId: string;
  email: string;
  displayName: string;
  expiresAt: number;
}>;

/** Schedules `fn` after `ms`; returns the function that cancels it. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

export type ParentLockDeps = Readonly<{
  db: WritableDB;
  hasher: PasswordHasher;
  now: () => number;
  /** Idle time before the pane locks itself, read at each activity (a setting). */
  autoLockMs: () => number;
  logger: Logger;
  backoff?: LockBackoffPolicy;
  /** Default: setTimeout, unref'd. */
  schedule?: Scheduler;
  /** Called with the session dropped at sign-out or quit, to end it on the relay too (best effort). */
  endSession?: (session: ParentSession) => Promise<void>;
}>;

/** The grown-ups' pane lock and the in-memory parent session it guards. */
export type ParentLock = Readonly<{
  state: () => LockState;
  status: () => LockStatus;
  /** First run: sets the password and leaves the pane unlocked. */
  setPassword: (password: string) => Promise<LockStatus>;
  changePassword: (current: string, next: string) => Promise<LockStatus>;
  /** Checks the password, with backoff after wrong ones. Throws WRONG_PASSWORD or RATE_LIMITED. */
  unlock: (password: string) => Promise<LockStatus>;
  /**
   * Unlocks at once, whatever wait wrong passwords left, with a parent session that `verify`
   * signed in and checked (it throws to refuse); clears the failures and holds the session.
   */
  unlockWithSession: (verify: () => Promise<ParentSession>) => Promise<LockStatus>;
  /** Locks now; the parent session stays in memory, unusable until the next unlock. */
  lock: (reason: string) => LockStatus;
  /** Locks now and forgets the parent session (ending it on the relay too). */
  signOut: () => LockStatus;
  /** The parent did something: push auto-lock back. */
  touch: () => void;
  session: () => ParentSession | null;
  holdSession: (session: ParentSession) => void;
  /** Forgets a session the relay no longer accepts (the pane stays as it is). */
  forgetSession: () => void;
  onChange: (listener: (status: LockStatus) => void) => () => void;
  dispose: () => void;
}>;

const defaultSchedule: Scheduler = (fn, ms) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return () => clearTimeout(t);
};

/** Builds the lock over the family store. Failures and their backoff survive a restart. */
export function createParentLock(deps: ParentLockDeps): ParentLock {
  const backoff = deps.backoff ?? DEFAULT_LOCK_BACKOFF;
  const schedule = deps.schedule ?? defaultSchedule;
  const log = deps.logger.child({ component: 'parent-lock' });
  const listeners = new Set<(status: LockStatus) => void>();
  let unlockedUntil: number | null = null;
  let session: ParentSession | null = null;
  let cancelTimer: (() => void) | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * The password hash main trusts: the file's as it was when the app started, and what main itself
   * set since. The file can be written by anyone with the PC's files (a child on the same OS
   * account): a hash put there, or taken away, while the app runs opens nothing and restarts no
   * first run, so the parent session held in memory is never a file edit away. After a restart no
   * session is held: the relay's password is needed again for anything that changes who a child
   * may talk to.
   */
  let trustedHash = getLockRow(deps.db).passwordHash;
  /** The backoff as main last wrote it: clearing the file's counters while the app runs clears nothing. */
  let heldFailures = 0;
  let heldRetryAt: number | null = null;
  let warnedOf: string | null = null;
  /** The file's row, with the hash main trusts and no less backoff than main wrote. */
  const lockRow = (): LockRow => {
    const row = getLockRow(deps.db);
    if (row.passwordHash !== trustedHash && row.passwordHash !== warnedOf) {
      warnedOf = row.passwordHash;
      log.warn('the grown-ups password hash was changed outside Hearth; it is ignored while the app runs');
    }
    return {
      passwordHash: trustedHash,
      failures: Math.max(row.failures, heldFailures),
      retryAt: Math.max(row.retryAt ?? 0, heldRetryAt ?? 0) || null,
    };
  };
  const recordFailures = (failures: number, retryAt: number | null): void => {
    heldFailures = failures;
    heldRetryAt = retryAt;
    setLockFailures(deps.db, failures, retryAt);
  };
  const saveHash = (hash: string): void => {
    setPasswordHash(deps.db, hash);
    trustedHash = hash;
    heldFailures = 0;
    heldRetryAt = null;
  };

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const emit = (): void => {
    const s = status();
    for (const l of listeners) l(s);
  };
  const dropSession = (): void => {
    const dropped = session;
    session = null;
    if (dropped && deps.endSession) {
      deps.endSession(dropped).catch((err: unknown) => log.warn({ err }, 'could not end the parent session on the relay'));
    }
  };
  const armTimer = (): void => {
    cancelTimer?.();
    cancelTimer = unlockedUntil === null ? null : schedule(() => void state(), Math.max(0, unlockedUntil - deps.now()) + 10);
  };
  const doLock = (reason: string): void => {
    const wasUnlocked = unlockedUntil !== null;
    unlockedUntil = null;
    cancelTimer?.();
    cancelTimer = null;
    if (wasUnlocked) log.info({ reason }, 'grown-ups pane locked');
  };
  /** The held session while it has not expired; an expired one is forgotten. */
  const liveSession = (): ParentSession | null => {
    if (session && session.expiresAt <= deps.now()) {
      log.info('the parent session expired');
      session = null;
    }
    return session;
  };

  function state(): LockState {
    if (trustedHash === null) return 'unset';
    if (unlockedUntil !== null && deps.now() >= unlockedUntil) {
      doLock('idle');
      emit();
    }
    return unlockedUntil === null ? 'locked' : 'unlocked';
  }

  function status(): LockStatus {
    const current = state();
    const row = lockRow();
    const retryAt = row.retryAt !== null && row.retryAt > deps.now() ? row.retryAt : null;
    return {
      state: current,
      failures: row.failures,
      retryAt,
      parentSignedIn: current !== 'locked' && liveSession() !== null,
      autoLockAt: current === 'unlocked' ? unlockedUntil : null,
    };
  }

  const openPane = (): void => {
    unlockedUntil = deps.now() + deps.autoLockMs();
    armTimer();
  };

  const checkPassword = async (password: string): Promise<void> => {
    const row = lockRow();
    if (row.passwordHash === null) throw new HearthError(ErrorCode.Conflict, "No grown-ups' password has been set yet.");
    const now = deps.now();
    if (row.retryAt !== null && row.retryAt > now) {
      const seconds = Math.ceil((row.retryAt - now) / 1000);
      throw new HearthError(ErrorCode.RateLimited, `Too many tries. Please wait ${seconds} seconds and try again.`, {
        retryAt: row.retryAt,
      });
    }
    if (await deps.hasher.verify(row.passwordHash, password)) {
      recordFailures(0, null);
      return;
    }
    const failures = row.failures + 1;
    const retryAt = deps.now() + delayAfterFailures(failures, backoff);
    recordFailures(failures, retryAt);
    log.warn({ failures }, 'wrong grown-ups password');
    emit();
    throw new HearthError(ErrorCode.WrongPassword, "That is not the grown-ups' password.", { failures, retryAt });
  };

  return Object.freeze({
    state,
    status,
    setPassword: (password: string) =>
      serial(async () => {
        if (trustedHash !== null) {
          throw new HearthError(ErrorCode.Conflict, "The grown-ups' password is already set.");
        }
        saveHash(await deps.hasher.hash(password));
        openPane();
        emit();
        return status();
      }),
    changePassword: (current: string, next: string) =>
      serial(async () => {
        await checkPassword(current);
        saveHash(await deps.hasher.hash(next));
        openPane();
        emit();
        return status();
      }),
    unlock: (password: string) =>
      serial(async () => {
        await checkPassword(password);
        openPane();
        emit();
        return status();
      }),
    unlockWithSession: (verify: () => Promise<ParentSession>) =>
      serial(async () => {
        if (trustedHash === null) {
          throw new HearthError(ErrorCode.Conflict, "No grown-ups' password has been set yet.");
        }
        const next = await verify();
        recordFailures(0, null);
        if (session && session.sessionId !== next.sessionId) dropSession();
        session = next;
        openPane();
        log.info('grown-ups pane unlocked with the Hearth account');
        emit();
        return status();
      }),
    lock(reason: string): LockStatus {
      doLock(reason);
      emit();
      return status();
    },
    signOut(): LockStatus {
      dropSession();
      doLock('signed out');
      emit();
      return status();
    },
    touch(): void {
      if (state() === 'unlocked') openPane();
    },
    session: () => (state() === 'locked' ? null : liveSession()),
    holdSession(next: ParentSession): void {
      if (session && session.sessionId !== next.sessionId) dropSession();
      session = next;
      emit();
    },
    forgetSession(): void {
      session = null;
      emit();
    },
    onChange(listener: (status: LockStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose(): void {
      cancelTimer?.();
      listeners.clear();
      // The app quits: the session goes with main's memory, and is ended on the relay (best effort).
      dropSession();
    },
  });
}
