import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer build (`dist/renderer`), loaded from `app://hearth/` or the web host. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
  },
  // The effects worker is a module worker (it imports tasks-vision's ES-module wasm loader).
  worker: { format: 'es' },
});
