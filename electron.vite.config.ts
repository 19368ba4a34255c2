// electron-vite: main (ESM), preload (CommonJS, required by the sandbox) and the React renderer.
// Builds without the Electron binary (it reads electron/package.json for the target).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          // The project-validation worker, beside index.js (host/files/project-validator.ts finds it there).
          'validate-worker': resolve('src-main/host/files/validate-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      minify: true,
      sourcemap: false,
      // One bundle (React + React Flow ≈ 520 kB) loaded from disk or localhost: splitting buys nothing.
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [react()],
  },
});
