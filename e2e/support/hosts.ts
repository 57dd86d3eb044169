/**
 * The machines of the end-to-end tests: one real relay (in this process) and any number of PCs,
 * each a web host with its own data folder, serving the renderer build to Chromium.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { silentLogger } from '@hearth/desktop/main/logging/logger';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { launchWebHostApp, type WebHostApp } from '@hearth/desktop/main/web-host/launch';

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

export async function startPc(pc: Pc, relay: TestRelay, rendererDir: string): Promise<Pc> {
  pc.app = await launchWebHostApp({
    relayUrl: relay.url,
    dataDir: pc.dataDir,
    rendererDir,
    appVersion: '0.1.0-e2e',
    logger: silentLogger(),
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
  relay: TestRelay;
  rendererDir: string;
  newPc: (name: string) => Promise<Pc>;
  close: () => Promise<void>;
}>;

/** A temp folder, the renderer build, the relay; PCs are added as the story needs them. */
export async function startWorld(): Promise<World> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-families-'));
  const rendererDir = await buildRenderer(work);
  const relay = await startTestRelay();
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
