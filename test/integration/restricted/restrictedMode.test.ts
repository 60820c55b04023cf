// Restricted Mode in the real VS Code: this file runs only in the harness's second integration run, where
// workspace trust is on and the copy of the example repository is not trusted. Truthline must show
// everything, refuse every command that writes, each with a message that says why and what to do, and
// never read git's config (the workspace's own config is untrusted content). Git's config files get a
// user.name and an access time in the past: a read by anyone moves the access time (checked after each command).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import * as vscode from 'vscode';
import type { TruthlineApi } from '../../../src/extension/api/api';
import { Commands, EXTENSION_ID } from '../../../src/extension/constants';
import { currentAuthor } from '../../../src/extension/workspace/edits/author';
import { AlignmentStore } from '../../../src/extension/workspace/alignmentStore';
import { AllFeaturesProvider } from '../../../src/extension/views/allFeatures/allFeaturesProvider';
import { TEST_WORKSPACE_ENV } from '../../harness/workspaceCopy';
import { holdsFor, waitFor, waitUntil } from '../waiting';
import { MessageSpy, type Message } from '../messages';
import { file, root } from '../workspaceFiles';
import { NO_SUSPECT_MARKS } from '../../../src/extension/views/tree/rowsInput';

const PAYMENT_SERVICE = 'src/payments/paymentService.ts';
const GIT_NAME = 'Name From Git Config';
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

/** The workspace copy on disk (the harness names it), for Node's fs: access times are not in the vscode API. */
function onDisk(...parts: string[]): string {
  const workspace = process.env[TEST_WORKSPACE_ENV];
  assert.ok(workspace, `${TEST_WORKSPACE_ENV} is not set: run through the harness`);
  return path.join(workspace, ...parts);
}

/** Every file below .alignment/ with its bytes, to prove a refused command wrote nothing. */
function alignmentFiles(): Map<string, string> {
  const dir = onDisk('.alignment');
  const names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  return new Map(names.filter((name) => fs.statSync(path.join(dir, name)).isFile()).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')]));
}

/** The git config files author.ts would read: the repository's and the global ones. */
function gitConfigFiles(): string[] {
  const xdg = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return [onDisk('.git', 'config'), path.join(os.homedir(), '.gitconfig'), path.join(xdg, 'git', 'config')];
}

/** The git config files whose access time moved since the suite set it: someone read them. */
function readGitConfigs(): string[] {
  return gitConfigFiles().filter((name) => fs.statSync(name).atimeMs !== LONG_AGO.getTime());
}

describe('Restricted Mode: an untrusted workspace', function () {
  this.timeout(60_000);
  let truthline: TruthlineApi;
  let original: Map<string, string>;
  const messages = new MessageSpy();

  before(async () => {
    fs.mkdirSync(onDisk('.git'), { recursive: true });
    // Set once, never reset: a read that comes late still fails a later test (and the last one).
    for (const name of gitConfigFiles()) {
      fs.mkdirSync(path.dirname(name), { recursive: true });
      fs.writeFileSync(name, `[user]\n\tname = ${GIT_NAME}\n\temail = git-config@example.com\n`);
      fs.utimesSync(name, LONG_AGO, new Date());
    }
    const extension = vscode.extensions.getExtension<TruthlineApi>(EXTENSION_ID);
    assert.ok(extension);
    truthline = await extension.activate();
    await truthline.itemsFor(file(PAYMENT_SERVICE)); // resolves once .alignment/ is read
    original = alignmentFiles();
    messages.install();
  });

  beforeEach(() => {
    messages.take();
  });

  after(async () => {
    messages.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(onDisk('.git'), { recursive: true, force: true });
  });

  it('is untrusted, with Truthline active', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the harness opened the workspace in Restricted Mode');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  describe('shows everything', () => {
    it('gives a payments file its items through the API', async () => {
      const found = await truthline.itemsFor(file(PAYMENT_SERVICE));
      const ids = (entries: readonly { id: string }[] | undefined): string[] => (entries ?? []).map((entry) => entry.id).sort();
      assert.deepStrictEqual(ids(found?.features), ['payments']);
      assert.deepStrictEqual(ids(found?.requests), ['CR-101', 'CR-102']);
      assert.deepStrictEqual(ids(found?.flags), ['F-20261110-r2xd', 'F-20261112-q7hm']);
      assert.deepStrictEqual(ids(found?.milestones), ['M1', 'M2']);
    });

    it('lists every feature in All Features, reported status beside reality', async () => {
      const store = new AlignmentStore();
      const all = new AllFeaturesProvider(store, NO_SUSPECT_MARKS, 'name');
      try {
        await all.whenDrawn();
        const rows = all.getChildren().map((node) => {
          const item = node.treeItem();
          return `${typeof item.label === 'string' ? item.label : item.label?.label ?? ''} — ${String(item.description)}`;
        });
        assert.strictEqual(rows.length, 7, JSON.stringify(rows)); // six features and the legend
        assert.ok(rows.includes('payments · on-track 85% ≠ — reality: 2 flags (1 critical, 1 high) · 1 invalidated · 1 no-go · 2 high risks · upstream: cart-pricing at-risk'), JSON.stringify(rows));
      } finally {
        all.dispose();
        store.dispose();
      }
    });

    it('shows the CodeLenses and a hover card of a tag', async () => {
      const document = await vscode.workspace.openTextDocument(file(PAYMENT_SERVICE));
      const lenses = await waitFor(
        'the module lens shows',
        async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ?? [],
        (found) => found.some((lens) => lens.command?.title.startsWith('Serves ')),
      );
      const titles = lenses.map((lens) => lens.command?.title ?? '');
      assert.ok(titles.includes('Serves Nordlicht Coworking GmbH (CR-101) · Café Mireille SARL (CR-102)'), JSON.stringify(titles));
      assert.ok(titles.some((title) => title.startsWith('F-20261112-q7hm')), JSON.stringify(titles));

      const position = new vscode.Position(2, document.lineAt(2).text.indexOf('CR-101') + 2);
      const cards = await waitFor('the hover card shows', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        // Markdown escapes removed: what the card shows.
        return (hovers ?? []).flatMap((hover) => hover.contents).map((content) => (content instanceof vscode.MarkdownString ? content.value : String(content)).replace(/\\(.)/g, '$1'));
      }, (found) => found.length > 0);
      assert.ok(cards.some((card) => card.startsWith('**Request CR-101**')), JSON.stringify(cards));
    });

    it('puts the example\'s problem in the Problems panel', async () => {
      const milestones = file('.alignment/milestones/payments.yaml');
      const codes = await waitFor(
        'the example\'s problem shows',
        () => vscode.languages.getDiagnostics(milestones).filter((diagnostic) => diagnostic.source === 'truthline').map((diagnostic) => String(diagnostic.code)),
        (found) => found.length > 0,
      );
      assert.deepStrictEqual(codes, ['no-go-but-on-track']);
    });

    it('offers no lightbulb action that would write', async () => {
      const document = await vscode.workspace.openTextDocument(file(PAYMENT_SERVICE));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(3, 0, 3, 0));
      const ours = (actions ?? []).filter((action) => action.command?.command.startsWith('truthline.'));
      assert.deepStrictEqual(ours.map((action) => action.title), []);
    });
  });

  describe('refuses every command that writes, saying why and what to do', () => {
    const range = new vscode.Range(29, 0, 31, 0);
    const commands: [string, string, () => unknown][] = [
      ['raise a flag by argument object', Commands.raiseFlag, () => ({ reality: 'Only the sandbox works', feature: 'payments', about: 'M2', severity: 'high', uri: file(PAYMENT_SERVICE), range })],
      ['raise a flag by role only', Commands.raiseFlag, () => ({ reality: 'Only the sandbox works', feature: 'payments', anonymous: true })],
      ['raise a flag from the palette on a selection', Commands.raiseFlag, () => undefined],
      ['acknowledge a flag', Commands.acknowledgeFlag, () => ({ id: 'F-20261112-q7hm' })],
      ['resolve a flag', Commands.resolveFlag, () => ({ id: 'F-20261112-q7hm', note: 'Fixed in #481' })],
      ['reopen a flag', Commands.reopenFlag, () => ({ id: 'F-20261103-b8kt', note: 'Amex still fails' })],
      ['set an assumption status', Commands.setAssumptionStatus, () => ({ id: 'A-2', status: 'validated', evidence: '3% challenged' })],
      ['set a gate call', Commands.setGateCall, () => ({ id: 'M2', role: 'Security', call: 'go', reason: 'Signatures verified' })],
      ['re-anchor a flag', Commands.reanchorFlag, () => ({ id: 'F-20261112-q7hm', uri: file(PAYMENT_SERVICE), range })],
      ['initialize .alignment/', Commands.initialize, () => undefined],
      ['create a feature', Commands.newFeature, () => undefined],
      ['create a customer request', Commands.newRequest, () => undefined],
      ['create an assumption', Commands.newAssumption, () => undefined],
      ['create a risk', Commands.newRisk, () => undefined],
      ['create a milestone', Commands.newMilestone, () => undefined],
      ['create a decision', Commands.newDecision, () => undefined],
      ['add the active file to a feature', Commands.addFileToFeature, () => undefined],
    ];

    before(async () => {
      // The palette's raise works on the active editor's selection: give it one.
      const editor = await vscode.window.showTextDocument(file(PAYMENT_SERVICE));
      editor.selection = new vscode.Selection(range.start, range.end);
      messages.take();
    });

    for (const [what, command, argument] of commands) {
      it(`${what} (${command})`, async () => {
        // A prompt would mean the command went on as if it could write: fail instead of waiting for an answer.
        const running = Promise.resolve(vscode.commands.executeCommand(command, argument()));
        let answered = false;
        running.then(() => { answered = true; }, () => { answered = true; });
        try {
          await waitUntil('the command answers without opening a prompt', () => answered, { timeoutMs: 10_000 });
        } catch (error) {
          await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
          throw error;
        }
        assert.strictEqual(await running, undefined, 'nothing written, nothing returned');
        // What the command started without waiting for it (a read of git config, say) gets time to happen.
        await holdsFor('.alignment/ stays byte-identical and git config unread', () => isDeepStrictEqual(alignmentFiles(), original) && readGitConfigs().length === 0, 500);
        assert.deepStrictEqual(alignmentFiles(), original, '.alignment/ is byte-identical');
        assert.deepStrictEqual(readGitConfigs(), [], 'git config is not read');
        const shown = messages.take();
        assert.strictEqual(shown.length, 1, `one message: ${JSON.stringify(shown)}`);
        const [message] = shown as [Message];
        assert.match(message.text, /Restricted Mode/, `says why: ${message.text}`);
        assert.match(message.text, /\btrust\b/i, `says what to do: ${message.text}`);
        assert.deepStrictEqual(message.actions, ['Manage Workspace Trust'], 'offers to do it');
      });
    }
  });

  describe('does not read git config', () => {
    it('takes no author from git config', async () => {
      const author = await currentAuthor(root());
      assert.notStrictEqual(author.source, 'git');
      assert.notStrictEqual(author.name, GIT_NAME);
      assert.deepStrictEqual(readGitConfigs(), [], 'git config is not read');
    });

    it('runs no git: the API has no change impact to give', async () => {
      assert.strictEqual(await truthline.impact(), undefined);
      assert.deepStrictEqual(readGitConfigs(), [], 'git config is not read');
    });

    it('runs no git: the exported report has no trend and says why', async () => {
      const target = vscode.Uri.file(path.join(os.tmpdir(), `truthline-restricted-report-${process.pid}.md`));
      try {
        await vscode.commands.executeCommand(Commands.exportReport, target);
        const text = fs.readFileSync(target.fsPath, 'utf8');
        assert.match(text, /Restricted Mode: git is not run in an untrusted workspace/);
        assert.deepStrictEqual(readGitConfigs(), [], 'git config is not read');
      } finally {
        fs.rmSync(target.fsPath, { force: true });
      }
    });

    it('would see a read of git config (the probe works on this file system)', () => {
      for (const name of gitConfigFiles()) fs.readFileSync(name);
      assert.deepStrictEqual(readGitConfigs(), gitConfigFiles(), 'reading moves the access time; on a noatime mount this test cannot prove anything');
    });
  });
});
