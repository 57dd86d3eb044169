/**
 * The machines of the end-to-end tests: one real relay (in this process), or relay processes as a
 * cluster behind nginx, and any number of PCs, each a web host with its own data folder, serving
 * the renderer build to Chromium.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { silentLogger } from '@hearth/desktop/main/logging/logger';
import type { RelayConfig } from '@hearth/relay-server/config';
import { startTestRelay } from '@hearth/test-kit/relay';
import { startCluster } from '@hearth/test-kit/cluster';
import { launchWebHostApp, type WebHostApp } from '@hearth/desktop/main/web-host/launch';
import type { ResolvedPolicy } from '@hearth/desktop/main/policy/resolve';

const DESKTOP = path.resolve(import.meta.dirname, '..', '..', 'desktop');

/** Builds the renderer once into `dir`. */
export async function buildRenderer(dir: string): Promise<string> {
  const outDir = path.join(dir, 'renderer');
  await build({ configFile: path.join(DESKTOP, 'vite.config.ts'), logLevel: 'silent', build: { outDir } });
  return outDir;
}

/** One family PC: a web host over its own data folder, which can be stopped and started again. */
export type Pc = {
  readonly name: string;
  readonly dataDir: string;
  app: WebHostApp | null;
  /** The page to open (changes at every start: new port, new per-launch token). */
  url: string;
};

/** What a PC is pointed at: the relay, or nginx in front of a cluster of them. */
export type WorldRelay = Readonly<{
  url: string;
  dispose: () => Promise<void>;
  /** The single relay's data folder. */ dataDir?: string;
}>;

export async function startPc(
  pc: Pc,
  relay: Pick<WorldRelay, 'url'>,
  rendererDir: string,
  options: Readonly<{
    /** The PC's clock (a story that needs "the next day"). Default Date.now. */
    now?: () => number;
    /** IT's machine policy on this PC (issue 17). Default: none. */
    policy?: ResolvedPolicy;
  }> = {},
): Promise<Pc> {
  pc.app = await launchWebHostApp({
    relayUrl: relay.url,
    dataDir: pc.dataDir,
    rendererDir,
    appVersion: '0.1.0-e2e',
    logger: silentLogger(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
    // Saved copies (issue 15) go beside the data folder, never into the machine's own Downloads.
    exportDir: `${pc.dataDir}-downloads`,
  });
  pc.url = pc.app.host.url;
  return pc;
}

export async function stopPc(pc: Pc): Promise<void> {
  const app = pc.app;
  pc.app = null;
  await app?.close();
}

export type World = Readonly<{
  work: string;
  relay: WorldRelay;
  rendererDir: string;
  newPc: (name: string) => Promise<Pc>;
  close: () => Promise<void>;
}>;

export type WorldOptions = Readonly<{
  /**
   * `single` (default): one relay in this process. `cluster`: two relay processes on PostgreSQL and
   * Redis behind nginx (`@hearth/test-kit/cluster`), as a district runs them.
   */
  relay?: 'single' | 'cluster';
  /** Settings of the single relay (e.g. a shorter `messaging.sweepIntervalMs`). */
  relayConfig?: Partial<RelayConfig>;
}>;

/** `HEARTH_E2E_RELAY=cluster` runs a story against a cluster (what `families-cluster.e2e.test.ts` sets). */
export function relayKindFromEnv(env: NodeJS.ProcessEnv = process.env): 'single' | 'cluster' {
  return env.HEARTH_E2E_RELAY === 'cluster' ? 'cluster' : 'single';
}

async function startWorldRelay(kind: 'single' | 'cluster', relayConfig: Partial<RelayConfig> = {}): Promise<WorldRelay> {
  if (kind === 'single') return startTestRelay(relayConfig);
  // The limits of the single relay (cheap argon2, no sign-in limit): the story is told the same way.
  const cluster = await startCluster({ instances: 2, logLevel: 'error', entry: 'scripts/test-kit/src/relay-test-entry.ts' });
  return { url: cluster.url, dispose: cluster.close };
}

/** A temp folder, the renderer build, the relay; PCs are added as the story needs them. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-families-'));
  const rendererDir = await buildRenderer(work);
  const relay = await startWorldRelay(options.relay ?? 'single', options.relayConfig);
  const pcs: Pc[] = [];
  return {
    work,
    relay,
    rendererDir,
    newPc: async (name: string) => {
      const pc: Pc = { name, dataDir: path.join(work, name), app: null, url: '' };
      await fs.mkdir(pc.dataDir, { recursive: true });
      pcs.push(pc);
      return startPc(pc, relay, rendererDir);
    },
    close: async () => {
      for (const pc of pcs) await stopPc(pc).catch(() => undefined);
      await relay.dispose();
      await fs.rm(work, { recursive: true, force: true });
    },
  };
}
