import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRelayProcess, type RelayProcess } from '@hearth/test-kit/relay-process';
import { freePort } from '@hearth/test-kit/ports';
import { lockDataFolder } from './folder-lock';
import { StartRefusal } from './start-refusal';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs `server.ts` until it exits (30 s at most): its exit status and stderr. */
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

/** The StartRefusal `take` throws. */
function refusal(take: () => unknown): StartRefusal {
  try {
    take();
  } catch (err) {
    if (err instanceof StartRefusal) return err;
    throw err;
  }
  throw new Error('the lock was taken');
}

let dir: string;
let first: RelayProcess | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-folder-lock-'));
});
afterEach(async () => {
  await first?.kill();
  first = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite data-folder lock', () => {
  it('refuses a second relay on the same folder with a sentence, and lets one start at once after the first was killed', async () => {
    first = await createRelayProcess(dir);
    await first.start();

    const second = await runRelay(['--port', String(await freePort()), '--data-dir', dir]);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(
      `hearth relay: Another relay is already running on the data folder ${dir}. Stop it first, or give this one another --data-dir.\n`,
    );
    // The refused relay changed nothing: the first still answers.
    expect((await fetch(`http://127.0.0.1:${first.port}/health`)).status).toBe(200);

    // SIGKILL leaves no stale lock: the operating system dropped it with the process.
    await first.kill();
    const started = Date.now();
    await first.start();
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await fetch(`http://127.0.0.1:${first.port}/health`)).status).toBe(200);
  });

  it('is shared by relays with a bus, and refuses a relay without one beside them (and the other way round)', () => {
    const a = lockDataFolder(dir, { shared: true });
    const b = lockDataFolder(dir, { shared: true });
    const lone = refusal(() => lockDataFolder(dir, { shared: false }));
    expect(lone.code).toBe('folder-has-relays');
    expect(lone.message).toBe(
      `Relays with --bus are already running on the data folder ${dir}; a relay without a bus cannot run beside them. ` +
        'Start this one with the same --bus redis://… as the others.',
    );
    a.release();
    b.release();

    const alone = lockDataFolder(dir, { shared: false });
    const withBus = refusal(() => lockDataFolder(dir, { shared: true }));
    expect(withBus.code).toBe('folder-in-use');
    expect(withBus.message).toBe(
      `A relay without --bus is already running on the data folder ${dir}, and it must be the only one. Stop it, then start every relay with the same --bus redis://….`,
    );
    alone.release();
    lockDataFolder(dir, { shared: true }).release();
  });

  it('is free again once released, and is told apart from a folder it cannot use', () => {
    const lock = lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).toThrow(StartRefusal);
    try {
      lockDataFolder(dir);
    } catch (err) {
      expect((err as StartRefusal).code).toBe('folder-in-use');
    }
    lock.release();
    lockDataFolder(dir).release();

    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    try {
      lockDataFolder(file);
      expect.unreachable('a file is not a data folder');
    } catch (err) {
      expect((err as StartRefusal).code).toBe('folder-unusable');
      expect((err as Error).message).toMatch(new RegExp(`^Cannot lock the data folder ${file}: `));
    }
  });
});
