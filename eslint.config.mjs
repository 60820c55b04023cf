// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'examples/**', '.vscode-test/**', 'test-results/**'] },
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
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core never imports vscode: put editor code in src/extension.' },
          { name: 'fs', message: 'src/core takes text, not files: read in the caller.' },
          { name: 'node:fs', message: 'src/core takes text, not files: read in the caller.' },
        ],
      }],
    },
  },
  {
    // The extension reads through vscode.workspace.fs so it works in remote and web workspaces.
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'fs', message: 'Use vscode.workspace.fs with a Uri.' },
          { name: 'node:fs', message: 'Use vscode.workspace.fs with a Uri.' },
          { name: 'fs/promises', message: 'Use vscode.workspace.fs with a Uri.' },
          { name: 'child_process', message: 'Not available in web workspaces.' },
        ],
      }],
      'no-restricted-properties': ['error', { property: 'fsPath', message: 'Work with Uri, not fsPath.' }, { object: 'workspace', property: 'rootPath', message: 'Use workspace folders.' }],
    },
  },
);
