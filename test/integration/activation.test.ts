// The extension is there and starts by itself when the example repository (which has .alignment/) opens.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { ALIGNMENT_FOLDER, EXTENSION_ID } from '../../src/extension/constants';
import { waitUntil } from './waiting';

// The harness opens a copy of the example repository made for this run and says where.
const exampleRoot = process.env.TRUTHLINE_TEST_WORKSPACE ?? '';


describe('Activation', () => {
  it('opens this run\'s copy of the example repository as the only workspace folder', () => {
    assert.ok(exampleRoot, 'TRUTHLINE_TEST_WORKSPACE is not set: run through npm run test:integration');
    assert.strictEqual(path.basename(exampleRoot), 'checkout-service');
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepStrictEqual(folders.map((folder) => folder.uri.toString()), [vscode.Uri.file(exampleRoot).toString()]);
  });

  it('finds the alignment folder through the workspace file system', async () => {
    const files = await vscode.workspace.findFiles(`${ALIGNMENT_FOLDER}/**/*.{yaml,yml}`);
    assert.ok(files.length > 0, `no YAML files below ${ALIGNMENT_FOLDER}/ in ${exampleRoot}`);
  });

  it(`has the extension ${EXTENSION_ID} installed`, () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not among the installed extensions`);
  });

  it('activates by itself, through workspaceContains:.alignment', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // No explicit activate(): the activation event must be what starts it.
    await waitUntil(`${EXTENSION_ID} activates`, () => extension.isActive, { timeoutMs: 15_000 });
  });
});
