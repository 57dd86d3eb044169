import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { copyEffectsAssets } from './scripts/copy-effects-assets.ts';

/**
 * Puts tasks-vision's wasm and the segmentation model into the renderer's public folder at the
 * start of every build or dev server, however Vite is started (npm scripts, tests, start.ts).
 */
function effectsAssets(): Plugin {
  return { name: 'hearth-effects-assets', buildStart: async () => void (await copyEffectsAssets()) };
}

/** The renderer build (`dist/renderer`), loaded from `app://hearth/` or the web host. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react(), effectsAssets()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // The renderer loads from disk (app://) or loopback (the web host), never over a network: one
    // ~800 kB chunk is fine, and Vite's 500 kB advice would only be noise in `npm start`.
    chunkSizeWarningLimit: 2048,
  },
  // The effects worker is a module worker (it imports tasks-vision's ES-module wasm loader).
  worker: { format: 'es' },
});
