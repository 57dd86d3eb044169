import { Type } from 'typebox';
import { eraseWal } from '@hearth/sqlite';
import {
  ChildGrownUps,
  ErrorCode,
  HearthError,
  type ChildId,
  type DeleteMyGrownUpAccountArgs,
  type Done,
  type GrownUpDeletionChild,
  type GrownUpDeletionPreview,
} from '@hearth/common';
import { deleteProfile, getProfile, requireProfile } from '../db/family/queries/profiles';
import type { RelayCall } from '../relay/relay-http';
import type { ParentLock } from '../lock/parent-lock';
import type { FamilyDeps } from './family-admin';
import type { ParentModeService } from './parent-mode';

/** "Delete my grown-up account" (F12, issue 15 §3): the pane's and parent mode's. */
export type GrownUpDeleteService = Readonly<{
  preview: () => Promise<GrownUpDeletionPreview>;
  deleteMine: (args: DeleteMyGrownUpAccountArgs) => Promise<Done>;
  previewAsMe: (profileId: string) => Promise<GrownUpDeletionPreview>;
  deleteMineAsMe: (profileId: string, args: DeleteMyGrownUpAccountArgs) => Promise<Done>;
}>;

const DONE = { done: true } as const;

export function createGrownUpDeleteService(
  deps: FamilyDeps & Readonly<{ call: RelayCall; lock: ParentLock; parentMode: ParentModeService }>,
): GrownUpDeleteService {
  /** Who goes with the account (last guardian) and who stays, as the relay tells it now. */
  const preview = async (token: string): Promise<GrownUpDeletionPreview> => {
    const childrenWhoGo: GrownUpDeletionChild[] = [];
    const childrenWhoStay: GrownUpDeletionChild[] = [];
    for (const c of (await deps.relay.listChildren(token)).children) {
      const grownUps = await deps.call('GET', `/v1/children/${c.childId}/grown-ups`, ChildGrownUps, { token });
      const entry = { childId: c.childId, displayName: c.displayName };
      (grownUps.guardians.length <= 1 ? childrenWhoGo : childrenWhoStay).push(entry);
    }
    return { childrenWhoGo, childrenWhoStay };
  };
  /** A child who went leaves this PC too: connection, profile and store (as when a child is deleted). */
  const forgetHere = (childId: ChildId): void => {
    if (!getProfile(deps.familyDb, childId)) return;
    deps.sync.stop(childId);
    if (deps.profiles.activeChildId() === childId) deps.profiles.leave();
    deleteProfile(deps.familyDb, childId);
    deps.stores.wipe(childId);
    eraseWal(deps.familyDb);
  };
  const deleteWith = async (token: string, password: string): Promise<void> => {
    const { childrenWhoGo } = await preview(token);
    await deps.call('DELETE', '/v1/me', Type.Null(), { token, body: { password } });
    for (const c of childrenWhoGo) forgetHere(c.childId);
  };
  const parentModeToken = (profileId: string): string => {
    const p = requireProfile(deps.familyDb, profileId);
    if (p.kind !== 'parent') throw new HearthError(ErrorCode.Forbidden, 'Only a grown-up in parent mode can do this.');
    return p.deviceToken;
  };
  /** This PC's parent mode, if it is this grown-up's: it ends with the account. */
  const leaveParentModeOf = async (parentId: string): Promise<void> => {
    const p = getProfile(deps.familyDb, parentId);
    if (p?.kind === 'parent') await deps.parentMode.stop();
  };

  return Object.freeze({
    preview: () => deps.parent.withSession((token) => preview(token)),
    deleteMine: async ({ password }) => {
      const parentId = deps.parent.requireSession().parentId;
      await deps.parent.withSession((token) => deleteWith(token, password));
      await leaveParentModeOf(parentId);
      // The account is gone: the pane signs out (its session is already ended on the relay).
      deps.lock.signOut();
      return DONE;
    },
    previewAsMe: (profileId) => preview(parentModeToken(profileId)),
    deleteMineAsMe: async (profileId, { password }) => {
      await deleteWith(parentModeToken(profileId), password);
      await deps.parentMode.stop();
      // The pane's session, if it is the same grown-up's, is gone too.
      if (deps.lock.session()?.parentId === profileId) deps.lock.signOut();
      return DONE;
    },
  });
}
