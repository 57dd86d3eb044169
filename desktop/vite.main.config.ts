import path from 'node:path';
import { defineConfig } from 'vite';

/** The Electron main process: ESM for Node, packages from node_modules left external. */
export default defineConfig({
  build: {
    ssr: path.resolve(import.meta.dirname, 'src/main/index.ts'),
    outDir: path.resolve(import.meta.dirname, 'dist/main'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: { external: ['electron'], output: { format: 'es', entryFileNames: 'index.js' } },
  },
});
