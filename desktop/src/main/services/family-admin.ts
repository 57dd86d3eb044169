import type { Static } from 'typebox';
import type { DeviceList, ParentComputerList } from '@hearth/common';
import {
  ErrorCode,
  HearthError,
  type Child,
  type ChildOnPc,
  type CreateChildArgs,
  type Done,
  type EnrollPcArgs,
  type ChildId,
  type Enrollment,
  type Profile,
  type UpdateChildArgs,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getEnrollment, putEnrollment } from '../db/family/queries/enrollment';
import { deleteProfile, getProfile, hasParentProfile, updateProfileDetails, upsertProfile } from '../db/family/queries/profiles';
import type { RelayHttp } from '../relay/relay-http';
import type { ChildStores } from '../stores/child-stores';
import type { ParentAccountService } from './parent-account';
import type { ProfilesService } from './profiles';
import type { DeviceInfoSource, SyncControl } from './ports';
import { rememberSentInfo } from './computers';

/** What the pane's family services share: the relay, the grown-up's account, the family's data and the sync. */
export type FamilyDeps = Readonly<{
  relay: RelayHttp;
  parent: ParentAccountService;
  familyDb: WritableDB;
  stores: ChildStores;
  profiles: ProfilesService;
  sync: SyncControl;
}>;

export type FamilyAdminDeps = FamilyDeps & Readonly<{ deviceInfo: DeviceInfoSource; now: () => number }>;

/** Children, this PC's enrollment and the family's devices: the grown-ups' pane. */
export type FamilyAdminService = Readonly<{
  listChildren: () => Promise<{ children: ChildOnPc[] }>;
  createChild: (args: CreateChildArgs) => Promise<ChildOnPc>;
  updateChild: (args: UpdateChildArgs) => Promise<ChildOnPc>;
  enrollPc: (args: EnrollPcArgs) => Promise<Enrollment>;
  addChildToPc: (childId: ChildId) => Promise<Profile>;
  removeChildFromPc: (childId: ChildId) => Promise<Done>;
  listDevices: () => Promise<Static<typeof DeviceList>>;
  revokeDevice: (deviceId: string, erase?: boolean) => Promise<Done>;
  /** The grown-up's own parent-mode PCs, each with the day it was last seen (F18). */
  listParentComputers: () => Promise<Static<typeof ParentComputerList>>;
  /** Signs one of them out: its relay session ends. */
  signOutParentComputer: (sessionId: string) => Promise<Done>;
}>;

/** The grown-ups' pane over the relay, always with the parent's in-memory session. */
export function createFamilyAdminService(deps: FamilyAdminDeps): FamilyAdminService {
  const onPc = (child: Child): ChildOnPc => ({ child, onThisPc: getProfile(deps.familyDb, child.childId) !== undefined });
  const profileOf = (childId: string): Profile => {
    const p = deps.profiles.list().find((x) => x.childId === childId);
    if (!p) throw new HearthError(ErrorCode.NotFound, 'There is no such profile on this computer.');
    return p;
  };

  /** Stores the credentials the relay issued and starts each child's connection. */
  const adoptCredentials = (
    credentials: readonly { childId: string; token: string }[],
    children: readonly Child[],
    avatars: Readonly<Record<string, string | undefined>> = {},
  ): void => {
    for (const cred of credentials) {
      const child = children.find((c) => c.childId === cred.childId);
      if (!child) throw new HearthError(ErrorCode.Internal, 'The server enrolled a child this app does not know.');
      upsertProfile(deps.familyDb, {
        childId: child.childId,
        parentId: child.parentId,
        displayName: child.displayName,
        username: child.username,
        // The picture picked here, or the one the child has on the relay (from another PC).
        avatar: avatars[child.childId] ?? child.avatar,
        deviceToken: cred.token,
        addedAt: deps.now(),
      });
      deps.stores.get(child.childId);
      deps.sync.start(child.childId);
    }
  };

  const addToPc = (childId: ChildId, avatar?: string): Promise<Profile> =>
    deps.parent.withSession(async (token) => {
      const enrollment = getEnrollment(deps.familyDb);
      if (!enrollment) throw new HearthError(ErrorCode.Conflict, 'Enroll this computer first.');
      const result = await deps.relay.addDeviceChild(token, enrollment.deviceId, childId);
      const { children } = await deps.relay.listChildren(token);
      adoptCredentials(result.credentials, children, { [childId]: avatar });
      return profileOf(childId);
    });

  return Object.freeze({
    listChildren: () =>
      deps.parent.withSession(async (token) => ({ children: (await deps.relay.listChildren(token)).children.map(onPc) })),

    createChild: (args: CreateChildArgs) =>
      deps.parent.withSession(async (token) => {
        const { addToThisPc, ...body } = args;
        const child = await deps.relay.createChild(token, body);
        const avatar = child.avatar ?? undefined;
        if (addToThisPc !== false && getEnrollment(deps.familyDb)) await addToPc(child.childId, avatar);
        return onPc(child);
      }),

    updateChild: (args: UpdateChildArgs) =>
      deps.parent.withSession(async (token) => {
        const { childId, ...relayPatch } = args;
        // The picture goes to the relay too: the child's friends see it beside the name.
        const child = await deps.relay.updateChild(token, childId, relayPatch);
        updateProfileDetails(deps.familyDb, childId, {
          displayName: child.displayName,
          ...(args.avatar !== undefined ? { avatar: child.avatar } : {}),
        });
        return onPc(child);
      }),

    enrollPc: (args: EnrollPcArgs) =>
      deps.parent.withSession(async (token, session) => {
        if (hasParentProfile(deps.familyDb)) {
          throw new HearthError(
            ErrorCode.Conflict,
            'This computer is in parent mode. Leave parent mode before setting it up for children.',
          );
        }
        const existing = getEnrollment(deps.familyDb);
        if (existing) {
          for (const childId of args.childIds) if (!getProfile(deps.familyDb, childId)) await addToPc(childId);
          return { deviceId: existing.deviceId, profiles: deps.profiles.list() };
        }
        const info = deps.deviceInfo();
        const result = await deps.relay.enrollDevice(token, { name: args.name, info, childIds: args.childIds });
        rememberSentInfo(deps.familyDb, info);
        putEnrollment(deps.familyDb, {
          deviceId: result.deviceId,
          parentId: session.parentId,
          parentEmail: session.email,
          parentDisplayName: session.displayName,
          name: args.name,
          enrolledAt: deps.now(),
        });
        adoptCredentials(result.credentials, (await deps.relay.listChildren(token)).children);
        return { deviceId: result.deviceId, profiles: deps.profiles.list() };
      }),

    addChildToPc: (childId: ChildId) => addToPc(childId),

    removeChildFromPc: (childId: ChildId) =>
      deps.parent.withSession(async (token) => {
        const enrollment = getEnrollment(deps.familyDb);
        if (!enrollment || !getProfile(deps.familyDb, childId)) {
          throw new HearthError(ErrorCode.NotFound, 'There is no such profile on this computer.');
        }
        try {
          await deps.relay.removeDeviceChild(token, enrollment.deviceId, childId);
        } catch (err) {
          // Already revoked on the relay (by another PC): still wipe it here.
          if (!(err instanceof HearthError && err.code === ErrorCode.NotFound)) throw err;
        }
        deps.sync.stop(childId);
        if (deps.profiles.activeChildId() === childId) deps.profiles.leave();
        deleteProfile(deps.familyDb, childId);
        deps.stores.wipe(childId);
        return { done: true as const };
      }),

    listDevices: () => deps.parent.withSession((token) => deps.relay.listDevices(token)),
    listParentComputers: () => deps.parent.withSession((token) => deps.relay.listParentComputers(token)),
    signOutParentComputer: (sessionId: string) =>
      deps.parent.withSession(async (token) => {
        await deps.relay.signOut(token, sessionId);
        return { done: true as const };
      }),

    revokeDevice: (deviceId: string, erase?: boolean) =>
      deps.parent.withSession(async (token) => {
        if (getEnrollment(deps.familyDb)?.deviceId === deviceId) {
          throw new HearthError(ErrorCode.Conflict, 'To take this computer off, remove each child from it instead.');
        }
        await deps.relay.revokeDevice(token, deviceId, erase === true);
        return { done: true as const };
      }),
  });
}
