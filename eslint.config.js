// Lint, including the layering rules of DESIGN.md:
//   shared ← core ← main, shared ← preload, shared ← renderer, core ← cli, core ← web.
// Nothing imports from renderer; core never imports electron or react.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const layer = (names, message) => ({ group: names, message });

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict([
      layer(['**/core/**', '**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', '**/web/**'], 'shared depends on nothing of ours.'),
      layer(['electron', 'react', 'react-dom', 'node:*', 'fs', 'path', 'crypto'], 'shared runs everywhere: no Node, Electron or React.'),
    ]),
  },
  {
    files: ['src/core/**'],
    rules: restrict([
      layer(['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', '**/web/**'], 'core depends only on shared.'),
      layer(['electron', 'react', 'react-dom', 'zustand'], 'core is plain Node: no Electron, no UI.'),
    ]),
  },
  {
    files: ['src/cli/**', 'src/web/**'],
    rules: restrict([
      layer(['**/main/**', '**/renderer/**', '**/preload/**'], 'the CLI and browser mode use core and shared only.'),
      layer(['electron', 'react', 'react-dom'], 'the CLI and browser mode are plain Node.'),
    ]),
  },
  {
    files: ['src/main/**'],
    rules: restrict([layer(['**/renderer/**', '**/preload/**', '**/cli/**', '**/web/**'], 'main uses core and shared only.')]),
  },
  {
    files: ['src/preload/**'],
    rules: restrict([layer(['**/core/**', '**/main/**', '**/renderer/**', '**/cli/**', '**/web/**'], 'preload exposes the contract client only.')]),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([
      layer(['**/core/**', '**/main/**', '**/preload/**', '**/cli/**', '**/web/**'], 'the renderer talks to the core through the contract only.'),
      layer(['electron', 'node:*', 'fs', 'path', 'crypto', 'child_process'], 'the renderer is sandboxed: no Node or Electron.'),
    ]),
  },
);
