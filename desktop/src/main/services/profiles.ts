import { ErrorCode, HearthError, type Profile } from '@hearth/common';
import type { WritableDB } from '../db/database';
import { getProfile, listProfiles, type ProfileRow } from '../db/family/queries/profiles';
import { countUnread } from '../db/child/queries/messages';
import { listContacts } from '../db/child/queries/contacts';
import type { ChildStores } from '../stores/child-stores';

export type ProfilesService = Readonly<{
  list: () => Profile[];
  select: (childId: string) => Profile;
  current: () => Profile | null;
  leave: () => void;
  /** The child now at the PC, or null at the profile picker. */
  activeChildId: () => string | null;
  /** The active child's id, or FORBIDDEN. */
  requireActive: () => string;
  onChange: (listener: (profile: Profile | null) => void) => () => void;
}>;

/** The profile picker: which child of this PC is using it now. Nothing about it is stored. */
export function createProfilesService(deps: Readonly<{ familyDb: WritableDB; stores: ChildStores }>): ProfilesService {
  let active: string | null = null;
  const listeners = new Set<(profile: Profile | null) => void>();

  const unreadOf = (childId: string): number => {
    const { db } = deps.stores.get(childId);
    return listContacts(db).reduce((n, c) => n + countUnread(db, c.accountId, c.lastReadId), 0);
  };
  const toProfile = (row: ProfileRow): Profile => ({
    childId: row.childId,
    displayName: row.displayName,
    username: row.username,
    avatar: row.avatar,
    unread: unreadOf(row.childId),
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

  return Object.freeze({
    list: () => listProfiles(deps.familyDb).map(toProfile),
    select(childId: string): Profile {
      const row = getProfile(deps.familyDb, childId);
      if (!row) throw new HearthError(ErrorCode.NotFound, 'There is no such profile on this computer.');
      active = childId;
      notify();
      return toProfile(row);
    },
    current,
    leave(): void {
      active = null;
      notify();
    },
    activeChildId: () => (active !== null && getProfile(deps.familyDb, active) ? active : null),
    requireActive(): string {
      if (active === null || !getProfile(deps.familyDb, active)) {
        throw new HearthError(ErrorCode.Forbidden, 'Pick who you are first.');
      }
      return active;
    },
    onChange(listener: (profile: Profile | null) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}
