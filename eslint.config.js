import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import hearth from './scripts/lint/package-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tsbuild/**',
      'artifacts/**',
      'coverage/**',
      'desktop/src/renderer/public/effects/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Other workspaces by package name only (scripts/lint/package-boundaries.js).
    plugins: { hearth },
    rules: { 'hearth/package-boundaries': 'error' },
  },
  {
    files: ['**/*.test.ts', 'scripts/**', '**/bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
