import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './ports';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** The relay as its own process (`node --import tsx relay-server/src/server.ts`), as it runs in production. */
export type RelayProcess = Readonly<{
  port: number;
  child: () => ChildProcess;
  /** Starts the process (again) on the same port and data folder; resolves when /health answers. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown, no flush, like a power cut for the process. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown. */
  stop(): Promise<void>;
  /** What the process wrote to stderr, for failure messages. */
  stderr(): string;
}>;

export type RelayProcessOptions = Readonly<{
  /** The relay's `--log-level` (what reaches `stderr()`). Default `warn`. */
  logLevel?: 'silent' | 'error' | 'warn' | 'info';
  /** More command-line flags for `server.ts`. */
  extraArgs?: readonly string[];
  /** Another composition root taking server.ts's flags (a bench's), relative to the repository. Default `relay-server/src/server.ts`. */
  entry?: string;
  /** More environment variables for the process. */
  env?: Readonly<Record<string, string>>;
  /** A file that gets everything the process writes (its pino log on stdout, and stderr), appended across restarts. */
  logFile?: string;
}>;

/** A relay process on a free port and `dataDir`; not started until `start()`. */
export async function createRelayProcess(dataDir: string, options: RelayProcessOptions = {}): Promise<RelayProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let errors = '';

  async function waitReady(proc: ChildProcess): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`relay exited with ${proc.exitCode}: ${errors}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`relay did not start within 30 s: ${errors}`);
  }

  function exited(proc: ChildProcess): Promise<void> {
    return proc.exitCode !== null || proc.signalCode !== null
      ? Promise.resolve()
      : new Promise((r) => proc.once('exit', () => r()));
  }

  return {
    port,
    child: () => child as ChildProcess,
    async start() {
      child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          options.entry ?? 'relay-server/src/server.ts',
          '--port',
          String(port),
          '--data-dir',
          dataDir,
          '--log-level',
          options.logLevel ?? 'warn',
          ...(options.extraArgs ?? []),
        ],
        {
          cwd: REPO_ROOT,
          stdio: ['ignore', options.logFile ? 'pipe' : 'ignore', 'pipe'],
          ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
        },
      );
      const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
      if (log) child.stdout?.pipe(log);
      child.stderr?.on('data', (d: Buffer) => {
        errors = (errors + d.toString()).slice(-4000);
        log?.write(d);
      });
      try {
        await waitReady(child);
      } catch (error) {
        // A relay that never answered is not left behind.
        child.kill('SIGKILL');
        await exited(child);
        throw error;
      }
    },
    async kill() {
      if (!child) return;
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (!child) return;
      const proc = child;
      // The graceful shutdown, bounded: past its own 10 s grace, the relay is killed.
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      proc.kill('SIGTERM');
      await exited(proc);
      clearTimeout(timer);
    },
    stderr: () => errors,
  };
}

/** A started relay process (silent), for worlds that only need its URL and to stop it. */
export async function startRelayProcess(
  dataDir: string,
  env?: Readonly<Record<string, string>>,
): Promise<Readonly<{ url: string; stop: () => Promise<void> }>> {
  const relay = await createRelayProcess(dataDir, { logLevel: 'silent', ...(env ? { env } : {}) });
  await relay.start();
  return { url: `http://127.0.0.1:${relay.port}`, stop: relay.stop };
}
