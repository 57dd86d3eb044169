import os from 'node:os';
import { POLICY_KEYS } from '@hearth/common';
import type { Logger } from '../logging/logger';
import { NO_POLICY } from './apply';
import { readLinuxPolicy, LINUX_POLICY_ROOT } from './read-linux';
import { readMacosPolicy, MACOS_MANAGED_ROOT } from './read-macos';
import { readWindowsPolicy, spawnReg, type RegRunner } from './read-windows';
import { resolvePolicy, type PolicySources, type ResolvedPolicy } from './resolve';

export {
  resolvePolicy,
  policyValues,
  type MachinePolicy,
  type PolicyLayer,
  type PolicyProblem,
  type PolicySetting,
  type PolicySources,
  type PolicyTier,
  type ResolvedPolicy,
} from './resolve';
export { parseRegQuery, windowsLayers, readWindowsPolicy } from './read-windows';
export { macosLayers, readMacosPolicy } from './read-macos';
export { readLinuxPolicy } from './read-linux';
export { NO_POLICY, policyConfig, machinePolicyFor, type MachinePolicyService } from './apply';

export type PolicyReadOptions = Readonly<{
  platform?: NodeJS.Platform;
  /** Linux: the folder holding `managed/` and `recommended/`. Default `/etc/hearth/policies`. */
  linuxRoot?: string;
  /** macOS: the managed-preferences folder. Default `/Library/Managed Preferences`. */
  macosRoot?: string;
  /** macOS: the user whose managed preferences apply. Default the current user. */
  user?: string;
  /** Windows: runs `reg`. */
  reg?: RegRunner;
}>;

/** This OS's sources, read once; what cannot be read is a problem in the answer, never a throw. */
export async function readPolicySources(options: PolicyReadOptions = {}): Promise<PolicySources> {
  const platform = options.platform ?? process.platform;
  try {
    switch (platform) {
      case 'win32':
        return await readWindowsPolicy(options.reg ?? spawnReg);
      case 'darwin':
        return readMacosPolicy(options.user ?? os.userInfo().username, options.macosRoot ?? MACOS_MANAGED_ROOT);
      default:
        return readLinuxPolicy(options.linuxRoot ?? LINUX_POLICY_ROOT);
    }
  } catch (e) {
    const message = `The policy could not be read: ${e instanceof Error ? e.message : String(e)}`;
    return { layers: [], problems: [{ code: 'POLICY_SOURCE_UNREADABLE', origin: platform, key: null, message }] };
  }
}

/** Reads and resolves this machine's policy once at start, and logs what applies and what was skipped. */
export async function loadMachinePolicy(logger: Logger, options: PolicyReadOptions = {}): Promise<ResolvedPolicy> {
  const policy = resolvePolicy(await readPolicySources(options));
  const log = logger.child({ component: 'machine-policy' });
  const set = POLICY_KEYS.filter((k) => policy[k].source !== 'default').map((k) => ({
    key: k,
    source: policy[k].source,
    origin: policy[k].origin,
  }));
  log.info({ set }, set.length ? 'machine policy applies' : 'no machine policy');
  for (const p of policy.problems) log.warn({ problem: p }, `machine policy: ${p.message}`);
  return policy;
}

/** Whether this machine's policy hides games (for the games service: `gamesHiddenByPolicy(policy)`). */
export function gamesHiddenByPolicy(policy: ResolvedPolicy = NO_POLICY): boolean {
  return !policy.gamesAllowed.value;
}

/** Whether effects (camera backgrounds) are hidden on this machine. */
export function effectsHiddenByPolicy(policy: ResolvedPolicy = NO_POLICY): boolean {
  return !policy.effectsAllowed.value;
}
