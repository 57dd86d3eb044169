import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@hearth/sqlite';
import { RELAY_MIGRATIONS } from './db/migrations/index';
import { freePort } from '@hearth/test-kit/ports';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the real relay process until it exits (or 30 s pass); its exit status and stderr. */
async function runRelay(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay-server/src/server.ts', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const status = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  clearTimeout(timer);
  return { status, stderr };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-relay-start-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a relay that cannot start', () => {
  it('prints the sentence of a database from the future and exits 2, leaving the file untouched', async () => {
    const db = openDatabase(path.join(dir, 'relay.sqlite'));
    db.pragma(`user_version = ${RELAY_MIGRATIONS.length + 3}`);
    db.close();
    const { status, stderr } = await runRelay(['--port', String(await freePort()), '--data-dir', dir]);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `hearth relay: This data was written by a newer version of Hearth (schema ${RELAY_MIGRATIONS.length + 3}, ` +
        `this version knows ${RELAY_MIGRATIONS.length}). Please update Hearth.\n`,
    );
    const again = openDatabase(path.join(dir, 'relay.sqlite'));
    expect(again.pragma('user_version', { simple: true })).toBe(RELAY_MIGRATIONS.length + 3);
    again.close();
  });

  it('prints which database it cannot open when the data folder is a file, and exits 2', async () => {
    const notAFolder = path.join(dir, 'data');
    fs.writeFileSync(notAFolder, 'a file, not a folder');
    const { status, stderr } = await runRelay(['--port', String(await freePort()), '--data-dir', notAFolder]);
    expect(status).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^hearth relay: Cannot open the database ${path.join(notAFolder, 'relay.sqlite')}: .+\\n$`),
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names the policy version that has no folder, and exits 2', async () => {
    const { status, stderr } = await runRelay([
      '--port',
      String(await freePort()),
      '--data-dir',
      dir,
      '--policy-version',
      '2099-01-01',
    ]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^hearth relay: --policy-version 2099-01-01 names no folder in the policy folder .+policies\n$/);
  });

  it('refuses a bad --smtp-url with its sentence, and exits 2', async () => {
    const { status, stderr } = await runRelay([
      '--port',
      String(await freePort()),
      '--data-dir',
      dir,
      '--smtp-url',
      'http://mail.example',
    ]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^hearth relay: --smtp-url must look like smtp:\/\/user:password@host:587/);
  });
});
