/**
 * The README's first Quick start line as a new user runs it (after `npm ci`): `npm start` builds the
 * app, starts the relay and, where coturn is installed, a loopback TURN server that the relay hands
 * out, serves the app through the web host (there is no Electron binary here) and prints its URL;
 * Ctrl+C stops everything it started. The terminal stays quiet: no build warning, no log line, the
 * URL last on its own line; the relay's and the web host's logs are in files under the data folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { turnServerAvailable } from '../scripts/coturn';
import { COTURN_MISSING_LINE } from '../scripts/start/desktop-session';
import { freePort } from '@hearth/test-kit/ports';
import { freshEnv, npmStart, URL_LINE, type NpmStart } from './support/npm-start';

/** The pids of the running coturns whose command line names `--listening-port=PORT`. */
function coturnsOn(port: number): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .filter((line) => line.includes('turnserver') && line.includes(`--listening-port=${port}`))
    .map((line) => line.trim().split(/\s+/)[0]!);
}

/** The lines of the log files under `dir` whose names start with `prefix`. */
function logLines(dir: string, prefix: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.log'))
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter((line) => line !== '');
}

describe('npm start', () => {
  let start: NpmStart | undefined;
  let work: string | undefined;

  afterAll(async () => {
    start?.kill();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('builds, starts the relay (and TURN where coturn is here), keeps the terminal quiet with the app’s URL last (opened in the browser), logs to files, and stops it all on Ctrl+C', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'hearth-npm-start-'));
    const relayPort = await freePort();
    // A graphical session outside CI, whose "browser" writes down what it was asked to open.
    const opened = path.join(work, 'opened.txt');
    const browser = path.join(work, 'browser.sh');
    await writeFile(browser, `#!/bin/sh\necho "$1" > '${opened}'\n`, { mode: 0o755 });
    start = npmStart(freshEnv(work, relayPort, { DISPLAY: ':99', CI: '', BROWSER: browser }));
    const appUrl = await start.url();
    await expect.poll(() => existsSync(opened) && readFileSync(opened, 'utf8').trim(), { timeout: 10_000 }).toBe(appUrl);
    expect(start.output()).toContain('Electron is not installed here');
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
      const line = /hearth: calls go through a TURN server on this machine \(coturn, turn:127\.0\.0\.1:(\d+)/.exec(
        start.output(),
      );
      expect(line, start.output()).not.toBeNull();
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
      expect(start.output()).toContain(COTURN_MISSING_LINE);
      expect(ice.iceServers).toEqual([]);
    }

    // The quiet terminal: after the requests above, still no log line and no build warning, and the URL last.
    const printed = start.output();
    const lines = printed.split('\n').filter((l) => l.trim() !== '');
    expect(lines.at(-1), printed).toMatch(URL_LINE);
    expect(lines.at(-1)).toBe(appUrl);
    expect(printed).not.toMatch(/\(!\)|warn|vite|chunk|rolldown|\{"level"/i);
    for (const line of lines) expect(line, printed).toMatch(/^hearth: |^http:\/\/127\.0\.0\.1:/);
    // The log folder, named once, holds the relay's request logs (no address, name or email) and the web host's.
    const logDir = path.join(work, 'logs');
    expect(printed.split(logDir).length - 1).toBe(1);
    const relayLog = logLines(logDir, 'relay.');
    expect(relayLog.some((l) => l.includes('"route":"/v1/parents"'))).toBe(true);
    const requestLines = relayLog.filter((l) => /"(req|res)":/.test(l));
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(line).not.toMatch(/127\.0\.0\.1|remoteAddress|start@example\.test|Sam/);
    expect(logLines(logDir, 'web-host-desktop.').some((l) => l.includes('web host listening'))).toBe(true);

    // Ctrl+C: the web host, the relay and coturn all stop.
    // npm itself ends on the signal; what it started ends on its own shutdown path (checked below).
    expect(await start.interrupt()).toMatch(/^(SIGINT|code 0)$/);
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
