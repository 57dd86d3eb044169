import path from 'node:path';
import { defineConfig } from 'vite';

/** The preload: one CommonJS file that requires nothing but `electron` (it runs sandboxed). */
export default defineConfig({
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/preload'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    lib: {
      entry: path.resolve(import.meta.dirname, 'src/preload/index.ts'),
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
