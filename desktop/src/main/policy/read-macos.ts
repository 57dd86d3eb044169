import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import plist from 'plist';
import type { PolicyLayer, PolicyProblem, PolicySources } from './resolve';

/** The preferences domain IT's profile targets. */
export const MACOS_DOMAIN = 'org.hearth.app';
export const MACOS_MANAGED_ROOT = '/Library/Managed Preferences';

type Layers = { layers: (PolicyLayer & { userScoped: boolean })[]; problems: PolicyProblem[] };

/**
 * One managed-preferences plist: its top-level keys are enforced (the profile's "Forced"
 * settings land there), its `Recommended` dictionary the recommended tier (Hearth's convention,
 * as in `build/policy/org.hearth.app.mobileconfig`). A file that is not a plist dictionary is
 * reported, never thrown.
 */
export function macosLayers(origin: string, xml: string, userScoped: boolean): Layers {
  let parsed: unknown;
  try {
    parsed = plist.parse(xml);
  } catch (e) {
    return { layers: [], problems: [unreadable(origin, e instanceof Error ? e.message : String(e))] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || parsed instanceof Date) {
    return { layers: [], problems: [unreadable(origin, 'not a dictionary')] };
  }
  const { Recommended: recommended, ...rest } = parsed as Record<string, unknown>;
  // A profile's own bookkeeping (`PayloadUUID`, …) is no setting.
  const forced = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('Payload')));
  const problems: PolicyProblem[] = [];
  let rec: Record<string, unknown> = {};
  if (recommended !== undefined) {
    if (typeof recommended === 'object' && recommended !== null && !Array.isArray(recommended)) {
      rec = recommended as Record<string, unknown>;
    } else {
      problems.push({
        code: 'POLICY_BAD_VALUE',
        origin,
        key: 'Recommended',
        message: '"Recommended" is not a dictionary; ignored.',
      });
    }
  }
  return {
    layers: [
      { origin, tier: 'managed', values: forced, userScoped },
      { origin: `${origin} (Recommended)`, tier: 'recommended', values: rec, userScoped },
    ],
    problems,
  };
}

function unreadable(origin: string, why: string): PolicyProblem {
  return { code: 'POLICY_SOURCE_UNREADABLE', origin, key: null, message: `Not a readable plist: ${why}` };
}

/**
 * cfprefsd writes managed preferences as binary plists, which the `plist` package does not read:
 * macOS's own `plutil` turns them into XML first (elsewhere the bytes pass as they are).
 */
function toXml(file: string, bytes: Buffer): string {
  if (bytes.subarray(0, 6).toString('latin1') !== 'bplist') return bytes.toString('utf8');
  return execFileSync('/usr/bin/plutil', ['-convert', 'xml1', '-o', '-', file], { encoding: 'utf8', timeout: 10_000 });
}

/**
 * The machine's plist (`<root>/org.hearth.app.plist`) then the user's
 * (`<root>/<user>/org.hearth.app.plist`): the machine's wins. A missing file is no policy.
 */
export function readMacosPolicy(user: string, root: string = MACOS_MANAGED_ROOT): PolicySources {
  const out: Layers = { layers: [], problems: [] };
  const files = [
    { file: path.join(root, `${MACOS_DOMAIN}.plist`), userScoped: false },
    { file: path.join(root, user, `${MACOS_DOMAIN}.plist`), userScoped: true },
  ];
  for (const { file, userScoped } of files) {
    let xml: string;
    try {
      xml = toXml(file, fs.readFileSync(file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') out.problems.push(unreadable(file, (e as Error).message));
      continue;
    }
    const read = macosLayers(file, xml, userScoped);
    out.layers.push(...read.layers);
    out.problems.push(...read.problems);
  }
  return out;
}
