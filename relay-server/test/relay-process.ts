import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

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

/** A free loopback port (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function createRelayProcess(dataDir: string, extraArgs: readonly string[] = []): Promise<RelayProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let errors = '';

  async function waitReady(proc: ChildProcess): Promise<void> {
    const deadline = Date.now() + 20_000;
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
    throw new Error(`relay did not start within 20 s: ${errors}`);
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
          'relay-server/src/server.ts',
          '--port',
          String(port),
          '--data-dir',
          dataDir,
          '--log-level',
          'warn',
          ...extraArgs,
        ],
        { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      child.stderr?.on('data', (d: Buffer) => {
        errors = (errors + d.toString()).slice(-4000);
      });
      await waitReady(child);
    },
    async kill() {
      if (!child) return;
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (!child) return;
      child.kill('SIGTERM');
      await exited(child);
    },
    stderr: () => errors,
  };
}
