// What the sidebar is built on, through the extension's public API in the real VS Code: items for several
// files of the example repository, live updates after YAML files are written, renamed and deleted, and the
// Problems panel's positions for `.alignment/` files (as the user types) and for tags in source files.
// Every file a test writes is removed after it, and every edit is reverted unsaved.
import * as assert from 'assert';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { ItemsForApi, TruthlineApi } from '../../src/extension/api/api';
import type { FileParse } from '../../src/core';
import { EXTENSION_ID } from '../../src/extension/constants';
import { AlignmentStore } from '../../src/extension/workspace/alignmentStore';
import { revertAndClose } from './editors';
import { holdsFor, waitUntil } from './waiting';
import { file, remove, write } from './workspaceFiles';

/** A measured figure, printed with the suite's own output (plain console.log goes to the workbench's log). */
function report(text: string): void {
  Mocha.reporters.Base.consoleLog(`      ${text}`);
}

/** Live updates are measured in milliseconds: ask often. */
const OFTEN = { intervalMs: 25 };

let truthline: TruthlineApi;
const ids = (entries: readonly { id: string }[] | undefined): string[] => (entries ?? []).map((entry) => entry.id).sort();
async function itemsFor(relative: string): Promise<ItemsForApi | undefined> {
  return truthline.itemsFor(file(relative));
}

describe('Views: the API the sidebar shows', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<TruthlineApi>(EXTENSION_ID);
    assert.ok(extension);
    truthline = await extension.activate();
  });

  it('gives a payments file its feature, requests, assumptions, risks, milestones, flags, decisions and upstream threats', async () => {
    const found = await itemsFor('src/payments/paymentService.ts');
    assert.ok(found);
    assert.deepStrictEqual(ids(found.features), ['payments']);
    assert.deepStrictEqual(ids(found.requests), ['CR-101', 'CR-102']);
    assert.deepStrictEqual(ids(found.assumptions), ['A-1', 'A-2']);
    assert.deepStrictEqual(ids(found.risks), ['R-1', 'R-2']);
    assert.deepStrictEqual(ids(found.milestones), ['M1', 'M2']);
    assert.deepStrictEqual(ids(found.flags), ['F-20261110-r2xd', 'F-20261112-q7hm']);
    assert.deepStrictEqual(ids(found.decisions), ['D-2']);
    // payments depends on cart-pricing and fraud-screening: R-3 occurred there.
    assert.deepStrictEqual(ids(found.upstream), ['R-3']);
    const risk = found.risks.find((entry) => entry.id === 'R-1');
    assert.strictEqual(risk?.file, '.alignment/risks/pre-mortem-payments.yaml');
    assert.strictEqual(risk?.line, 3);
  });

  it('gives the checkout API every open flag and high risk upstream, transitively', async () => {
    const found = await itemsFor('src/api/checkoutController.ts');
    assert.deepStrictEqual(ids(found?.features), ['checkout-api']);
    assert.deepStrictEqual(ids(found?.upstream), ['F-20261110-r2xd', 'F-20261112-q7hm', 'F-20261118-h4pz', 'R-1', 'R-2', 'R-3']);
  });

  it('ties a job to its feature by a glob and to its items by comment tags, and leaves out the excluded tests', async () => {
    const job = await itemsFor('jobs/nightly_reconciliation.py');
    assert.deepStrictEqual(ids(job?.features), ['settlement-export']);
    assert.deepStrictEqual(ids(job?.assumptions), ['A-6']);
    assert.deepStrictEqual(ids(job?.risks), ['R-8']);
    assert.deepStrictEqual(ids(job?.flags), ['F-20261117-w5nc']);
    const tests = await itemsFor('jobs/test_nightly_reconciliation.py');
    assert.ok(tests);
    for (const list of Object.values(tests)) assert.deepStrictEqual(list, []);
  });

  it('answers nothing for a file outside the workspace folders', async () => {
    assert.strictEqual(await truthline.itemsFor(vscode.Uri.file('/nowhere/else.ts')), undefined);
  });

  describe('live', () => {
    const LIVE = '.alignment/risks/zz-views-live.yaml';
    const MOVED = '.alignment/risks/moved/zz-views-live.yaml';

    afterEach(async () => {
      await remove(LIVE);
      await remove('.alignment/risks/moved');
    });

    it('shows a new YAML file within a second, a change, a rename and a deletion too', async () => {
      const riskIds = async (): Promise<string[]> => ids((await itemsFor('src/payments/webhooks.ts'))?.risks);
      const timed = async (what: string, change: () => Promise<void>, check: (risks: string[]) => boolean): Promise<number> => {
        const start = Date.now();
        await change();
        await waitUntil(what, async () => check(await riskIds()), OFTEN);
        return Date.now() - start;
      };
      const risk = (likelihood: string): string[] => ['kind: risk', 'id: R-live', 'risk: Webhooks were replayed.', 'feature: payments', `likelihood: ${likelihood}`, 'impact: high', 'paths: [src/payments/webhooks.ts]'];

      const created = await timed('the new risk shows', () => write(LIVE, risk('low')), (risks) => risks.includes('R-live'));
      const changed = await timed('the change shows', () => write(LIVE, risk('high').map((line) => line.replace('R-live', 'R-live2'))), (risks) => risks.includes('R-live2') && !risks.includes('R-live'));
      const renamed = await timed('the renamed file still counts', async () => {
        await vscode.workspace.fs.createDirectory(file('.alignment/risks/moved'));
        await vscode.workspace.fs.rename(file(LIVE), file(MOVED));
        await waitUntil('the rename is seen', async () => (await truthline.itemsFor(file('src/payments/webhooks.ts')))?.risks.find((entry) => entry.id === 'R-live2')?.file === MOVED, OFTEN);
      }, (risks) => risks.includes('R-live2'));
      const deleted = await timed('the deletion shows', () => remove(MOVED), (risks) => !risks.includes('R-live2'));
      report(`live update (ms): create ${created}, change ${changed}, rename ${renamed}, delete ${deleted}`);
      for (const ms of [created, changed, deleted]) assert.ok(ms < 1_000, `an update took ${ms} ms`);
    });

    it('drops a file deleted right after it was edited and saved in an editor', async () => {
      await write(LIVE, ['kind: risk', 'id: R-edited', 'risk: It happened.', 'feature: payments', 'likelihood: low', 'impact: low']);
      await waitUntil('the risk shows', async () => ids((await itemsFor('src/payments/webhooks.ts'))?.risks).includes('R-edited'), OFTEN);
      const editor = await vscode.window.showTextDocument(file(LIVE));
      await editor.edit((edit) => edit.replace(new vscode.Range(4, 12, 4, 15), 'high'));
      await editor.document.save();
      // Deleted from outside (git, a script) while the saved editor is still open, before the re-parse the
      // typing started has run.
      await remove(LIVE);
      try {
        const gone = async (): Promise<boolean> => !ids((await itemsFor('src/payments/webhooks.ts'))?.risks).includes('R-edited');
        await waitUntil('the deleted risk is gone', gone, OFTEN);
        // And stays gone once every pending re-parse has run.
        await holdsFor('the deleted file stays gone', gone, 1_000);
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });

    it('keeps the parse of a file written again with the same bytes, so the next model sees no change', async () => {
      const store = new AlignmentStore();
      const lines = ['kind: risk', 'id: R-same', 'risk: It happened.', 'feature: payments', 'likelihood: low', 'impact: low'];
      try {
        await store.ready;
        const parseOf = (): FileParse | undefined => store.snapshots()[0]?.model.files.find((parse) => parse.file === LIVE);
        const version = (): number => store.snapshots()[0]?.version ?? 0;
        await write(LIVE, lines);
        await waitUntil('the file is read', async () => parseOf() !== undefined, OFTEN);
        // Every event of the first write handled: the version holds still.
        let settled = -1;
        await waitUntil('no rebuild is pending', async () => {
          const now = version();
          const still = now === settled;
          settled = now;
          return still;
        }, { intervalMs: 500 });
        const before = parseOf();
        await write(LIVE, lines); // a touch, or a checkout writing what is there
        await waitUntil('the write is read', async () => version() > settled, OFTEN);
        assert.strictEqual(parseOf(), before, 'the same parse: the unchanged files keep their answers');
      } finally {
        store.dispose();
      }
    });

    it('fires onDidChange after a write', async () => {
      let fired = false;
      const subscription = truthline.onDidChange(() => {
        fired = true;
      });
      try {
        await write(LIVE, ['kind: risk', 'id: R-event', 'risk: It happened.', 'likelihood: low', 'impact: low']);
        await waitUntil('onDidChange fires', () => fired, { timeoutMs: 5_000 });
      } finally {
        subscription.dispose();
      }
    });
  });

  describe('Problems panel', () => {
    const BAD = '.alignment/zz-views-bad.yaml';

    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove(BAD);
    });

    const diagnosticsOf = (relative: string): vscode.Diagnostic[] => vscode.languages.getDiagnostics(file(relative)).filter((diagnostic) => diagnostic.source === 'truthline');
    const summary = (diagnostic: vscode.Diagnostic): string => {
      const { start, end } = diagnostic.range;
      return `${String(diagnostic.code)} ${start.line}:${start.character}-${end.line}:${end.character}`;
    };

    it('puts a problem of a YAML file at its exact position, and follows typing before any save', async () => {
      await write(BAD, ['kind: risk', 'id: R-bad', 'risk: A typo ahead.', 'likelihood: hihg', 'impact: low']);
      await waitUntil('the schema problem shows', () => diagnosticsOf(BAD).length > 0, OFTEN);
      const [problem] = diagnosticsOf(BAD);
      assert.ok(problem);
      assert.strictEqual(summary(problem), 'schema 3:12-3:16');
      assert.strictEqual(problem.severity, vscode.DiagnosticSeverity.Error);

      const editor = await vscode.window.showTextDocument(file(BAD));
      await editor.edit((edit) => edit.replace(new vscode.Range(3, 12, 3, 16), 'high'));
      await waitUntil('the fixed typo clears the problem', () => diagnosticsOf(BAD).length === 0, { ...OFTEN, timeoutMs: 5_000 });
      await editor.edit((edit) => edit.insert(new vscode.Position(5, 0), 'colour: red\n'));
      await waitUntil('the unknown key shows', () => diagnosticsOf(BAD).some((diagnostic) => diagnostic.code === 'unknown-key'), { ...OFTEN, timeoutMs: 5_000 });
      assert.deepStrictEqual(diagnosticsOf(BAD).map(summary), ['unknown-key 5:0-5:6']);
      assert.ok(editor.document.isDirty, 'all of this happened before a save');
      await revertAndClose(editor.document);
    });

    it('puts a tag naming an unknown id in a source file at the id, as the user types', async () => {
      const money = 'src/shared/money.ts';
      const editor = await vscode.window.showTextDocument(file(money));
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// @risk R-404\n'));
      await waitUntil('the unknown tag shows', () => diagnosticsOf(money).length > 0, { ...OFTEN, timeoutMs: 5_000 });
      assert.deepStrictEqual(diagnosticsOf(money).map(summary), ['unknown-tag-id 0:9-0:14']);
      await revertAndClose(editor.document);
      await waitUntil('closing drops the problem', () => diagnosticsOf(money).length === 0, { ...OFTEN, timeoutMs: 5_000 });
    });
  });
});
