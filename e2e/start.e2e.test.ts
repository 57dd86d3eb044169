/**
 * The README's first Quick start line as a new user runs it (after `npm ci`): `npm start` builds the
 * app, starts the relay and, where coturn is installed, a loopback TURN server that the relay hands
 * out, serves the app through the web host (there is no Electron binary here) and prints its URL;
 * Ctrl+C stops everything it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { turnServerAvailable } from '../scripts/coturn';
import { freePort } from '@hearth/test-kit/ports';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The pids of the running coturns whose command line names `--listening-port=PORT`. */
function coturnsOn(port: number): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .filter((line) => line.includes('turnserver') && line.includes(`--listening-port=${port}`))
    .map((line) => line.trim().split(/\s+/)[0]!);
}

describe('npm start', () => {
  let start: ChildProcess | undefined;
  let work: string | undefined;
  let output = '';

  afterAll(async () => {
    if (start?.pid && start.exitCode === null) process.kill(-start.pid, 'SIGKILL');
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('builds, starts the relay (and TURN where coturn is here), prints the app’s URL, and stops it all on Ctrl+C', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'hearth-npm-start-'));
    const relayPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(relayPort),
      HEARTH_DATA_DIR: path.join(work, 'relay'),
      HEARTH_DESKTOP_DATA_DIR: path.join(work, 'desktop'),
    };
    // As on a machine where nobody configured TURN.
    delete env.HEARTH_TURN_URLS;
    delete env.HEARTH_TURN_SECRET;
    // Its own process group, as a terminal gives it: Ctrl+C signals the whole group.
    start = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    start.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    start.stderr?.on('data', (d: Buffer) => (output += d.toString()));

    await expect.poll(() => /hearth: open (\S+) in Chromium/.test(output), { timeout: 150_000, interval: 500 }).toBe(true);
    const appUrl = /hearth: open (\S+) in Chromium/.exec(output)![1]!;
    expect(output).toContain('Electron is not installed on this machine');
    expect(new URL(appUrl).hostname).toBe('127.0.0.1');
    const page = await fetch(appUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const relay = `http://127.0.0.1:${relayPort}`;
    expect((await fetch(`${relay}/health`)).status).toBe(200);

    // A grown-up's session asks for ICE servers: the loopback coturn, with credentials, or none.
    const registered = await fetch(`${relay}/v1/parents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'start@example.test', password: 'a long password', displayName: 'Sam' }),
    });
    expect(registered.status).toBe(201);
    const { token } = (await registered.json()) as { token: string };
    const ice = (await (await fetch(`${relay}/v1/ice`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      iceServers: { urls: string[]; username?: string; credential?: string }[];
    };
    let turnPort: number | null = null;
    if (turnServerAvailable()) {
      const line = /hearth: calls go through a TURN server on this machine \(coturn, turn:127\.0\.0\.1:(\d+)/.exec(output);
      expect(line, output).not.toBeNull();
      turnPort = Number(line![1]);
      expect(ice.iceServers).toEqual([
        { urls: [`turn:127.0.0.1:${turnPort}?transport=udp`], username: expect.any(String), credential: expect.any(String) },
      ]);
      // Its secret is in a file, not on the command line for `ps` to show.
      expect(coturnsOn(turnPort)).toHaveLength(1);
      const args = spawnSync('ps', ['-o', 'args=', '-p', coturnsOn(turnPort)[0]!], { encoding: 'utf8' }).stdout;
      expect(args).not.toContain('static-auth-secret');
      // And the file it read the secret from is gone once it started.
      const conf = /-c (\S+)/.exec(args)?.[1];
      expect(conf).toBeDefined();
      expect(existsSync(conf!)).toBe(false);
    } else {
      expect(output).toContain('no TURN server here (coturn is not installed)');
      expect(ice.iceServers).toEqual([]);
    }

    // Ctrl+C: the web host, the relay and coturn all stop.
    const exited = new Promise<string>((resolve) => start!.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
    process.kill(-start.pid!, 'SIGINT');
    // npm itself ends on the signal; what it started ends on its own shutdown path (checked below).
    expect(await exited).toMatch(/^(SIGINT|code 0)$/);
    await expect
      .poll(
        () =>
          fetch(`${relay}/health`).then(
            () => 'up',
            () => 'down',
          ),
        { timeout: 10_000 },
      )
      .toBe('down');
    await expect
      .poll(
        () =>
          fetch(appUrl).then(
            () => 'up',
            () => 'down',
          ),
        { timeout: 10_000 },
      )
      .toBe('down');
    if (turnPort !== null) await expect.poll(() => coturnsOn(turnPort).length, { timeout: 10_000 }).toBe(0);
  }, 240_000);
});
