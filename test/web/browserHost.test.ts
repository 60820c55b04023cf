// The extension in the browser's extension host: it starts without Node, reads the workspace through
// vscode.workspace.fs, and every git-based feature says it needs a local clone instead of leaving a gap.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TruthlineApi } from '../../src/extension/api/api';
import { ALIGNMENT_FOLDER, Commands, EXTENSION_ID } from '../../src/extension/constants';
import { suspectNotice } from '../../src/extension/views/suspectNotice';
import { AlignmentStore } from '../../src/extension/workspace/alignmentStore';
import { currentAuthor } from '../../src/extension/workspace/edits/author';
import { ChangeWatch } from '../../src/extension/workspace/git/changeWatch';
import { waitFor, waitUntil } from '../integration/waiting';
import { file, root } from '../integration/workspaceFiles';

const NEEDS_A_CLONE = /^git cannot run in the browser: this needs a local clone$/;

describe('In the browser\'s extension host', function () {
  this.timeout(60_000);
  let api: TruthlineApi;
  let store: AlignmentStore;

  before(async () => {
    const extension = vscode.extensions.getExtension<TruthlineApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the installed extensions`);
    await waitUntil(`${EXTENSION_ID} activates by itself`, () => extension.isActive, { timeoutMs: 15_000 });
    api = await extension.activate();
    store = new AlignmentStore();
    await store.ready;
  });

  after(() => (store as AlignmentStore | undefined)?.dispose()); // none when the extension never started

  it('runs in a web worker, without Node, on a folder that is not on this machine\'s disk', () => {
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined', 'Node\'s process is there: this is not the browser\'s host');
    assert.strictEqual(root().scheme, 'vscode-remote');
  });

  it('reads .alignment/ through the workspace file system and answers the API', async () => {
    const files = await vscode.workspace.findFiles(`${ALIGNMENT_FOLDER}/**/*.{yaml,yml}`);
    assert.ok(files.length > 0, `no YAML files below ${ALIGNMENT_FOLDER}/`);
    const items = await api.itemsFor(file('src/payments/northpayClient.ts'));
    assert.deepStrictEqual(items?.features.map((feature) => feature.id), ['payments']);
  });

  it('says change impact needs a local clone (the view\'s message), and the API has no impact', async () => {
    const changes = new ChangeWatch(store);
    try {
      const snapshot = store.snapshots()[0];
      assert.ok(snapshot);
      const answer = changes.answerOf(snapshot);
      assert.ok(answer && 'unavailable' in answer, 'the change watch answered as if git ran');
      assert.match(answer.unavailable, NEEDS_A_CLONE);
      assert.strictEqual(await api.impact(), undefined);
    } finally {
      changes.dispose();
    }
  });

  it('says settled statuses are not checked for suspects, and why (the All Features view\'s message)', () => {
    assert.match(suspectNotice(store) ?? '', /^Statuses are not checked against later code changes — git cannot run in the browser: this needs a local clone\.$/);
  });

  it('exports the report with the trend replaced by a sentence saying it needs a local clone', async () => {
    const target = file('truth-report.html');
    try {
      assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>(Commands.exportReport, target))?.toString(), target.toString());
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(page, /Features: reported vs reality/);
      assert.match(page, /git cannot run in the browser: the weekly trend needs a local clone/);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('never signs as the operating system\'s user: there is none, so the author is asked once', async () => {
    const author = await waitFor('the author is known', () => currentAuthor(root()), () => true);
    assert.notStrictEqual(author.source, 'os');
  });
});
