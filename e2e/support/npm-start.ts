/** `npm start` as a person runs it in a terminal, for the e2e files that test what it prints and runs. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A line that is nothing but the app's URL (what `npm start` prints last). */
export const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\S*$/;

export type NpmStart = Readonly<{
  process: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output: () => string;
  /** The app's URL, once printed (waits for it). */
  url: () => Promise<string>;
  /** Ctrl+C to its process group; resolves with how npm ended. */
  interrupt: () => Promise<string>;
  /** SIGKILL to the whole group, if still running (for afterAll). */
  kill: () => void;
}>;

/** The environment of a fresh machine's terminal with its data under `work`, never opening a browser. */
export function freshEnv(work: string, relayPort: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(relayPort),
    HEARTH_DATA_DIR: path.join(work, 'relay'),
    HEARTH_DESKTOP_DATA_DIR: path.join(work, 'desktop'),
    BROWSER: 'none',
    ...extra,
  };
  // As on a machine where nobody configured TURN.
  delete env.HEARTH_TURN_URLS;
  delete env.HEARTH_TURN_SECRET;
  // A person's terminal, not Vitest's: NODE_ENV=test would make Vite build (and warn) differently.
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  return env;
}

export function npmStart(env: NodeJS.ProcessEnv): NpmStart {
  let output = '';
  // Its own process group, as a terminal gives it: Ctrl+C signals the whole group.
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const lines = (): string[] => output.split('\n').filter((l) => l.trim() !== '');
  return {
    process: child,
    output: () => output,
    url: async () => {
      await expect.poll(() => lines().some((l) => URL_LINE.test(l)), { timeout: 150_000, interval: 500 }).toBe(true);
      return lines().find((l) => URL_LINE.test(l))!;
    },
    interrupt: () => {
      const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
      process.kill(-child.pid!, 'SIGINT');
      return exited;
    },
    kill: () => {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    },
  };
}
