import { ErrorCode, HearthError, type PictureSequence, type Profile, type ProfileKind } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getProfile, listProfiles, setPictureFailures, setPictureHash, type ProfileRow } from '../db/family/queries/profiles';
import { countUnread } from '../db/child/queries/messages';
import { listContacts } from '../db/child/queries/contacts';
import type { PasswordHasher } from '../lock/password-hasher';
import type { ChildStores } from '../stores/child-stores';

export type ProfilesService = Readonly<{
  list: () => Profile[];
  /** Becomes this profile: a child's picture password must match; the parent's own profile needs the pane unlocked. */
  select: (childId: string, picture?: PictureSequence) => Promise<Profile>;
  current: () => Profile | null;
  leave: () => void;
  /** The account now at the PC, or null at the profile picker. */
  activeChildId: () => string | null;
  /** The kind of the active profile, or null at the profile picker. */
  activeKind: () => ProfileKind | null;
  /** The active child's id, or FORBIDDEN. */
  requireActive: () => string;
  /** Sets or (null) removes a child's picture password. */
  setPicturePassword: (childId: string, picture: PictureSequence | null) => Promise<Profile>;
  onChange: (listener: (profile: Profile | null) => void) => () => void;
}>;

export type ProfilesDeps = Readonly<{
  familyDb: WritableDB;
  stores: ChildStores;
  hasher: PasswordHasher;
  now: () => number;
  /** The grown-ups' pane is unlocked now (the parent's own profile needs it). */
  paneUnlocked: () => boolean;
}>;

/** Wrong picture passwords in a row before each further try must wait. */
const FREE_PICTURE_TRIES = 3;

/** Wait after `failures` wrong picture passwords: none for the first three, then 5 s doubling up to a minute. */
export function pictureDelayAfter(failures: number): number {
  if (failures < FREE_PICTURE_TRIES) return 0;
  return Math.min(60_000, 5_000 * 2 ** (failures - FREE_PICTURE_TRIES));
}

/** The string a picture sequence is hashed as (the order matters). */
const pictureSecret = (picture: PictureSequence): string => `hearth-pictures:${picture.join(',')}`;

/** The profile picker: which profile of this PC is in use now. Nothing about it is stored. */
export function createProfilesService(deps: ProfilesDeps): ProfilesService {
  let active: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(profile: Profile | null) => void>();

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const unreadOf = (childId: string): number => {
    const { db } = deps.stores.get(childId);
    return listContacts(db).reduce((n, c) => n + countUnread(db, c.accountId, c.lastReadId), 0);
  };
  const toProfile = (row: ProfileRow): Profile => ({
    childId: row.childId,
    kind: row.kind,
    displayName: row.displayName,
    username: row.kind === 'child' ? row.username : null,
    avatar: row.avatar,
    unread: unreadOf(row.childId),
    hasPicturePassword: row.pictureHash !== null,
  });
  const current = (): Profile | null => {
    if (active === null) return null;
    const row = getProfile(deps.familyDb, active);
    if (!row) active = null; // removed from this PC meanwhile
    return row ? toProfile(row) : null;
  };
  const notify = (): void => {
    const p = current();
    for (const l of listeners) l(p);
  };
  const requireRow = (childId: string): ProfileRow => {
    const row = getProfile(deps.familyDb, childId);
    if (!row) throw new HearthError(ErrorCode.NotFound, 'There is no such profile on this computer.');
    return row;
  };

  const checkPicture = async (row: ProfileRow, picture: PictureSequence | undefined): Promise<void> => {
    if (row.pictureHash === null) return;
    const now = deps.now();
    if (row.pictureRetryAt !== null && row.pictureRetryAt > now) {
      throw new HearthError(ErrorCode.RateLimited, 'Let’s wait a little bit, then try your pictures again.', {
        retryAt: row.pictureRetryAt,
      });
    }
    if (picture && (await deps.hasher.verify(row.pictureHash, pictureSecret(picture)))) {
      setPictureFailures(deps.familyDb, row.childId, 0, null);
      return;
    }
    if (!picture) throw new HearthError(ErrorCode.WrongPassword, 'Tap your secret pictures first.');
    const failures = row.pictureFailures + 1;
    const delay = pictureDelayAfter(failures);
    const retryAt = delay > 0 ? deps.now() + delay : null;
    setPictureFailures(deps.familyDb, row.childId, failures, retryAt);
    throw new HearthError(ErrorCode.WrongPassword, 'Those are not your secret pictures. Try again!', { failures, retryAt });
  };

  const checkParent = (row: ProfileRow): void => {
    if (row.kind !== 'parent') return;
    if (!deps.paneUnlocked()) throw new HearthError(ErrorCode.Locked, "Unlock the grown-ups' pane to open your messages.");
    if (row.tokenExpiresAt !== null && row.tokenExpiresAt <= deps.now()) {
      throw new HearthError(ErrorCode.Unauthenticated, 'Your Hearth sign-in on this computer has ended. Please sign in again.');
    }
  };

  return Object.freeze({
    list: () => listProfiles(deps.familyDb).map(toProfile),
    select: (childId: string, picture?: PictureSequence) =>
      serial(async () => {
        const row = requireRow(childId);
        checkParent(row);
        await checkPicture(row, picture);
        active = childId;
        notify();
        return toProfile(row);
      }),
    current,
    leave(): void {
      active = null;
      notify();
    },
    activeChildId: () => (active !== null && getProfile(deps.familyDb, active) ? active : null),
    activeKind: () => (active === null ? null : (getProfile(deps.familyDb, active)?.kind ?? null)),
    requireActive(): string {
      if (active === null || !getProfile(deps.familyDb, active)) {
        throw new HearthError(ErrorCode.Forbidden, 'Pick who you are first.');
      }
      return active;
    },
    setPicturePassword: (childId: string, picture: PictureSequence | null) =>
      serial(async () => {
        const row = requireRow(childId);
        if (row.kind !== 'child') throw new HearthError(ErrorCode.Conflict, 'Only a child’s profile has a picture password.');
        setPictureHash(deps.familyDb, childId, picture === null ? null : await deps.hasher.hash(pictureSecret(picture)));
        return toProfile(requireRow(childId));
      }),
    onChange(listener: (profile: Profile | null) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}
