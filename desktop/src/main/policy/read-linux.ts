import fs from 'node:fs';
import path from 'node:path';
import type { PolicyLayer, PolicyProblem, PolicySources } from './resolve';

export const LINUX_POLICY_ROOT = '/etc/hearth/policies';

/**
 * `<root>/managed/*.json` (enforced) and `<root>/recommended/*.json`: each file one JSON object of
 * settings (`build/policy/hearth-policy.schema.json`). Within a folder files are read in name
 * order and a later file wins for a key both set (`10-school.json` under `20-room.json`). A file
 * that is not a JSON object is reported and skipped whole; a missing folder is no policy.
 */
export function readLinuxPolicy(root: string = LINUX_POLICY_ROOT): PolicySources {
  const layers: PolicyLayer[] = [];
  const problems: PolicyProblem[] = [];
  for (const tier of ['managed', 'recommended'] as const) {
    const dir = path.join(root, tier);
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(unreadable(dir, (e as Error).message));
      continue;
    }
    // Highest precedence first: the last name in order comes first.
    for (const name of names.sort().reverse()) {
      const file = path.join(dir, name);
      try {
        const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          problems.push(unreadable(file, 'not a JSON object'));
          continue;
        }
        layers.push({ origin: file, tier, values: value as Record<string, unknown> });
      } catch (e) {
        problems.push(unreadable(file, (e as Error).message));
      }
    }
  }
  return { layers, problems };
}

function unreadable(origin: string, why: string): PolicyProblem {
  return { code: 'POLICY_SOURCE_UNREADABLE', origin, key: null, message: `Skipped: ${why}` };
}
