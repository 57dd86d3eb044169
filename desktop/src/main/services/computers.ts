import { ErrorCode, HearthError, type DeviceInfo } from '@hearth/common';
import { eraseWal, type WritableDB } from '@hearth/sqlite';
import { clearEnrollment, getEnrollment } from '../db/family/queries/enrollment';
import { deleteProfile, getProfile, listProfiles } from '../db/family/queries/profiles';
import { readSettings, writeSettings } from '../db/family/queries/settings';
import type { Logger } from '../logging/logger';
import type { RelayHttp } from '../relay/relay-http';
import type { ChildStores } from '../stores/child-stores';
import type { DeviceInfoSource, SyncControl } from './ports';
import type { ProfilesService } from './profiles';

/** The settings key of the device info the relay last heard from this PC. */
const SENT_INFO = 'computers.sentDeviceInfo';

/** Notes the info the relay heard at enrollment, so it is not sent again until it changes. */
export function rememberSentInfo(familyDb: WritableDB, info: DeviceInfo): void {
  writeSettings(familyDb, { [SENT_INFO]: { ...info } });
}

export type ComputersDeps = Readonly<{
  relay: RelayHttp;
  familyDb: WritableDB;
  stores: ChildStores;
  profiles: ProfilesService;
  sync: SyncControl;
  deviceInfo: DeviceInfoSource;
  logger: Logger;
}>;

/** This PC as one of the family's computers (F18): its info kept current, and a remote sign-out obeyed. */
export type ComputersService = Readonly<{
  /**
   * A child's credential was refused for good: asks the relay why. `DEVICE_REVOKED` (a guardian
   * signed this PC out, maybe while it was off): the credential is dropped and, with `wipe`, the
   * child's folder and family-store rows are erased. Resolves to what was done.
   */
  credentialRefused: (childId: string) => Promise<'kept' | 'dropped' | 'erased'>;
  /**
   * Tells the relay this PC's info when it differs from what it last told (an update, another
   * zone, another language); one at a time. Resolves to whether it sent.
   */
  sendInfoIfChanged: () => Promise<boolean>;
  /** The info may have changed (a setting, the periodic check, the PC waking): checks, logging any failure. */
  infoMayHaveChanged: () => void;
}>;

export function createComputersService(deps: ComputersDeps): ComputersService {
  const log = deps.logger.child({ component: 'computers' });
  /** One check per child at a time. */
  const checking = new Map<string, Promise<'kept' | 'dropped' | 'erased'>>();

  async function check(childId: string): Promise<'kept' | 'dropped' | 'erased'> {
    const profile = getProfile(deps.familyDb, childId);
    if (!profile || profile.kind !== 'child') return 'kept';
    let wipe: boolean;
    try {
      await deps.relay.me(profile.deviceToken);
      return 'kept';
    } catch (err) {
      if (!(err instanceof HearthError) || err.code !== ErrorCode.DeviceRevoked) return 'kept';
      wipe = err.details?.wipe === true;
    }
    // Still the same credential (not re-enrolled meanwhile): drop it, and erase when asked.
    if (getProfile(deps.familyDb, childId)?.deviceToken !== profile.deviceToken) return 'kept';
    deps.sync.stop(childId);
    if (deps.profiles.activeChildId() === childId) deps.profiles.leave();
    deleteProfile(deps.familyDb, childId);
    if (wipe) deps.stores.wipe(childId);
    else deps.stores.close(childId);
    if (listProfiles(deps.familyDb).length === 0 && getEnrollment(deps.familyDb)) clearEnrollment(deps.familyDb);
    // secure_delete zeroed the child's rows in the file; truncating the WAL takes their old copies (F12).
    if (wipe) eraseWal(deps.familyDb);
    log.warn({ childId, wipe }, 'a grown-up signed this computer out');
    return wipe ? 'erased' : 'dropped';
  }

  async function sendInfo(): Promise<boolean> {
    const enrollment = getEnrollment(deps.familyDb);
    const child = listProfiles(deps.familyDb).find((p) => p.kind === 'child');
    if (!enrollment || !child) return false;
    const info: DeviceInfo = { ...deps.deviceInfo() };
    if (JSON.stringify(readSettings(deps.familyDb)[SENT_INFO]) === JSON.stringify(info)) return false;
    await deps.relay.updateDeviceInfo(child.deviceToken, enrollment.deviceId, info);
    writeSettings(deps.familyDb, { [SENT_INFO]: info });
    return true;
  }

  /** The checks in a row, so two quick changes never race each other to the relay. */
  let last: Promise<unknown> = Promise.resolve();
  function sendInfoIfChanged(): Promise<boolean> {
    const next = last.then(sendInfo, sendInfo);
    last = next.catch(() => undefined);
    return next;
  }

  return Object.freeze({
    credentialRefused(childId: string) {
      const running = checking.get(childId);
      if (running) return running;
      const next = check(childId)
        .catch((err: unknown) => {
          log.warn({ err, childId }, 'could not ask the relay about a refused credential');
          return 'kept' as const;
        })
        .finally(() => checking.delete(childId));
      checking.set(childId, next);
      return next;
    },

    sendInfoIfChanged,

    infoMayHaveChanged() {
      sendInfoIfChanged().catch((err: unknown) => log.warn({ err }, 'could not tell the relay this PC’s info'));
    },
  });
}
