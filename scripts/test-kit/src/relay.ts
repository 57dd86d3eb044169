import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type RelayApp } from '@hearth/relay-server/app';
import { DEFAULT_CONFIG, type RelayConfig } from '@hearth/relay-server/config';
import { freePort } from './ports';

/** A real relay, in this process, on a fixed loopback port, that a test can stop and start again. */
export type TestRelay = Readonly<{
  url: string;
  port: number;
  dataDir: string;
  app: () => RelayApp;
  /** Closes the relay (its sockets drop); its data stays. */
  stop: () => Promise<void>;
  /** Starts it again on the same port and data folder (with `changes` to its settings, e.g. a new policy version). */
  start: (changes?: Partial<RelayConfig>) => Promise<void>;
  /** Stops it and deletes its data. */
  dispose: () => Promise<void>;
}>;

/** Cheap argon2 and no registration limit: tests register many parents from one address. `now`: the relay's clock (a test may move it). */
export async function startTestRelay(
  overrides: Partial<RelayConfig> = {},
  options: Readonly<{ now?: () => number }> = {},
): Promise<TestRelay> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-desktop-relay-'));
  const port = await freePort();
  let config: RelayConfig = Object.freeze({
    ...DEFAULT_CONFIG,
    dataDir,
    port,
    logLevel: 'silent',
    passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
    rateLimits: { ...DEFAULT_CONFIG.rateLimits, registerPerHour: 100_000, signInPerMinute: 100_000 },
    ...overrides,
  });
  let app: RelayApp | null = null;
  const start = async (changes: Partial<RelayConfig> = {}): Promise<void> => {
    if (app) return;
    config = Object.freeze({ ...config, ...changes });
    const built = await buildApp(config, { logger: false, ...(options.now ? { now: options.now } : {}) });
    for (let attempt = 0; ; attempt++) {
      try {
        await built.listen({ host: config.host, port });
        break;
      } catch (err) {
        if (attempt > 40) throw err;
        await new Promise((r) => setTimeout(r, 50)); // the old listener may still be letting go of the port
      }
    }
    app = built;
  };
  const stop = async (): Promise<void> => {
    const current = app;
    app = null;
    if (!current) return;
    // As server.ts's close-with-grace does after its delay: a connection that will not end does not
    // hold the test for a minute. Said on stderr, so a close that needed it is seen, not hidden.
    const force = setTimeout(() => {
      process.stderr.write('test-kit relay: the relay did not close within 5 s; closing its connections\n');
      current.server.closeAllConnections();
      const sockets = (current as unknown as { websocketServer?: { clients: Set<{ terminate(): void }> } }).websocketServer;
      for (const client of sockets?.clients ?? []) client.terminate();
    }, 5_000);
    try {
      await current.close();
    } finally {
      clearTimeout(force);
    }
  };
  await start();
  return {
    url: `http://${config.host}:${port}`,
    port,
    dataDir,
    app: () => {
      if (!app) throw new Error('relay is stopped');
      return app;
    },
    stop,
    start,
    dispose: async () => {
      await stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
