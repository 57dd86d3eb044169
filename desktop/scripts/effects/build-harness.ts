/** Builds the effects harness page with Vite and puts the effect assets next to it. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { copyEffectsAssets } from '../copy-effects-assets';

export const HARNESS_ROOT = fileURLToPath(new URL('../../effects-harness', import.meta.url));

/** Builds into `outDir` (emptied first); returns it. */
export async function buildEffectsHarness(outDir: string): Promise<string> {
  await build({
    configFile: false,
    root: HARNESS_ROOT,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
    worker: { format: 'es' },
  });
  await copyEffectsAssets(path.join(outDir, 'effects'));
  return outDir;
}
