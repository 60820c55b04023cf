// The store never loses the views to a failure: a build that throws keeps the last good model and says so
// once; a file that cannot be read is a problem at the file, not a file missing from every view.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { buildModelSteps } from '../../src/core';
import { FolderAlignment } from '../../src/extension/workspace/folderAlignment';
import { MessageSpy } from './messages';
import { holdsFor, waitUntil } from './waiting';
import { file, remove, write } from './workspaceFiles';

describe('Store: failures never empty the views', () => {
  const messages = new MessageSpy();
  const shown = (): string[] => messages.shown.map((message) => message.text);

  before(() => messages.install());
  after(() => messages.restore());

  it('keeps the last good model when building throws, and says so once', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    let failing = false;
    const alignment = new FolderAlignment(folder, () => undefined, function* (files, options) {
      if (failing) throw new Error('a bug in core');
      return yield* buildModelSteps(files, options);
    });
    const EXTRA = '.alignment/risks/zz-guard.yaml';
    try {
      await alignment.load();
      const good = alignment.snapshot;
      assert.ok(good.model.byId.has('R-8'), 'the first build worked');
      failing = true;
      messages.take();
      await write(EXTRA, ['kind: risk', 'id: R-zz-guard', 'risk: A second write fails too.', 'likelihood: low', 'impact: low']);
      await waitUntil('the failed read is reported', () => shown().length > 0);
      await write(EXTRA, ['kind: risk', 'id: R-zz-guard', 'risk: Still failing.', 'likelihood: low', 'impact: low']);
      await holdsFor('the views keep the last good model and nothing more is said', () => alignment.snapshot === good && shown().length === 1, 800);
      assert.strictEqual(alignment.snapshot, good, 'the views keep the last good model');
      assert.strictEqual(shown().length, 1, `said once: ${shown().join(' | ')}`);
      assert.match(shown()[0] ?? '', /could not read \.alignment\/ in .*a bug in core.*last state/);
    } finally {
      alignment.dispose();
      await remove(EXTRA);
    }
  });

  it('shows a pipe named like a YAML file as an unreadable-file problem, without waiting on it', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const PIPE = '.alignment/risks/zz-pipe.yaml';
    execFileSync('mkfifo', [file(PIPE).fsPath]);
    const alignment = new FolderAlignment(folder, () => undefined);
    try {
      await alignment.load();
      const problems = alignment.snapshot.model.problems.filter((problem) => problem.file === PIPE);
      assert.deepStrictEqual(problems.map((problem) => `${problem.code}: ${problem.message}`), ['unreadable-file: file could not be read (not a regular file); check that it is a readable file']);
      assert.ok(alignment.snapshot.model.byId.has('R-8'), 'the rest is read');
    } finally {
      alignment.dispose();
      await remove(PIPE);
    }
  });
});
