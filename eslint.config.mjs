// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// The extension's layers (docs/architecture.md): feature folders sit side by side on the shared editor layer
// (workspace/) and util/, and never import each other; the shared layer imports no feature. Each feature
// folder gets a rule naming every other folder it must not reach.
const CORE_PATHS = [
  { name: 'vscode', message: 'src/core never imports vscode: put editor code in src/extension.' },
  { name: 'fs', message: 'src/core takes text, not files: read in the caller.' },
  { name: 'node:fs', message: 'src/core takes text, not files: read in the caller.' },
];
const NOT_THE_EXTENSION = { regex: '^(\\.\\./)+extension(/|$)', message: 'src/core and src/cli never import src/extension.' };

const EXTENSION_PATHS = [
  { name: 'fs', message: 'Use vscode.workspace.fs with a Uri.' },
  { name: 'node:fs', message: 'Use vscode.workspace.fs with a Uri.' },
  { name: 'fs/promises', message: 'Use vscode.workspace.fs with a Uri.' },
  { name: 'child_process', message: 'Not available in web workspaces.' },
];

// src/git spawns git: the extension reaches it through one folder of the shared layer, which asks only for
// a folder on disk.
const GIT_DOOR = 'src/extension/workspace/git/**/*.ts';
const NOT_GIT = { regex: '^(\\.\\./)+git(/|$)', message: `src/git spawns git, which a web or virtual workspace cannot: only ${GIT_DOOR} reads it, for a folder on disk.` };

// The extension also runs in the browser's web worker extension host (scripts/webBundle.mjs): core and the
// extension use no Node globals, except the Node side of an `x.ts` / `x.web.ts` pair, which the browser
// bundle replaces by its sibling.
const NODE_GLOBALS = ['process', 'Buffer', 'setImmediate', 'clearImmediate', 'require', '__dirname', '__filename', 'global']
  .map((name) => ({ name, message: 'Not in the browser\'s extension host: use a web API (TextEncoder, setTimeout), or put it in an x.ts with an x.web.ts sibling.' }));
const NODE_SIDES = readdirSync(new URL('./src', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.web.ts'))
  .map((file) => `src/${file.replace(/\\/g, '/').replace(/\.web\.ts$/, '.ts')}`);

const FEATURES = ['api', 'codelens', 'commands', 'create', 'flags', 'impact', 'initialize', 'problems', 'report', 'suspects', 'tags', 'views', 'yamlEditing'];
const BOUNDARIES = {
  regex: `^(\\.\\./)+(${FEATURES.join('|')})(/|$)`,
  message: 'A feature folder never imports another feature, and workspace/ and util/ import no feature: move what both need into src/extension/workspace/.',
};
const featureBoundaries = FEATURES.map((feature) => ({
  files: [`src/extension/${feature}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      paths: EXTENSION_PATHS,
      patterns: [{ ...BOUNDARIES, regex: `^(\\.\\./)+(${FEATURES.filter((other) => other !== feature).join('|')})(/|$)` }, NOT_GIT],
    }],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'out-*/**', 'node_modules/**', 'examples/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', {
        selector: 'CatchClause > BlockStatement[body.length=0]',
        message: 'An empty catch drops an error silently: report it or say why it is safe.',
      }],
    },
  },
  {
    // Core is pure: text in, data and problems out. It must run in the CLI, tests and any host.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: CORE_PATHS, patterns: [NOT_THE_EXTENSION] }] },
  },
  {
    // The CLI shares core (and src/git, node's git reader) and runs without an editor.
    files: ['src/cli/**/*.ts', 'src/git/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The CLI and src/git run without an editor.' }], patterns: [NOT_THE_EXTENSION] }] },
  },
  {
    // The extension reads through vscode.workspace.fs so it works in remote and web workspaces.
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: EXTENSION_PATHS,
        patterns: [BOUNDARIES, NOT_GIT],
      }],
      'no-restricted-properties': ['error', { property: 'fsPath', message: 'Work with Uri, not fsPath.' }, { object: 'workspace', property: 'rootPath', message: 'Use workspace folders.' }],
    },
  },
  ...featureBoundaries,
  {
    files: ['src/core/**/*.ts', 'src/extension/**/*.ts'],
    ignores: NODE_SIDES,
    rules: { 'no-restricted-globals': ['error', ...NODE_GLOBALS] },
  },
  {
    // util/ is the ground floor: it imports neither features nor the shared layer.
    files: ['src/extension/util/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: EXTENSION_PATHS,
        patterns: [{ ...BOUNDARIES, regex: `^(\\.\\./)+(${[...FEATURES, 'workspace'].join('|')})(/|$)` }, NOT_GIT],
      }],
    },
  },
  {
    // The one door to git: it spawns git in the folder's directory, so it needs the folder's path on disk.
    files: [GIT_DOOR],
    rules: {
      'no-restricted-imports': ['error', { paths: EXTENSION_PATHS, patterns: [BOUNDARIES] }],
      'no-restricted-properties': 'off',
    },
  },
);
