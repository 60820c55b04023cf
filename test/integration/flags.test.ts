// Truth flags in the real VS Code: raising one by argument object (the file checked field by field),
// acknowledging and resolving with the author's comments kept, assumption statuses and gate calls, and
// the refusals that prevent lost updates. Every file a test writes or edits is restored after it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { loadAlignment, type AlignmentModel } from '../../src/core';
import { Commands, EXTENSION_ID, Settings } from '../../src/extension/constants';
import { createNewFile, readForEdit, writeEdit } from '../../src/extension/workspace/edits/writer';
import { revertAllAndClose, revertUnsaved } from './editors';
import { waitUntil } from './waiting';

const root = (): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri;
};
const file = (relative: string): vscode.Uri => vscode.Uri.joinPath(root(), ...relative.split('/'));
const relativeOf = (uri: vscode.Uri): string => uri.path.slice(root().path.length + 1);

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false; // stat throws FileNotFound: the answer is "no"
  }
}

interface Api {
  itemsFor(uri: vscode.Uri): Promise<{ flags: { id: string }[] } | undefined>;
}

async function api(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension);
  return extension.activate();
}

/** The flags the store ties to the files the tests raise flags on. */
async function storeFlags(): Promise<string> {
  return JSON.stringify([await flagIdsOf(PAYMENT_SERVICE), await flagIdsOf('jobs/nightly_reconciliation.py')]);
}

async function flagIdsOf(relative: string): Promise<string[]> {
  return ((await (await api()).itemsFor(file(relative)))?.flags ?? []).map((flag) => flag.id);
}

/** Every YAML file of .alignment/ loaded as `truthline check` does. */
async function checkedModel(): Promise<AlignmentModel> {
  const uris = await vscode.workspace.findFiles('.alignment/**/*.{yaml,yml}');
  const files = await Promise.all(uris.map(async (uri) => ({ path: relativeOf(uri), text: await read(uri) })));
  return loadAlignment(files);
}

/** Keeps the files' texts and puts them back after each test (deleting the ones that did not exist). */
class Restorer {
  private readonly saved = new Map<string, string | undefined>();

  async keep(uri: vscode.Uri): Promise<void> {
    if (!this.saved.has(uri.toString())) this.saved.set(uri.toString(), (await exists(uri)) ? await read(uri) : undefined);
  }

  /** A file the test created: it is deleted afterwards. */
  created(uri: vscode.Uri): void {
    this.saved.set(uri.toString(), undefined);
  }

  async restore(): Promise<void> {
    await revertAllAndClose();
    for (const [key, text] of this.saved) {
      const uri = vscode.Uri.parse(key);
      if (text === undefined) {
        if (await exists(uri)) await vscode.workspace.fs.delete(uri);
      } else if (!(await exists(uri)) || (await read(uri)) !== text) {
        await write(uri, text);
      }
    }
    this.saved.clear();
  }
}

const PAYMENT_SERVICE = 'src/payments/paymentService.ts';

describe('Truth flags', function () {
  this.timeout(60_000);
  const restorer = new Restorer();
  let problemsBefore: string[];
  let flagsBefore: string;

  before(async () => {
    await api();
    await waitUntil('the store has read the example repository', async () => (await flagIdsOf(PAYMENT_SERVICE)).includes('F-20261112-q7hm'));
    flagsBefore = await storeFlags();
    problemsBefore = (await checkedModel()).problems.map((problem) => `${problem.file}:${problem.line}:${problem.code}`);
    await vscode.workspace.getConfiguration().update(Settings.author, 'Ada Tester', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration().update(Settings.author, undefined, vscode.ConfigurationTarget.Global);
    // The suites after this one read the example repository as it was: wait until the store agrees.
    await waitUntil('the store holds only the example\'s flags again', async () => (await storeFlags()) === flagsBefore);
  });

  afterEach(() => restorer.restore());

  describe('raising by argument object', () => {
    it('writes one new file, field by field, that passes truthline check and is in the store at once', async () => {
      const source = await read(file(PAYMENT_SERVICE));
      const lines = source.split('\n');
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.raiseFlag, {
        about: 'M2',
        reality: 'The challenge return URL falls back to the staging host, so every challenged payment in production lands on staging and fails.',
        severity: 'critical',
        uri: file(PAYMENT_SERVICE),
        range: new vscode.Range(29, 0, 31, 10),
      });
      assert.ok(uri instanceof vscode.Uri, 'raiseFlag returns the new file');
      restorer.created(uri);
      const id = relativeOf(uri).replace(/^\.alignment\/flags\//, '').replace(/\.yaml$/, '');
      assert.match(id, /^F-\d{8}-[a-z2-9]{4}$/);
      const today = new Date();
      const day = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`;
      assert.equal(id.slice(2, 10), day, 'the id carries the local date');

      const text = await read(uri);
      const flag = parse(text) as Record<string, unknown>;
      assert.deepEqual(Object.keys(flag), ['kind', 'id', 'feature', 'about', 'reported', 'reality', 'severity', 'raisedBy', 'raisedAt', 'anchor', 'status']);
      assert.equal(flag.kind, 'flag');
      assert.equal(flag.id, id);
      assert.equal(flag.feature, 'payments', 'the feature is M2\'s, which covers the file');
      assert.equal(flag.about, 'M2');
      assert.equal(flag.reported, 'Card payments with 3-D Secure (Strong Customer Authentication): on track, 85% (Weekly checkout status report, week 46, 2026-11-13)');
      assert.equal(flag.reality, 'The challenge return URL falls back to the staging host, so every challenged payment in production lands on staging and fails.');
      assert.equal(flag.severity, 'critical');
      assert.equal(flag.raisedBy, 'Ada Tester', 'the truthline.author setting names the author');
      assert.match(String(flag.raisedAt), new RegExp(`^${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$`));
      assert.deepEqual(flag.anchor, {
        path: PAYMENT_SERVICE,
        startLine: 30,
        endLine: 32,
        text: lines.slice(29, 32).map((line) => line.trimEnd()).join('\n'),
      });
      assert.equal(flag.status, 'open');

      const model = await checkedModel();
      assert.deepEqual(model.problems.map((problem) => `${problem.file}:${problem.line}:${problem.code}`), problemsBefore, 'truthline check finds nothing new');
      assert.equal(model.byId.get(id)?.kind, 'flag');
      assert.ok((await flagIdsOf(PAYMENT_SERVICE)).includes(id), 'the store has it when the command returns');
    });

    it('raises by role only, and infers the feature from the file', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.raiseFlag, {
        reality: 'Reconciliation matches payouts on amount alone.',
        anonymous: true,
        uri: file('jobs/nightly_reconciliation.py'),
        range: { startLine: 116, endLine: 116 },
      });
      assert.ok(uri);
      restorer.created(uri);
      const flag = parse(await read(uri)) as Record<string, unknown>;
      assert.equal(flag.raisedBy, 'Engineer on settlement-export', 'no name is written');
      assert.equal(flag.feature, 'settlement-export');
      assert.equal(flag.about, undefined);
      assert.equal(flag.severity, 'medium', 'medium by default');
      assert.equal((flag.anchor as { startLine: number; endLine: number }).endLine, 116);
      assert.doesNotMatch(await read(uri), /Ada Tester/);
    });

    it('names the author from the repository\'s git config when the setting is empty', async () => {
      // The test copy is a git repository (test/harness/exampleHistory.ts) whose config names nobody.
      const config = file('.git/config');
      const original = await read(config);
      assert.doesNotMatch(original, /\[user\]/, 'the copy\'s git config names nobody yet');
      await vscode.workspace.getConfiguration().update(Settings.author, undefined, vscode.ConfigurationTarget.Global);
      try {
        await write(config, `${original}[user]\n\tname = Grace Config\n\temail = grace@example.com\n`);
        const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.raiseFlag, { reality: 'Named by git.', feature: 'payments' });
        assert.ok(uri);
        restorer.created(uri);
        assert.equal((parse(await read(uri)) as { raisedBy?: string }).raisedBy, 'Grace Config');
      } finally {
        await write(config, original);
        await vscode.workspace.getConfiguration().update(Settings.author, 'Ada Tester', vscode.ConfigurationTarget.Global);
      }
    });

    it('rejects bad arguments with a clear error and writes nothing', async () => {
      const before = (await vscode.workspace.findFiles('.alignment/flags/*.yaml')).length;
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.raiseFlag, { reality: 'x', severity: 'urgent', feature: 'payments' })), /"severity" must be one of low, medium, high, critical/);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.raiseFlag, { reality: ' ', feature: 'payments' })), /"reality" must be a non-empty string/);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand(Commands.raiseFlag, { reality: 'x', about: 'NOPE-1' })), /no item "NOPE-1"/);
      assert.equal((await vscode.workspace.findFiles('.alignment/flags/*.yaml')).length, before);
    });
  });

  describe('lifecycle, with the author\'s comments kept', () => {
    const ID = 'F-20260101-test';
    const FLAG = file(`.alignment/flags/${ID}.yaml`);
    const ORIGINAL = [
      '# Seen in the demo on Friday. Ask Marta before closing it.',
      'kind: flag',
      `id: ${ID}`,
      'feature: payments   # not checkout-api',
      'about: M2',
      'reality: >-',
      '  Works only in the sandbox: the return URL is the staging host, and nobody has tried a real',
      '  challenged card.',
      '',
      '# Lines that show it:',
      'anchor:',
      `  path: ${PAYMENT_SERVICE}`,
      '  startLine: 30',
      '  endLine: 31',
      'status: open # until someone owns it',
      '',
    ].join('\n');

    beforeEach(async () => {
      await restorer.keep(FLAG);
      await write(FLAG, ORIGINAL);
      await waitUntil(`the store has read ${ID}`, async () => (await flagIdsOf(PAYMENT_SERVICE)).includes(ID));
    });

    it('acknowledges, then resolves with a note: only the status lines change, every comment stays', async () => {
      const acknowledged = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.acknowledgeFlag, { id: ID });
      assert.equal(acknowledged?.toString(), FLAG.toString());
      const afterAcknowledge = ORIGINAL.replace('status: open # until someone owns it\n', 'status: acknowledged # until someone owns it\nacknowledgedBy: Ada Tester\nacknowledgedAt: DATE\n');
      assert.equal((await read(FLAG)).replace(/acknowledgedAt: \d{4}-\d{2}-\d{2}/, 'acknowledgedAt: DATE'), afterAcknowledge);

      const resolved = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.resolveFlag, { id: ID, note: 'Return URL read from PUBLIC_CHECKOUT_HOST; tested in production.' });
      assert.equal(resolved?.toString(), FLAG.toString());
      const text = (await read(FLAG)).replace(/(acknowledged|resolved)At: \d{4}-\d{2}-\d{2}/g, '$1At: DATE');
      assert.equal(text, afterAcknowledge
        .replace('status: acknowledged', 'status: resolved')
        .replace('acknowledgedAt: DATE\n', 'acknowledgedAt: DATE\nresolution: Return URL read from PUBLIC_CHECKOUT_HOST; tested in production.\nresolvedBy: Ada Tester\nresolvedAt: DATE\n'));
      await waitUntil('the store sees it resolved', async () => {
        const model = await checkedModel();
        return (model.byId.get(ID)?.item as { status?: string } | undefined)?.status === 'resolved';
      });
    });

    it('reopens a resolved flag, keeping the resolution as words in the reality', async () => {
      await vscode.commands.executeCommand(Commands.resolveFlag, { id: ID, note: 'Fixed in PR 481.' });
      await vscode.commands.executeCommand(Commands.reopenFlag, { id: ID, note: 'Amex cards still land on staging' });
      const flag = parse(await read(FLAG)) as Record<string, unknown>;
      assert.equal(flag.status, 'open');
      assert.match(String(flag.reality), /Reopened on \d{4}-\d{2}-\d{2} by Ada Tester\. Amex cards still land on staging\. It had been resolved on \d{4}-\d{2}-\d{2} by Ada Tester: Fixed in PR 481\.$/);
      assert.equal(flag.resolution, undefined);
      const text = await read(FLAG);
      for (const comment of ['# Seen in the demo on Friday. Ask Marta before closing it.', 'feature: payments   # not checkout-api', '# Lines that show it:', 'status: open # until someone owns it']) {
        assert.ok(text.includes(comment), `lost: ${comment}`);
      }
    });

    it('refuses to write over unsaved changes in an editor', async () => {
      const document = await vscode.workspace.openTextDocument(FLAG);
      await vscode.window.showTextDocument(document);
      // A document an earlier edit opened reloads the file this test wrote in its own time.
      await waitUntil('the editor holds the file as written', () => document.getText() === ORIGINAL);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(FLAG, new vscode.Position(0, 0), '# an unsaved thought\n');
      try {
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.ok(document.isDirty);
        // The store re-reads the editor's text as it changes; ask once it holds the flag again.
        await waitUntil(`the store has read ${ID} from the editor`, async () => (await flagIdsOf(PAYMENT_SERVICE)).includes(ID));
        const result = await vscode.commands.executeCommand(Commands.acknowledgeFlag, { id: ID });
        assert.equal(result, undefined, 'nothing was written');
        assert.equal(await read(FLAG), ORIGINAL);
      } finally {
        // Never leave the unsaved thought behind: the editor's text would stand for the file in later suites.
        await revertUnsaved(document);
      }
    });

    it('refuses a write when the file changed on disk after it was read', async () => {
      const read1 = await readForEdit(FLAG);
      assert.ok(read1);
      const theirs = ORIGINAL.replace('status: open', 'status: acknowledged');
      await write(FLAG, theirs);
      assert.equal(await writeEdit(read1, `${read1.text}# mine\n`), false);
      assert.equal(await read(FLAG), theirs, 'their change is kept, mine is not written');
      const read2 = await readForEdit(FLAG);
      assert.ok(read2 && (await writeEdit(read2, `${read2.text}# mine\n`)), 'on the new text the edit goes through');
      assert.equal(await read(FLAG), `${theirs}# mine\n`);
    });

    it('never creates a file over an existing one', async () => {
      assert.equal(await createNewFile(FLAG, 'kind: flag\n', 'test'), 'exists');
      assert.equal(await read(FLAG), ORIGINAL);
    });

    it('says why an acknowledged flag cannot be acknowledged again, and writes nothing', async () => {
      await vscode.commands.executeCommand(Commands.acknowledgeFlag, { id: ID });
      const text = await read(FLAG);
      assert.equal(await vscode.commands.executeCommand(Commands.acknowledgeFlag, { id: ID }), undefined);
      assert.equal(await read(FLAG), text);
    });
  });

  describe('assumption status and gate call through the same edit path', () => {
    it('sets an assumption\'s status and evidence in a list file, touching no other line', async () => {
      const uri = file('.alignment/assumptions/payments.yaml');
      await restorer.keep(uri);
      const before = await read(uri);
      const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.setAssumptionStatus, { id: 'A-1', status: 'invalidated', evidence: 'Amex challenges fail in the sandbox since 2026-11-19.' });
      assert.equal(result?.toString(), uri.toString());
      const after = await read(uri);
      assert.equal(after, before
        .replace('  status: validated\n', '  status: invalidated\n')
        .replace(/ {2}evidence: All 14 certification cards passed on 2026-10-08; the run log is attached to the M1 review notes\.\n/, '  evidence: Amex challenges fail in the sandbox since 2026-11-19.\n'));
    });

    it('asks for a gate row\'s call and reason, Enter taking the other call and keeping the reason', async () => {
      const uri = file('.alignment/milestones/payments.yaml');
      await restorer.keep(uri);
      const before = await read(uri);
      // As the tree passes a gate row: the milestone's entry and the gate's place in `gates`.
      const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.setGateCall, { entry: { id: 'M2' }, gateIndex: 1 }));
      let settled = false;
      void running.finally(() => {
        settled = true;
      });
      // Two prompts (the call, then the reason): Enter on each, as soon as it shows (a press every 200 ms).
      await waitUntil('Enter on each prompt ends the command', async () => {
        if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return settled;
      }, { timeoutMs: 20_000, intervalMs: 200 });
      assert.equal((await running)?.toString(), uri.toString());
      const after = await read(uri);
      const changed = after.split('\n').filter((line, index) => line !== before.split('\n')[index]);
      assert.deepEqual(changed, ['    call: go'], 'pending became go; the reason, kept with Enter, is untouched');
    });

    it('sets a gate\'s call with a reason, comments and folded lines kept', async () => {
      const uri = file('.alignment/milestones/payments.yaml');
      await restorer.keep(uri);
      const before = await read(uri);
      await vscode.commands.executeCommand(Commands.setGateCall, { id: 'M2', role: 'Customer support', call: 'go', reason: 'Nordlicht confirmed the fix on 2026-11-24.' });
      const after = await read(uri);
      const changed = after.split('\n').filter((line, index) => line !== before.split('\n')[index]);
      assert.deepEqual(changed, ['    call: go', '    reason: Nordlicht confirmed the fix on 2026-11-24.']);
      assert.ok(after.includes('# M2 is the date in the status report.'), 'the comments are there');
      assert.equal(await vscode.commands.executeCommand(Commands.setGateCall, { id: 'M2', role: 'Legal', call: 'go' }), undefined, 'no gate for Legal: refused');
      assert.equal(await read(uri), after);
    });
  });
});
