import {
  POLICY_DEFAULTS,
  POLICY_DEFINITIONS,
  POLICY_KEYS,
  type MachinePolicyValues,
  type PolicyKey,
  type TimeWindow,
} from '@hearth/common';
import { firstProblem, matches } from '../validate';

/** Enforced (locked in the UI) or recommended (a default the family may change). */
export type PolicyTier = 'managed' | 'recommended';

/**
 * One set of values from one place, already in the JSON form (the readers turn registry values
 * and plist types into it): `origin` says where (`HKLM\SOFTWARE\Policies\Hearth`, a file path).
 */
export type PolicyLayer = Readonly<{ origin: string; tier: PolicyTier; values: Readonly<Record<string, unknown>> }>;

/** A source that could not be read at all, or a key or value that was skipped. */
export type PolicyProblem = Readonly<{
  code: 'POLICY_UNKNOWN_KEY' | 'POLICY_BAD_VALUE' | 'POLICY_SOURCE_UNREADABLE' | 'POLICY_MACHINE_ONLY';
  origin: string;
  key: string | null;
  message: string;
}>;

/**
 * What the readers found, layers highest precedence first within a tier (HKLM before HKCU, the
 * machine's plist before the user's, a later Linux file before an earlier one). `userScoped`
 * origins (HKCU, the user's plist) cannot set machine-only settings.
 */
export type PolicySources = Readonly<{
  layers: readonly (PolicyLayer & Readonly<{ userScoped?: boolean }>)[];
  problems?: readonly PolicyProblem[];
}>;

/** One resolved setting: its value, where it came from, and whether the family may change it. */
export type PolicySetting<V> = Readonly<{
  value: V;
  source: 'managed' | 'recommended' | 'default';
  locked: boolean;
  /** The registry key or file it came from; null for a default. */
  origin: string | null;
}>;

/** The machine policy: every setting with its source, plus what was skipped and why. */
export type MachinePolicy = Readonly<{ [K in PolicyKey]: PolicySetting<MachinePolicyValues[K]> }>;
export type ResolvedPolicy = MachinePolicy & Readonly<{ problems: readonly PolicyProblem[] }>;

/** A `HH:MM-HH:MM` floor as a window; undefined where it starts and ends at the same minute. */
function parseFloor(text: string): TimeWindow | undefined {
  const [start = '', end = ''] = text.split('-');
  return start === end ? undefined : { start, end };
}

/** The checked JSON form turned into the value the app uses; undefined where it does not fit. */
function valueOf(key: PolicyKey, raw: unknown): { ok: true; value: unknown } | { ok: false; why: string } {
  const schema = POLICY_DEFINITIONS[key].schema;
  if (!matches(schema, raw)) return { ok: false, why: firstProblem(schema, raw) };
  switch (key) {
    case 'relayUrl':
      return { ok: true, value: new URL(raw as string).origin };
    case 'quietHoursFloor': {
      const floor = parseFloor(raw as string);
      return floor ? { ok: true, value: floor } : { ok: false, why: 'starts and ends at the same minute' };
    }
    case 'languages':
      return { ok: true, value: Object.freeze([...(raw as string[])]) };
    default:
      return { ok: true, value: raw };
  }
}

const TIER_ORDER: readonly PolicyTier[] = ['managed', 'recommended'];

/**
 * The one pure resolver: each setting takes the first valid value among the managed layers, then
 * among the recommended ones, else its default. A bad value (or a machine-only setting from a
 * user's source) is reported and skipped for that key only: the next layer, or the default,
 * decides that key, and every other key resolves as if it were absent. Unknown keys are
 * reported and ignored. Never throws.
 */
export function resolvePolicy(sources: PolicySources): ResolvedPolicy {
  const problems: PolicyProblem[] = [...(sources.problems ?? [])];
  const known = new Set<string>(POLICY_KEYS);
  const layers = sources.layers.map((layer) => {
    const v: unknown = layer.values;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return layer;
    problems.push({
      code: 'POLICY_SOURCE_UNREADABLE',
      origin: layer.origin,
      key: null,
      message: 'Not a set of settings; ignored.',
    });
    return { ...layer, values: {} };
  });
  for (const layer of layers) {
    for (const key of Object.keys(layer.values)) {
      if (!known.has(key)) {
        problems.push({
          code: 'POLICY_UNKNOWN_KEY',
          origin: layer.origin,
          key,
          message: `Unknown setting "${key}" ignored.`,
        });
      }
    }
  }
  const out: Record<string, PolicySetting<unknown>> = {};
  for (const key of POLICY_KEYS) {
    let chosen: PolicySetting<unknown> | undefined;
    for (const tier of TIER_ORDER) {
      for (const layer of layers) {
        if (layer.tier !== tier || !Object.hasOwn(layer.values, key)) continue;
        if (layer.userScoped && POLICY_DEFINITIONS[key].machineOnly) {
          problems.push({
            code: 'POLICY_MACHINE_ONLY',
            origin: layer.origin,
            key,
            message: `"${key}" can only be set for the whole machine; ignored here.`,
          });
          continue;
        }
        const v = valueOf(key, layer.values[key]);
        if (!v.ok) {
          problems.push({
            code: 'POLICY_BAD_VALUE',
            origin: layer.origin,
            key,
            message: `Bad value for "${key}" (${v.why}); ignored.`,
          });
          continue;
        }
        chosen ??= { value: v.value, source: tier, locked: tier === 'managed', origin: layer.origin };
      }
    }
    out[key] = Object.freeze(chosen ?? { value: POLICY_DEFAULTS[key], source: 'default' as const, locked: false, origin: null });
  }
  return Object.freeze({ ...(out as MachinePolicy), problems: Object.freeze(problems) });
}

/** The plain values of a resolved policy. */
export function policyValues(policy: MachinePolicy): MachinePolicyValues {
  return Object.fromEntries(POLICY_KEYS.map((k) => [k, policy[k].value])) as MachinePolicyValues;
}
