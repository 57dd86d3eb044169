import { execFile } from 'node:child_process';
import { POLICY_DEFINITIONS, POLICY_KEYS, type PolicyKey } from '@hearth/common';
import type { PolicyLayer, PolicyProblem, PolicySources } from './resolve';

/** The policy key under each hive; `\Recommended` below it holds the recommended tier (as Chrome does). */
export const WINDOWS_POLICY_KEY = 'SOFTWARE\\Policies\\Hearth';
const HIVES = [
  { hive: 'HKLM', long: 'HKEY_LOCAL_MACHINE', userScoped: false },
  { hive: 'HKCU', long: 'HKEY_CURRENT_USER', userScoped: true },
] as const;

/** One registry value as `reg query` prints it. */
export type RegValue = Readonly<{ key: string; name: string; type: string; data: string }>;

/**
 * Parses `reg query <key> /s` output: a key line (`HKEY_LOCAL_MACHINE\SOFTWARE\...`) then its
 * values, each `    Name    REG_TYPE    data` (four spaces apart; data may hold spaces, is empty
 * for an empty string, is `0x1` for a DWORD and `a\0b` for a multi-string).
 */
export function parseRegQuery(output: string): RegValue[] {
  const values: RegValue[] = [];
  let key = '';
  for (const line of output.split(/\r?\n/)) {
    if (/^HKEY_/.test(line)) {
      key = line.trim();
      continue;
    }
    const m = /^ {4}(\S.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (m && key) values.push({ key, name: m[1] ?? '', type: m[2] ?? '', data: m[3] ?? '' });
  }
  return values;
}

const byRegistryName = new Map<string, PolicyKey>(POLICY_KEYS.map((k) => [POLICY_DEFINITIONS[k].registry.toLowerCase(), k]));

/** `%NAME%` replaced from the environment (a REG_EXPAND_SZ); an unknown name stays as written. */
function expand(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/%([^%]+)%/g, (all, name: string) => env[name] ?? all);
}

/**
 * One registry value in the JSON form of its setting: a DWORD `0x1` for a flag is `true`, for
 * a number its value; a multi-string an array. A type that does not fit the setting is passed
 * on as a string such as `"REG_SZ:yes"`, which the resolver reports as a bad value.
 */
function jsonForm(key: PolicyKey, v: RegValue, env: Readonly<Record<string, string | undefined>>): unknown {
  const def = POLICY_DEFINITIONS[key];
  const isFlag = (def.schema as { type?: unknown }).type === 'boolean';
  if (v.type === 'REG_DWORD' && /^0x[0-9a-f]+$/i.test(v.data)) {
    const n = Number.parseInt(v.data, 16);
    if (isFlag) return n === 0 ? false : n === 1 ? true : n;
    if (def.registryKind === 'REG_DWORD') return n;
  }
  if (v.type === 'REG_MULTI_SZ' && def.registryKind === 'REG_MULTI_SZ') {
    return v.data === '' ? [] : v.data.split('\\0').filter((s) => s !== '');
  }
  if ((v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') && def.registryKind === 'REG_SZ') {
    return v.type === 'REG_EXPAND_SZ' ? expand(v.data, env) : v.data;
  }
  return `${v.type}:${v.data}`;
}

/**
 * The registry's layers from one hive's `reg query … /s` output: the policy key itself is
 * managed, its `Recommended` subkey recommended; values in other subkeys are reported.
 */
export function windowsLayers(
  hive: 'HKLM' | 'HKCU',
  output: string,
  env: Readonly<Record<string, string | undefined>> = {},
): { layers: (PolicyLayer & { userScoped: boolean })[]; problems: PolicyProblem[] } {
  const h = HIVES.find((x) => x.hive === hive) ?? HIVES[0];
  const base = `${h.long}\\${WINDOWS_POLICY_KEY}`.toLowerCase();
  const managed: Record<string, unknown> = {};
  const recommended: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  for (const v of parseRegQuery(output)) {
    const where = v.key.toLowerCase();
    const target = where === base ? managed : where === `${base}\\recommended` ? recommended : undefined;
    const origin = `${hive}${v.key.slice(h.long.length)}`;
    if (!target) {
      problems.push({ code: 'POLICY_UNKNOWN_KEY', origin, key: v.name, message: `Unknown registry key ${origin} ignored.` });
      continue;
    }
    const key = byRegistryName.get(v.name.toLowerCase());
    if (key === undefined) target[v.name] = v.data;
    else target[key] = jsonForm(key, v, env);
  }
  const origin = `${hive}\\${WINDOWS_POLICY_KEY}`;
  return {
    layers: [
      { origin, tier: 'managed', values: managed, userScoped: h.userScoped },
      { origin: `${origin}\\Recommended`, tier: 'recommended', values: recommended, userScoped: h.userScoped },
    ],
    problems,
  };
}

/** Runs a command and answers its output; a key that does not exist is an empty output. */
export type RegRunner = (args: readonly string[]) => Promise<{ ok: true; stdout: string } | { ok: false; message: string }>;

/** `reg.exe query`, spawned without a shell. Exit 1 with "unable to find" is an absent key. */
export const spawnReg: RegRunner = (args) =>
  new Promise((resolve) => {
    execFile('reg', [...args], { windowsHide: true, timeout: 10_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (!err) resolve({ ok: true, stdout });
      else if (/unable to find/i.test(stderr)) resolve({ ok: true, stdout: '' });
      else resolve({ ok: false, message: `${err.message} ${stderr}`.trim() });
    });
  });

/** HKLM's then HKCU's layers (HKLM wins), through `reg query <hive>\SOFTWARE\Policies\Hearth /s`. */
export async function readWindowsPolicy(
  run: RegRunner = spawnReg,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<PolicySources> {
  const layers: PolicySources['layers'][number][] = [];
  const problems: PolicyProblem[] = [];
  for (const { hive } of HIVES) {
    const out = await run(['query', `${hive}\\${WINDOWS_POLICY_KEY}`, '/s']);
    if (!out.ok) {
      problems.push({
        code: 'POLICY_SOURCE_UNREADABLE',
        origin: `${hive}\\${WINDOWS_POLICY_KEY}`,
        key: null,
        message: `The registry could not be read: ${out.message}`,
      });
      continue;
    }
    const read = windowsLayers(hive, out.stdout, env);
    layers.push(...read.layers);
    problems.push(...read.problems);
  }
  return { layers, problems };
}
