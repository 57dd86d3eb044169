import { ErrorCode, HearthError, type Done, type Profile, type SignInBody } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getEnrollment } from '../db/family/queries/enrollment';
import { deleteProfile, hasChildProfile, listProfiles, putParentProfile } from '../db/family/queries/profiles';
import type { Logger } from '../logging/logger';
import type { RelayHttp } from '../relay/relay-http';
import type { ChildStores } from '../stores/child-stores';
import type { SyncControl } from './ports';
import type { ProfilesService } from './profiles';

/** Parent mode: a grown-up's own PC, signed in as the parent, where their children are contacts (F13). */
export type ParentModeService = Readonly<{
  /** Signs the parent in and keeps that relay session on this PC (or renews it). */
  start: (body: SignInBody) => Promise<Profile>;
  /** Ends the kept session on the relay and forgets the parent's messages on this PC. */
  stop: () => Promise<Done>;
}>;

const CHILDREN_PC =
  'This computer is set up for children. A grown-up’s sign-in is never kept on it: use parent mode on your own computer.';

/**
 * The parent's relay session is the one parent credential Hearth ever writes to disk, and only
 * on a PC with no child profile and no enrollment; enrolling such a PC is refused in turn
 * (family-admin). Its messages live in a store keyed by the parent's account id, like a child's.
 */
export function createParentModeService(
  deps: Readonly<{
    relay: RelayHttp;
    familyDb: WritableDB;
    stores: ChildStores;
    profiles: ProfilesService;
    sync: SyncControl;
    now: () => number;
    logger: Logger;
  }>,
): ParentModeService {
  const log = deps.logger.child({ component: 'parent-mode' });
  const parentRow = () => listProfiles(deps.familyDb).find((p) => p.kind === 'parent');
  const endQuietly = (token: string, sessionId: string | null): void => {
    if (sessionId === null) return;
    deps.relay.signOut(token, sessionId).catch((err: unknown) => log.warn({ err }, 'could not end a kept parent session'));
  };

  return Object.freeze({
    async start(body: SignInBody): Promise<Profile> {
      if (getEnrollment(deps.familyDb) || hasChildProfile(deps.familyDb)) throw new HearthError(ErrorCode.Conflict, CHILDREN_PC);
      const grant = await deps.relay.signIn(body);
      const me = await deps.relay.me(grant.token);
      const previous = parentRow();
      if (me.kind !== 'parent' || (previous && previous.childId !== me.parentId)) {
        endQuietly(grant.token, grant.sessionId);
        throw new HearthError(ErrorCode.Forbidden, 'This computer is in parent mode for another grown-up.');
      }
      // Checked again after the awaits: a child may not have been enrolled meanwhile.
      if (getEnrollment(deps.familyDb) || hasChildProfile(deps.familyDb)) {
        endQuietly(grant.token, grant.sessionId);
        throw new HearthError(ErrorCode.Conflict, CHILDREN_PC);
      }
      putParentProfile(deps.familyDb, {
        parentId: me.parentId,
        displayName: me.displayName,
        token: grant.token,
        sessionId: grant.sessionId,
        expiresAt: grant.expiresAt,
        addedAt: deps.now(),
      });
      // This PC is a parent device: the relay delivers the parent's messages here. Signing in again
      // keeps the device (and what waits in its queue); the connection registers it too, if this fails.
      await deps.relay
        .registerParentDevice(grant.token, previous?.sessionId ?? undefined)
        .catch((err: unknown) => log.warn({ err }, 'could not register this PC as a parent device'));
      if (previous) endQuietly(previous.deviceToken, previous.sessionId);
      deps.stores.get(me.parentId);
      deps.sync.stop(me.parentId);
      deps.sync.start(me.parentId);
      log.info('parent mode on');
      const profile = deps.profiles.list().find((p) => p.childId === me.parentId);
      if (!profile) throw new HearthError(ErrorCode.Internal, 'Parent mode was not stored.');
      return profile;
    },

    async stop(): Promise<Done> {
      const row = parentRow();
      if (!row) throw new HearthError(ErrorCode.NotFound, 'This computer is not in parent mode.');
      endQuietly(row.deviceToken, row.sessionId);
      deps.sync.stop(row.childId);
      if (deps.profiles.activeChildId() === row.childId) deps.profiles.leave();
      deleteProfile(deps.familyDb, row.childId);
      deps.stores.wipe(row.childId);
      log.info('parent mode off');
      return { done: true };
    },
  });
}
