import { builtinModules } from 'node:module';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** A layer's folder, and its stand-in under test/fixtures/layers/ (where test/lint/layers.test.ts crosses it). */
const layer = (name) => [`./${name}`, `./test/fixtures/layers/${name}`];
const ADAPTERS = ['cli', 'web', 'simulate'];

/**
 * The layers (docs/ARCHITECTURE.md): domain/ is pure and imports only domain/; cli/ and web/ never import each other;
 * channels/ knows nothing of activities, workflows, the core or its adapters.
 */
const layerZones = [
  ...layer('domain').map((target) => ({
    target,
    from: './',
    except: ['./domain', './node_modules'],
    message: 'domain/ is pure: it imports only domain/ (and libraries).',
  })),
  ...layer('cli').map((target) => ({ target, from: './web', message: 'cli/ and web/ never import each other.' })),
  ...layer('web').map((target) => ({ target, from: './cli', message: 'cli/ and web/ never import each other.' })),
  ...layer('channels').map((target) => ({
    target,
    from: ['./activities', './workflows', './cycles', './workers', './web', './cli', './simulate'],
    message: 'channels/ send messages; they know nothing of workflows, activities, the core or its adapters.',
  })),
  ...layer('reports').map((target) => ({
    target,
    from: ['./activities', './workflows', './cycles', './workers', './web', './cli', './simulate', './channels'],
    message: 'reports/ renders a consolidated report into files; it knows nothing of where they go.',
  })),
  ...['db', 'storage', 'links'].flatMap(layer).map((target) => ({
    target,
    from: ['./activities', './workflows', './cycles', './workers', './web', './cli', './simulate'],
    message: 'db/, storage/ and links/ keep state and sign; they know nothing of the layers above them.',
  })),
  ...['channels', 'workflows', 'db', 'storage', 'links', 'reports'].flatMap(layer).map((target) => ({
    target,
    from: './inbound',
    message: 'inbound/ (submit by replying) uses the core, the stores and the channels; none of them imports it.',
  })),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.tools/',
      'data/',
      'out/',
      'coverage/',
      'test-artifacts/',
      'bin/',
      // Files that cross the layers on purpose, linted only by test/lint/layers.test.ts.
      'test/fixtures/layers/',
    ],
  },
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
    // Without it, import-x resolves no `.ts` file, and no-cycle and no-restricted-paths see nothing.
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.js', '.mjs', '.json'] } },
      // PGlite's minified bundle overflows the parser's stack; its exports need no checking.
      'import-x/ignore': ['node_modules/@electric-sql/'],
    },
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
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    // The adapters act on workflows through the application core (cycles/) only: message types, never handles.
    files: [...ADAPTERS.flatMap((name) => [`${name}/**/*.ts`, `test/fixtures/layers/${name}/**/*.ts`])],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@temporalio/client',
              allowTypeImports: true,
              message: 'Act on workflows through the application core (cycles/).',
            },
          ],
          patterns: [
            {
              group: ['**/workflows', '**/workflows/**'],
              allowTypeImports: true,
              message: 'Act on workflows through the application core (cycles/): import their types only.',
            },
          ],
        },
      ],
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
              group: [
                '**/web/**',
                '**/cli/**',
                '**/workers/**',
                '**/config/**',
                '**/cycles/**',
                '**/storage/**',
                '**/db/**',
                '**/links/**',
                '**/simulate/**',
                '**/reports/**',
                '**/observability/**',
              ],
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
