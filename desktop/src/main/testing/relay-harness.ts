import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type RelayApp } from '../../../../relay-server/src/app';
import { DEFAULT_CONFIG, type RelayConfig } from '../../../../relay-server/src/config';

/** A real relay, in this process, on a fixed loopback port, that a test can stop and start again. */
export type TestRelay = Readonly<{
  url: string;
  port: number;
  dataDir: string;
  app: () => RelayApp;
  /** Closes the relay (its sockets drop); its data stays. */
  stop: () => Promise<void>;
  /** Starts it again on the same port and data folder. */
  start: () => Promise<void>;
  /** Stops it and deletes its data. */
  dispose: () => Promise<void>;
}>;

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

/** Cheap argon2 and no registration limit: tests register many parents from one address. */
export async function startTestRelay(overrides: Partial<RelayConfig> = {}): Promise<TestRelay> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-desktop-relay-'));
  const port = await freePort();
  const config: RelayConfig = Object.freeze({
    ...DEFAULT_CONFIG,
    dataDir,
    port,
    logLevel: 'silent',
    passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
    rateLimits: { ...DEFAULT_CONFIG.rateLimits, registerPerHour: 100_000, signInPerMinute: 100_000 },
    ...overrides,
  });
  let app: RelayApp | null = null;
  const start = async (): Promise<void> => {
    if (app) return;
    const built = await buildApp(config, { logger: false });
    for (let attempt = 0; ; attempt++) {
      try {
        await built.listen({ host: '127.0.0.1', port });
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
      process.stderr.write('relay-harness: the relay did not close within 5 s; closing its connections\n');
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
    url: `http://127.0.0.1:${port}`,
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

/** A TCP proxy in front of the relay whose connections a test can cut, like a network that dies. */
export type TcpProxy = Readonly<{
  url: string;
  /** Destroys every open connection at once (no close frames). */
  cut: () => void;
  /** While down, new connections are refused (destroyed at once). */
  setDown: (down: boolean) => void;
  close: () => Promise<void>;
}>;

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const cut = (): void => {
    for (const s of sockets) s.destroy();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    setDown: (d: boolean) => {
      down = d;
    },
    close: () =>
      new Promise((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` returns a truthy value or throws after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
