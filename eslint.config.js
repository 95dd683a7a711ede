// ESLint flat config. The layering rule of the design notes is enforced here, so nobody has to remember it:
//   renderer -> shared <- main <- cli;   preload -> shared + electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'util',
  'worker_threads',
];
const NATIVE_AND_SHELL = ['electron', 'electron/*', 'better-sqlite3'];
const UI_LIBRARIES = ['react', 'react-dom', 'react-dom/*', 'cytoscape', 'cytoscape-*'];

/** A no-restricted-imports rule forbidding the given module patterns, each with the reason shown to the developer. */
function forbid(groups) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: groups.map(([group, message, allowTypeImports = false]) => ({ group, message, allowTypeImports })) },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'native/**',
      'test-results/**',
      'bench/results.json',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: forbid([
      [
        [...NODE_BUILTINS, ...NATIVE_AND_SHELL, ...UI_LIBRARIES],
        'src/shared is pure TypeScript: no Node, Electron, DOM or UI library.',
      ],
      [
        ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
        'src/shared imports nothing outside src/shared.',
      ],
    ]),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([
        [
          [...NODE_BUILTINS, ...NATIVE_AND_SHELL],
          'The renderer reaches the app only through its API client (src/renderer/src/api/client.ts).',
        ],
        [['**/main/**', '**/preload/**', '**/cli/**'], 'The renderer imports only src/shared and its own modules.'],
      ]),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/**/*.test.ts'],
    rules: forbid([
      [
        ['electron', 'electron/*'],
        'Only the composition root (src/main/index.ts) imports electron; pass what a module needs in.',
        true,
      ],
      [
        ['**/renderer/**', '**/cli/**', '**/preload/**'],
        'The main process does not import the renderer, the preload or the CLI.',
      ],
      [UI_LIBRARIES, 'UI libraries belong to the renderer.'],
    ]),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: forbid([
      [
        [...NODE_BUILTINS, 'better-sqlite3', ...UI_LIBRARIES],
        'The sandboxed preload may use only electron and src/shared.',
      ],
      [['**/main/**', '**/renderer/**', '**/cli/**'], 'The preload imports only src/shared.'],
    ]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: forbid([
      [['electron', 'electron/*'], 'The CLI runs in plain Node: no Electron.'],
      [['**/renderer/**', '**/preload/**'], 'The CLI reuses the services of src/main, never the UI.'],
    ]),
  },
  // Electron's security checklist, held where a lint rule holds it better than a test (see SECURITY.md).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'nodeIntegration',
          'nodeIntegrationInWorker',
          'nodeIntegrationInSubFrames',
          'allowRunningInsecureContent',
          'experimentalFeatures',
          'webviewTag',
        ].map((name) => ({
          selector: `Property[key.name='${name}'][value.value=true]`,
          message: `${name}: true breaks Electron's security checklist.`,
        })),
        ...['contextIsolation', 'sandbox', 'webSecurity'].map((name) => ({
          selector: `Property[key.name='${name}'][value.value=false]`,
          message: `${name}: false breaks Electron's security checklist.`,
        })),
        { selector: "Property[key.name='enableBlinkFeatures']", message: 'Do not use enableBlinkFeatures.' },
        {
          selector: 'ImportDeclaration[source.value=/^@electron\\/remote/]',
          message: '@electron/remote is forbidden.',
        },
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value=/^@electron\\/remote/]",
          message: '@electron/remote is forbidden.',
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          property: 'openExternal',
          message: 'Open links only through src/main/security/openExternal.ts (vetted, confirmed).',
        },
        {
          property: 'loadFile',
          message: "Serve pages from the app:// protocol, never file:// (Electron's security checklist).",
        },
      ],
    },
  },
  {
    files: ['src/main/security/openExternal.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
