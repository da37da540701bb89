import { builtinModules } from 'node:module';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tools/', 'data/', 'out/', 'coverage/', 'test-artifacts/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/order': [
        'error',
        { groups: ['builtin', 'external', 'parent', 'sibling', 'index'], alphabetize: { order: 'asc' } },
      ],
      'no-duplicate-imports': 'off',
      'import-x/no-duplicates': 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The workflow sandbox: deterministic code only. No Node APIs, no channel code, activities by type only.
    files: ['workflows/**/*.ts', 'test/fixtures/workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflow code runs in the Temporal sandbox: no Node APIs.',
          })),
          patterns: [
            { group: ['**/channels', '**/channels/**'], message: 'Workflows never send: call an activity.' },
            {
              group: ['**/web/**', '**/cli/**', '**/workers/**', '**/config/**', '**/reports/**'],
              message: 'Not sandbox-safe.',
            },
            {
              group: ['luxon'],
              message: 'Calendar arithmetic lives in domain/ and runs in activities or the compiler.',
            },
            {
              group: ['**/activities', '**/activities/**'],
              allowTypeImports: true,
              message: 'Import activity types only (import type), then proxyActivities.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
);
