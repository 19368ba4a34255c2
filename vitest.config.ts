import { defineConfig } from 'vitest/config';

// Unit and property tests live beside the code; browser tests run from vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'python/**/*.test.ts', 'recorder/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
