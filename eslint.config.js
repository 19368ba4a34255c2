// Lint enforces the import boundaries of architecture.md: core imports no runtime (DOM, React,
// Electron, node:) and none of src-main / src-renderer; the renderer never imports src-main.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'crypto', 'stream', 'url', 'util', 'events', 'zlib', 'readline'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', '.tsbuild/**', 'test-output/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'core/ is pure: no node built-ins.' },
          { group: ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'ws', '@xstate/react'], message: 'core/ imports no UI or runtime library.' },
          { group: ['**/src-main/**', '**/src-renderer/**', '**/e2e/**', '**/bench/**'], message: 'core/ imports neither src-main nor src-renderer.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'core/ has no wall clock: use the virtual clock.' },
        { name: 'performance', message: 'core/ has no wall clock.' },
        { name: 'setTimeout', message: 'core/ schedules on the virtual clock.' },
        { name: 'setInterval', message: 'core/ schedules on the virtual clock.' },
        { name: 'process', message: 'core/ is pure: no process.' },
        { name: 'window', message: 'core/ has no DOM.' },
        { name: 'document', message: 'core/ has no DOM.' },
        { name: 'require', message: 'core/ is pure.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'core/ uses its one seeded PRNG (core/engine/random.ts).' }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src-main/**', '**/src-main'], message: 'The renderer reaches the host only through the bridge contract.' },
          { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'The renderer runs sandboxed: no electron or node: modules.' },
        ],
      }],
    },
  },
);
