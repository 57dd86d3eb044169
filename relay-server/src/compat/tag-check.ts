import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as common from '@hearth/common';
import { SNAPSHOT_DIR, type CompatSnapshot } from './snapshots';

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

/** The name common exports a schema under (`PolicyInfo`, `WsServerFrame`, …), if it does. */
function exportNameOf(schema: unknown): string | undefined {
  return Object.entries(common).find(([, value]) => value === schema)?.[0];
}

/**
 * What the app at `ref` reads, rebuilt from that commit's own schemas (for a tag put on a commit
 * from before the snapshot was committed): each schema of today's `APP_READS` is looked up by its
 * export name in the tag's `common/src`. Routes the snapshot does not list are left out.
 */
export async function readsAt(ref: string, snapshot: CompatSnapshot): Promise<unknown> {
  const dir = fs.mkdtempSync(path.join(ROOT, 'common', '.compat-tag-'));
  try {
    const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', ref, 'common/src']);
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    const old = (await import(pathToFileURL(path.join(dir, 'common/src/index.ts')).href)) as Record<string, unknown>;
    const pick = (schema: unknown): unknown => {
      const name = exportNameOf(schema);
      return JSON.parse(JSON.stringify(name !== undefined && name in old ? old[name] : schema));
    };
    const http = Object.fromEntries(
      Object.keys(snapshot.reads.http).map((route) => [
        route,
        pick((common.APP_READS.http as Readonly<Record<string, unknown>>)[route]),
      ]),
    );
    return { http, ws: pick(common.APP_READS.ws), error: pick(common.APP_READS.error) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
