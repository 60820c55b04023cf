// The workspace tag index. On the example: the trees' "In the code" group shows a request's tag lines and
// opens the file at one. On a generated folder of 30,000 files (made once, moved into the workspace in one
// step as a checkout or an unpacked archive would be, removed after): the index follows it, references are
// complete (the tags sit in the very last files) once it is in and then from the index, the API's codeFor
// gives the same list, and the index follows a file created, edited (unsaved) and deleted. Times are printed
// figures, not assertions.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { TruthlineApi } from '../../src/extension/api/api';
import { EXTENSION_ID } from '../../src/extension/constants';
import { AlignmentStore } from '../../src/extension/workspace/alignmentStore';
import { currentFeatureRoots } from '../../src/extension/views/currentFeature/currentFeatureTree';
import { plainRowsInput } from '../../src/extension/views/tree/rowsInput';
import { CodeFileNode, CodeGroupNode } from '../../src/extension/views/tree/codeNodes';
import { ItemNode, type TreeNode } from '../../src/extension/views/tree/treeNode';
import { readViewSettings } from '../../src/extension/views/viewSettings';
import { codePlaces, codePlacesInSlices } from '../../src/extension/workspace/workspaceTags';
import { revertAndClose, revertUnsaved } from './editors';
import { holdsFor, waitFor } from './waiting';
import { file, remove, root, write } from './workspaceFiles';

function report(text: string): void {
  Mocha.reporters.Base.consoleLog(`      ${text}`);
}

/** Not excluded by the example's .gitignore, and no feature's paths cover it. */
const GENERATED = 'zz-tag-index';
const FOLDERS = 300;
const PER_FOLDER = 100;
// Python: no language server in the test instance reads 30,000 of them.
const LAST = `${GENERATED}/d${FOLDERS - 1}/f${FOLDERS * PER_FOLDER - 1}.py`;
const BEFORE_LAST = `${GENERATED}/d${FOLDERS - 1}/f${FOLDERS * PER_FOLDER - 2}.py`;
const REQUEST = 'CR-106';
const REQUEST_FILE = '.alignment/requests/other-customers.yaml';

const where = (location: vscode.Location): string => `${vscode.workspace.asRelativePath(location.uri, false)}:${location.range.start.line + 1}:${location.range.start.character + 1}`;

function everyNode(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((node) => [node, ...everyNode(node.children())]);
}

async function positionOf(relative: string, text: string): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(file(relative));
  const offset = document.getText().indexOf(`id: ${text}`);
  assert.ok(offset >= 0, `${relative} has no id ${text}`);
  return document.positionAt(offset + 4);
}

describe('Tag index: "In the code"', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the files and tag lines of a request under its row, and opens a file at its tag', async () => {
    const store = new AlignmentStore();
    try {
      await store.ready;
      const snapshot = store.snapshots()[0];
      assert.ok(snapshot);
      await snapshot.tags.ready();
      const served = 'src/fraud/fraudCheck.ts';
      const found = store.itemsFor(file(served), new TextDecoder().decode(await vscode.workspace.fs.readFile(file(served))));
      assert.ok(found);
      const roots = currentFeatureRoots(snapshot, found.path, found, readViewSettings(), plainRowsInput());
      const request = everyNode(roots).find((node) => node instanceof ItemNode && node.entry.id === REQUEST);
      assert.ok(request, `no row for ${REQUEST}`);
      assert.strictEqual(request.treeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      const group = request.children().find((node): node is CodeGroupNode => node instanceof CodeGroupNode);
      assert.ok(group);
      // As the tree draws it: the places found in slices first (prepare), then the row.
      await group.prepare();
      assert.deepStrictEqual([group.treeItem().label, group.treeItem().description], ['In the code', '1 file · 1 tag']);
      assert.deepStrictEqual(await codePlacesInSlices(snapshot, REQUEST), codePlaces(snapshot, REQUEST), 'in slices or at once, the same places');
      const rows = group.children().filter((node): node is CodeFileNode => node instanceof CodeFileNode);
      assert.deepStrictEqual(rows.map((row) => `${row.place.path} ${String(row.treeItem().description)}`), [
        'src/fraud/fraudCheck.ts src/fraud · line 3 · paths',
      ]);
      const command = rows[0]?.treeItem().command;
      assert.ok(command);
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      const editor = await waitFor('the file opens', () => vscode.window.activeTextEditor, (active) => active?.document.uri.toString() === file(served).toString());
      assert.deepStrictEqual([editor?.selection.active.line, editor?.selection.active.character], [2, 11]);
    } finally {
      store.dispose();
    }
  });
});

describe('Tag index: a workspace of 30,000 files', function () {
  this.timeout(90_000);
  let truthline: TruthlineApi;
  const codeOf = async (id: string): Promise<string[]> => ((await truthline.codeFor(id)) ?? []).map((place) => `${place.path}:${place.lines.map((line) => `${line.line}:${line.column}`).join(',')}`);

  before(async () => {
    const extension = vscode.extensions.getExtension<TruthlineApi>(EXTENSION_ID);
    assert.ok(extension);
    truthline = await extension.activate();
    const start = performance.now();
    // Written beside the workspace folder (same disk), then moved in at once.
    const staging = path.join(root().fsPath, '..', `${GENERATED}-staging`);
    fs.rmSync(staging, { recursive: true, force: true });
    for (let folder = 0; folder < FOLDERS; folder++) {
      fs.mkdirSync(path.join(staging, `d${folder}`), { recursive: true });
      for (let i = folder * PER_FOLDER; i < (folder + 1) * PER_FOLDER; i++) {
        // Every tenth file has an '@' that is no tag: it is decoded and scanned, and gives nothing.
        const text = i % 10 === 0 ? `# mail me@example.com\nv${i} = ${i}\n` : `v${i} = ${i}\n`;
        fs.writeFileSync(path.join(staging, `d${folder}`, `f${i}.py`), text);
      }
    }
    const inStaging = (relative: string): string => path.join(staging, relative.slice(GENERATED.length + 1));
    fs.writeFileSync(inStaging(BEFORE_LAST), `# @serves ${REQUEST}\nbefore = 1\n`);
    fs.writeFileSync(inStaging(LAST), `last = 1\n# @risk R-4\n# @serves ${REQUEST}\n`);
    fs.renameSync(staging, path.join(root().fsPath, GENERATED));
    report(`generated ${FOLDERS * PER_FOLDER} files in ${Math.round(performance.now() - start)} ms`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(root().fsPath, GENERATED), { recursive: true, force: true });
  });

  it('follows a folder of 30,000 files moved into the workspace, to its very last file', async () => {
    // Each answer waits for the pass that reads the new files: the first with them is complete (cold).
    const start = performance.now();
    await waitFor('the last file is indexed', () => codeOf(REQUEST), (found) => found.includes(`${LAST}:3:11`), { timeoutMs: 90_000, intervalMs: 250 });
    report(`${FOLDERS * PER_FOLDER} new files indexed, first complete answer after ${Math.round(performance.now() - start)} ms (cold: every file read)`);
    assert.deepStrictEqual((await codeOf(REQUEST)).filter((place) => place.startsWith(GENERATED)), [`${BEFORE_LAST}:1:11`, `${LAST}:3:11`]);
  });

  it('finds every reference, the tags in the very last files included, from the index in milliseconds', async () => {
    const position = await positionOf(REQUEST_FILE, REQUEST);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', file(REQUEST_FILE), position);
      times.push(performance.now() - start);
      assert.deepStrictEqual(found.map(where).filter((place) => place.startsWith(GENERATED)).sort(), [`${BEFORE_LAST}:1:11`, `${LAST}:3:11`]);
      assert.ok(found.map(where).includes('src/fraud/fraudCheck.ts:3:12'));
    }
    report(`references of ${REQUEST} on ${FOLDERS * PER_FOLDER}+ files, warm: ${times.map((ms) => Math.round(ms)).join(', ')} ms end to end`);
  });

  it('gives the API the same places, and follows a file created, edited unsaved and deleted', async () => {
    const risk = (): Promise<string[]> => codeOf('R-4');
    assert.deepStrictEqual(await risk(), [`${LAST}:2:9`]);
    const probe = `${GENERATED}/probe.py`;
    try {
      await write(probe, ['# @risk R-4', 'probe = 1']);
      await waitFor('the new file is indexed', risk, (found) => found.includes(`${probe}:1:9`), { timeoutMs: 30_000 });

      const editor = await vscode.window.showTextDocument(file(probe));
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '\n\n'));
      await waitFor('the unsaved edit is indexed', risk, (found) => found.includes(`${probe}:3:9`), { timeoutMs: 10_000 });
      assert.ok(editor.document.isDirty);
      await revertUnsaved(editor.document);
      await waitFor('reverting gives the file on disk back, the editor still open', risk, (found) => found.includes(`${probe}:1:9`) && !found.includes(`${probe}:3:9`), { timeoutMs: 15_000 });
      await revertAndClose(editor.document);
      await holdsFor('closing keeps the file on disk', async () => (await risk()).includes(`${probe}:1:9`), 500);

      await remove(probe);
      await waitFor('the deleted file leaves the index', risk, (found) => !found.some((place) => place.startsWith(probe)), { timeoutMs: 30_000 });
      assert.deepStrictEqual(await risk(), [`${LAST}:2:9`]);
    } finally {
      await remove(probe);
    }
    assert.strictEqual(await truthline.codeFor('NOPE-1'), undefined);
  });
});

describe('Tag index: the exclude settings', function () {
  this.timeout(60_000);
  const FOLDER = 'zz-excludes';
  const RISK = 'R-9';
  let truthline: TruthlineApi;
  const placesOf = async (): Promise<string[]> => ((await truthline.codeFor(RISK)) ?? []).map((place) => place.path).filter((place) => place.startsWith(`${FOLDER}/`)).sort();
  const settings = (section: string): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(section);

  before(async () => {
    const extension = vscode.extensions.getExtension<TruthlineApi>(EXTENSION_ID);
    assert.ok(extension);
    truthline = await extension.activate();
  });

  after(async () => {
    await settings('files').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await settings('search').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(path.join(root().fsPath, FOLDER), { recursive: true, force: true });
  });

  it('leaves out what files.exclude and search.exclude hide, and a `when` clause\'s file while its sibling is there', async () => {
    for (const name of ['a.ts', 'a.js', 'b.js', 'generated/c.ts']) await write(`${FOLDER}/${name}`, [`// @risk ${RISK}`, 'export {};']);
    await waitFor('the files are indexed', placesOf, (found) => found.length === 4, { timeoutMs: 30_000 });
    await settings('files').update('exclude', { [`**/${FOLDER}/*.js`]: { when: '$(basename).ts' } }, vscode.ConfigurationTarget.Global);
    await settings('search').update('exclude', { [`**/${FOLDER}/generated`]: true }, vscode.ConfigurationTarget.Global);
    await waitFor('the index follows the settings', placesOf, (found) => found.join() === `${FOLDER}/a.ts,${FOLDER}/b.js`, { timeoutMs: 30_000 });
    // The sibling gone, the file it hid is searched again.
    await remove(`${FOLDER}/a.ts`);
    await waitFor('a.js comes back with a.ts gone', placesOf, (found) => found.join() === `${FOLDER}/a.js,${FOLDER}/b.js`, { timeoutMs: 30_000 });
  });
});
