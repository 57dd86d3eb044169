import { ErrorCode, HearthError, POLICY_KEYS, type MachinePolicyView, type Settings, type SettingsPatch } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { listProfiles } from '../db/family/queries/profiles';
import { readSettings } from '../db/family/queries/settings';
import type { FamilyAdminService } from '../services/family-admin';
import type { ParentModeService } from '../services/parent-mode';
import type { DeviceInfoSource } from '../services/ports';
import type { SettingsService } from '../services/settings';
import { resolvePolicy, type ResolvedPolicy } from './resolve';

export type { ResolvedPolicy } from './resolve';

/** No policy at all: every default. */
export const NO_POLICY: ResolvedPolicy = resolvePolicy({ layers: [] });

/**
 * How the machine policy (issue 17) changes what main does: each function wraps one service (or
 * value) and leaves it as it was where the policy sets nothing. Refusals carry SET_BY_POLICY.
 */

const SET_BY_IT = 'This is set by your school or IT on this computer, so it cannot be changed here.';

/** Where IT points the app: its relay and data folder, else the app's own configuration. */
export function policyConfig<C extends Readonly<{ relayUrl: string; dataDir: string }>>(config: C, policy: ResolvedPolicy): C {
  return Object.freeze({
    ...config,
    relayUrl: policy.relayUrl.value ?? config.relayUrl,
    dataDir: policy.dataFolder.value ?? config.dataDir,
  });
}

/**
 * This PC's settings under the policy: a managed `relayOnlyCalls` is forced and cannot be changed;
 * a recommended one is the value until the family chooses; a language the policy does not offer
 * is neither shown nor accepted (the first offered one is used instead).
 */
export function policySettings(inner: SettingsService, db: WritableDB, policy: ResolvedPolicy): SettingsService {
  const calls = policy.relayOnlyCalls;
  const offered = policy.languages.value;
  const get = (): Settings => {
    const s = inner.get();
    const relayOnlyCalls =
      calls.locked || (calls.source === 'recommended' && !('relayOnlyCalls' in readSettings(db)))
        ? calls.value
        : s.relayOnlyCalls;
    const language = s.language === 'auto' || offered.includes(s.language) ? s.language : (offered[0] ?? 'auto');
    return { ...s, relayOnlyCalls, language };
  };
  return Object.freeze({
    get,
    update(patch: SettingsPatch): Settings {
      if (calls.locked && patch.relayOnlyCalls !== undefined && patch.relayOnlyCalls !== calls.value) {
        throw new HearthError(ErrorCode.SetByPolicy, SET_BY_IT, { key: 'relayOnlyCalls' });
      }
      if (patch.language !== undefined && patch.language !== 'auto' && !offered.includes(patch.language)) {
        throw new HearthError(ErrorCode.SetByPolicy, 'Your school or IT does not offer this language on this computer.', {
          key: 'languages',
        });
      }
      inner.update(patch);
      return get();
    },
  });
}

/** The PC's info with its quiet-hours floor, which the relay applies to this PC's credentials. */
export function withQuietFloor(source: DeviceInfoSource, policy: ResolvedPolicy): DeviceInfoSource {
  const floor = policy.quietHoursFloor.value;
  return floor ? () => ({ ...source(), quietFloor: floor }) : source;
}

/** Refuses a child profile beyond the policy's maximum, before anything is asked of the relay. */
export function withChildLimit(family: FamilyAdminService, db: WritableDB, policy: ResolvedPolicy): FamilyAdminService {
  const max = policy.maxChildProfiles.value;
  if (max === null) return family;
  const check = (adding: readonly string[]): void => {
    const here = new Set(
      listProfiles(db)
        .filter((p) => p.kind === 'child')
        .map((p) => p.childId),
    );
    const added = adding.filter((id) => !here.has(id)).length;
    if (added > 0 && here.size + added > max) {
      throw new HearthError(
        ErrorCode.SetByPolicy,
        `Your school or IT allows at most ${max} children on this computer. Remove one from this computer first.`,
        { key: 'maxChildProfiles', max },
      );
    }
  };
  return Object.freeze({
    ...family,
    createChild: async (args) => {
      if (args.addToThisPc !== false) check(['(new)']);
      return family.createChild(args);
    },
    enrollPc: async (args) => {
      check(args.childIds);
      return family.enrollPc(args);
    },
    addChildToPc: async (childId) => {
      check([childId]);
      return family.addChildToPc(childId);
    },
  });
}

/** Parent mode refused on a PC whose policy does not allow it. */
export function withParentModePolicy(parentMode: ParentModeService, policy: ResolvedPolicy): ParentModeService {
  if (policy.parentModeAllowed.value) return parentMode;
  return Object.freeze({
    ...parentMode,
    start: async () => {
      throw new HearthError(ErrorCode.SetByPolicy, 'Your school or IT does not allow parent mode on this computer.', {
        key: 'parentModeAllowed',
      });
    },
  });
}

export type MachinePolicyService = Readonly<{ view: () => MachinePolicyView }>;

/** What `getMachinePolicy` answers: the resolved policy as it travels, and the relay in use. */
export function createMachinePolicyService(policy: ResolvedPolicy, relayUrl: string): MachinePolicyService {
  const settings = Object.fromEntries(
    POLICY_KEYS.map((k) => {
      const s = policy[k];
      return [k, { value: s.value, source: s.source, locked: s.locked, origin: s.origin }];
    }),
  ) as unknown as MachinePolicyView['settings'];
  const view: MachinePolicyView = {
    settings,
    problems: policy.problems.map((p) => ({ ...p })),
    relayUrl: new URL(relayUrl).origin,
  };
  return Object.freeze({ view: () => view });
}

/** The wrappers above bound to one policy and family store, as `core.ts` uses them (no policy: none). */
export function machinePolicyFor(policy: ResolvedPolicy | undefined, db: WritableDB) {
  const p = policy ?? NO_POLICY;
  return {
    settings: (inner: SettingsService): SettingsService => policySettings(inner, db, p),
    parentMode: (inner: ParentModeService): ParentModeService => withParentModePolicy(inner, p),
    deviceInfo: (source: DeviceInfoSource): DeviceInfoSource => withQuietFloor(source, p),
    family: (inner: FamilyAdminService): FamilyAdminService => withChildLimit(inner, db, p),
    service: (relayUrl: string): MachinePolicyService => createMachinePolicyService(p, relayUrl),
    /** For the games service: whether this PC hides games. */
    gamesHidden: (): boolean => !p.gamesAllowed.value,
  } as const;
}
