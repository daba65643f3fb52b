// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** A folder (target) that must not import from others (from), with the reason. */
const layer = (target, from, message) => ({
  target: `./${target}`,
  from: from.map((folder) => `./${folder}`),
  message,
});

/** The renderer's features: each may use another only through that one's public entry (index.ts). */
const features = readdirSync('renderer/src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureZones = features.map((feature) => ({
  target: `./renderer/src/features/${feature}`,
  from: './renderer/src/features',
  except: [
    `./${feature}`,
    ...features.filter((other) => other !== feature).map((other) => `./${other}/index.ts`),
  ],
  message: 'A feature uses another only through its public entry (features/<name>/index.ts).',
}));

/**
 * Imports a folder must not make: `modules` by exact name (a Node built-in such as `v8` must not
 * catch a file named v8.ts), `patterns` as path patterns.
 */
const boundary = (message, modules, patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: modules.map((name) => ({ name, message })),
      patterns: [{ group: patterns, message }],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': 'off',
    },
  },
  {
    // The layers, checked on resolved paths, type-only imports included (see ARCHITECTURE.md).
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            layer('shared', ['renderer', 'electron', 'scripts'], 'shared/ is pure domain code.'),
            layer('electron', ['renderer'], 'electron/ and renderer/ meet only in shared/ipc.ts.'),
            layer(
              'renderer/src/workers',
              ['renderer/src/features', 'renderer/src/case', 'renderer/src/app', 'renderer/src/ui'],
              'A worker runs jobs on the database: it never imports a feature or a component.',
            ),
            layer(
              'renderer/src/case',
              ['renderer/src/features', 'renderer/src/app', 'renderer/src/ui'],
              'The case-data layer serves components: it never imports one, nor a feature.',
            ),
            ...featureZones,
            layer(
              'renderer/src/db',
              [
                'renderer/src/features',
                'renderer/src/case',
                'renderer/src/workers',
                'renderer/src/app',
                'renderer/src/ui',
              ],
              'The database layer knows nothing above it.',
            ),
            layer(
              'renderer/src/ui',
              [
                'renderer/src/features',
                'renderer/src/case',
                'renderer/src/db',
                'renderer/src/workers',
                'renderer/src/app',
              ],
              'ui/ holds generic components: data and callbacks come in as props.',
            ),
            layer(
              'renderer/src/lib',
              [
                'renderer/src/features',
                'renderer/src/db',
                'renderer/src/workers',
                'renderer/src/app',
                'renderer/src/ui',
              ],
              'lib/ holds helpers that depend on nothing of the app.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: boundary(
      'shared/ is pure TypeScript: no Electron, Node, DOM, React or database imports.',
      ['electron', ...nodeBuiltins, 'react', 'react-dom', 'dexie', 'dexie-react-hooks'],
      [
        'electron/*',
        'dexie/*',
        'react/*',
        'react-dom/*',
        '**/renderer/**',
        '**/electron/**',
        '**/scripts/**',
      ],
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundary(
        'The renderer reaches the desktop only through shared/ipc.ts and the platform adapter.',
        ['electron', ...nodeBuiltins],
        ['electron/*', '**/electron/**', '**/scripts/**'],
      ),
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Imported and typed text is data: render it as text.',
        },
        {
          // Chromium saves the values of form controls into its session files on every navigation,
          // where a locked case's text would outlive the lock; autocomplete="off" keeps it out.
          selector:
            "JSXOpeningElement[name.name=/^(input|textarea|select)$/]:not(:has(JSXAttribute[name.name='autoComplete']))",
          message:
            "Give every form control an autoComplete ('off' for case text): Chromium saves the values of the others into its session files.",
        },
      ],
    },
  },
  {
    files: [
      'renderer/src/features/**/*.tsx',
      'renderer/src/ui/**/*.tsx',
      'renderer/src/app/**/*.tsx',
    ],
    rules: {
      // A different rule from the boundaries above, so that both apply; type imports included.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie-react-hooks', '**/db/**', '**/workers/**', '**/case/caseDb'],
              message:
                'Components never touch the database or a worker: use the case-data layer’s hooks, useWithCase and the job clients.',
            },
            {
              group: ['**/*WorkerClient'],
              importNames: ['shipmentWorker', 'archiveWorker', 'importWorker'],
              message:
                'Components never hold a worker: ask the engine through shipmentEngine(), run jobs through their clients.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: boundary(
      'electron/ and renderer/ meet only through shared/ipc.ts.',
      [],
      ['**/renderer/**', 'react', 'react-dom', 'dexie'],
    ),
  },
  {
    files: ['scripts/**/*.ts', 'tests/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
