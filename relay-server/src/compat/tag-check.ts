import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { SNAPSHOT_DIR } from './snapshots';

const ROOT = path.resolve(SNAPSHOT_DIR, '../..');

function git(args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** Does this git ref exist here (false outside a git checkout, or where the tag was not fetched)? */
export function refExists(ref: string): boolean {
  return git(['rev-parse', '-q', '--verify', `${ref}^{commit}`]) !== undefined;
}

/** The snapshot file as committed at `ref`, if that commit has it. */
export function snapshotAt(ref: string, version: string): string | undefined {
  return git(['show', `${ref}:common/compat/v${version}.json`]);
}
