import { defineConfig } from 'vitest/config';

// Browser tests: web mode + Debian's Chromium through playwright-core. One file at a time (2 cores).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
