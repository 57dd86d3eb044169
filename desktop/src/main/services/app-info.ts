import type { AppInfo, PolicyLanguage, PolicyText } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getEnrollment } from '../db/family/queries/enrollment';
import { hasParentProfile, listProfiles } from '../db/family/queries/profiles';
import type { RelayHttp } from '../relay/relay-http';

export type AppInfoService = Readonly<{
  info: () => AppInfo;
  policy: (lang: PolicyLanguage) => Promise<PolicyText>;
}>;

/** What anyone at the PC may know: version, relay, first-run progress, the relay's policy. */
export function createAppInfoService(
  deps: Readonly<{
    familyDb: WritableDB;
    relay: RelayHttp;
    appVersion: string;
    relayOrigin: string;
    /** Whether the grown-ups' password is set, as the lock trusts it (never the file's word alone). */
    lockSet: () => boolean;
  }>,
): AppInfoService {
  return Object.freeze({
    info(): AppInfo {
      const enrollment = getEnrollment(deps.familyDb);
      return {
        appVersion: deps.appVersion,
        relayOrigin: deps.relayOrigin,
        enrolled: enrollment !== undefined,
        deviceId: enrollment?.deviceId ?? null,
        lockSet: deps.lockSet(),
        profileCount: listProfiles(deps.familyDb).filter((p) => p.kind === 'child').length,
        parentMode: hasParentProfile(deps.familyDb),
      };
    },
    policy: (lang) => deps.relay.policy(lang),
  });
}
