// Creating items from the palette in the real VS Code: each New … command driven through its prompts writes
// one new file that loads with no problem, the store has it at once and the editor opens at its id; an id
// that exists is refused as it is typed; Escape at any step writes nothing. Add This File to a Feature adds
// the path in place and the Current Feature view follows. The walkthrough's buttons name real commands.
// Every file a test writes is deleted or restored after it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { parseAlignmentFile } from '../../src/core';
import type { TruthlineApi } from '../../src/extension/api/api';
import { Commands, EXTENSION_ID, Walkthroughs } from '../../src/extension/constants';
import { AlignmentStore } from '../../src/extension/workspace/alignmentStore';
import { CurrentFeatureProvider } from '../../src/extension/views/currentFeature/currentFeatureProvider';
import { FollowedFile } from '../../src/extension/views/currentFeature/followedFile';
import { readViewSettings } from '../../src/extension/views/viewSettings';
import { revertAllAndClose } from './editors';
import { MessageSpy } from './messages';
import { ENTER, ESCAPE, FILL, PromptScript, type Step } from './prompts';
import { waitFor, waitUntil } from './waiting';
import { file, remove, root, write } from './workspaceFiles';
import { NO_SUSPECT_MARKS } from '../../src/extension/views/tree/rowsInput';

const PAYMENT_SERVICE = 'src/payments/paymentService.ts';
const AWKWARD = 'She said: "it\'s #1 for us" - every Monday';

async function read(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(file(relative)));
}

/** Every file of .alignment/ with its text, to prove a cancelled command wrote nothing. */
async function alignmentFiles(): Promise<Map<string, string>> {
  const uris = await vscode.workspace.findFiles('.alignment/**');
  const entries = await Promise.all(uris.map(async (uri) => [uri.path, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))] as const));
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

function relativeOf(uri: vscode.Uri): string {
  return uri.path.slice(root().path.length + 1);
}

describe('Creating items', function () {
  this.timeout(60_000);
  const prompts = new PromptScript();
  const messages = new MessageSpy();
  let truthline: TruthlineApi;
  const created: string[] = [];

  async function run(command: string, ...steps: Step[]): Promise<vscode.Uri | undefined> {
    prompts.answer(...steps);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(command);
    if (uri) created.push(relativeOf(uri));
    prompts.assertDone();
    return uri;
  }

  /** The new file: loads with no problem, holds one item; the store has it; the editor shows it at its id. */
  async function checkCreated(uri: vscode.Uri | undefined, path: string, id: string): Promise<Record<string, unknown>> {
    assert.ok(uri, 'the command returns the new file');
    assert.strictEqual(relativeOf(uri), path);
    const text = await read(path);
    const parsed = parseAlignmentFile(path, text);
    assert.deepStrictEqual(parsed.problems.map((problem) => problem.message), [], text);
    assert.deepStrictEqual(parsed.items.map((entry) => entry.id), [id]);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), uri.toString(), 'the new file is open');
    const line = text.split('\n').findIndex((candidate) => candidate === `id: ${id}`);
    assert.strictEqual(editor.selection.start.line, line, 'the cursor is at the id');
    return parse(text) as Record<string, unknown>;
  }

  before(async () => {
    const extension = vscode.extensions.getExtension<TruthlineApi>(EXTENSION_ID);
    assert.ok(extension);
    truthline = await extension.activate();
    await waitFor('the store has read the example', async () => (await truthline.itemsFor(file(PAYMENT_SERVICE)))?.features.length ?? 0, (count) => count > 0);
    prompts.install();
    messages.install();
  });

  after(async () => {
    prompts.restore();
    messages.restore();
    await revertAllAndClose();
  });

  beforeEach(async () => {
    await vscode.window.showTextDocument(file(PAYMENT_SERVICE));
    messages.take();
  });

  afterEach(async () => {
    await revertAllAndClose();
    for (const path of created.splice(0)) await remove(path);
    // The suites after this one read the example as it was.
    await waitUntil('the store is back to the example', async () => (await truthline.itemsFor(file(PAYMENT_SERVICE)))?.features.length === 1);
  });

  describe('New … commands', () => {
    it('New Feature: title, the id made from it, and the active file\'s folder as its paths', async () => {
      const uri = await run(Commands.newFeature, { type: 'Gift cards: the #1 ask' }, ENTER, ENTER);
      const [title, id, paths] = prompts.shown;
      assert.strictEqual(title?.title, 'New Feature (1/3)');
      assert.strictEqual(id?.value, 'gift-cards-the-1-ask', 'the id is made from the title');
      assert.strictEqual(paths?.value, 'src/payments/', 'the paths offered are the active file\'s folder');
      const data = await checkCreated(uri, '.alignment/features/gift-cards-the-1-ask.yaml', 'gift-cards-the-1-ask');
      assert.deepStrictEqual(data, { kind: 'feature', id: 'gift-cards-the-1-ask', title: 'Gift cards: the #1 ask', paths: ['src/payments/'] });
      const found = await truthline.itemsFor(file(PAYMENT_SERVICE));
      assert.ok(found?.features.some((feature) => feature.id === 'gift-cards-the-1-ask'), 'the store has it at once');
    });

    it('New Customer Request: an id that exists is refused as it is typed; the quote is kept as typed', async () => {
      const uri = await run(Commands.newRequest, { type: ['CR-101', 'CR-900'] }, { type: 'Café Mireille SARL' }, { type: AWKWARD }, ENTER);
      const [id, , , features] = prompts.shown;
      assert.match(String(id?.value), /^CR-\d+$/);
      assert.deepStrictEqual(id?.refused, ['CR-101 already exists in .alignment/: choose another id.']);
      assert.deepStrictEqual(features?.chosen?.map((label) => label.includes('payments')), [true], 'the feature covering the active file is checked');
      const data = await checkCreated(uri, '.alignment/requests/CR-900.yaml', 'CR-900');
      assert.strictEqual(data.customer, 'Café Mireille SARL');
      assert.strictEqual(data.quote, AWKWARD);
      assert.deepStrictEqual(data.features, ['payments']);
      assert.strictEqual(data.status, 'open');
    });

    it('New Assumption: the next free A-n, and the feature picked', async () => {
      const uri = await run(Commands.newAssumption, ENTER, { type: '- Customers find it\nwithout being told' }, { pick: 'receipts' });
      const proposed = String(prompts.shown[0]?.value);
      const data = await checkCreated(uri, `.alignment/assumptions/${proposed}.yaml`, proposed);
      assert.deepStrictEqual(data, { kind: 'assumption', id: proposed, statement: '- Customers find it\nwithout being told', feature: 'receipts', status: 'untested' });
    });

    it('New Risk: pre-mortem, likelihood, impact, optional early warning and mitigation, feature', async () => {
      const uri = await run(Commands.newRisk, ENTER, { type: AWKWARD }, { pick: 'high' }, ENTER, { type: '' }, { type: 'Load-test first' }, { pick: 'No feature' });
      const proposed = String(prompts.shown[0]?.value);
      assert.strictEqual(prompts.shown.length, 7);
      const data = await checkCreated(uri, `.alignment/risks/${proposed}.yaml`, proposed);
      assert.deepStrictEqual(data, { kind: 'risk', id: proposed, risk: AWKWARD, likelihood: 'high', impact: 'medium', mitigationStrategy: 'Load-test first', status: 'open' });
    });

    it('New Milestone: title, a due date checked as typed, feature', async () => {
      const uri = await run(Commands.newMilestone, { type: 'M-77' }, { type: 'First customer live' }, { type: ['next week', '2026-12-24'] }, ENTER);
      assert.deepStrictEqual(prompts.shown[2]?.refused.length, 1, 'a date that is no date is refused');
      const data = await checkCreated(uri, '.alignment/milestones/M-77.yaml', 'M-77');
      assert.deepStrictEqual(data, { kind: 'milestone', id: 'M-77', title: 'First customer live', feature: 'payments', due: '2026-12-24' });
    });

    it('New Decision: who asked, a request with its customer and features', async () => {
      const uri = await run(Commands.newDecision, { type: 'D-77' }, { type: 'Ship the simple version first' }, { pick: 'CR-102' });
      const data = await checkCreated(uri, '.alignment/decisions/D-77.yaml', 'D-77');
      assert.strictEqual(data.title, 'Ship the simple version first');
      assert.deepStrictEqual((data.sources as { request?: string }[]).map((source) => source.request), ['CR-102']);
      assert.ok(Array.isArray(data.features) && data.features.length > 0, 'the request\'s features');
      assert.match(String(data.decidedAt), /^\d{4}-\d{2}-\d{2}$/);
    });

    it('refuses a feature id that exists, saying so', async () => {
      const uri = await run(Commands.newFeature, { type: 'Payments' }, { type: ['payments', 'receipts', 'two words'] });
      assert.strictEqual(uri, undefined);
      assert.deepStrictEqual(prompts.shown[1]?.refused.slice(0, 2), ['payments already exists in .alignment/: choose another id.', 'receipts already exists in .alignment/: choose another id.']);
      assert.match(prompts.shown[1]?.refused[2] ?? '', /starts with a letter/);
      assert.strictEqual(prompts.shown[1]?.value, 'payments-2', 'the proposal is free');
    });
  });

  describe('Escape at any step writes nothing', () => {
    const commands: [string, string, number][] = [
      ['New Feature', Commands.newFeature, 3],
      ['New Customer Request', Commands.newRequest, 4],
      ['New Assumption', Commands.newAssumption, 3],
      ['New Risk', Commands.newRisk, 7],
      ['New Milestone', Commands.newMilestone, 4],
      ['New Decision', Commands.newDecision, 3],
    ];
    for (const [name, command, count] of commands) {
      it(`${name}: at each of its ${count} steps`, async () => {
        const before = await alignmentFiles();
        for (let escapeAt = 0; escapeAt < count; escapeAt++) {
          const answered = await run(command, ...Array<Step>(escapeAt).fill(FILL), ESCAPE);
          assert.strictEqual(answered, undefined, `${name}: Escape at step ${escapeAt + 1} returns nothing`);
          assert.strictEqual(prompts.shown.length, escapeAt + 1, `${name}: stopped at step ${escapeAt + 1}`);
        }
        assert.deepStrictEqual(await alignmentFiles(), before, '.alignment/ is unchanged');
        assert.deepStrictEqual(messages.take(), [], 'nothing to say');
      });
    }
  });

  describe('Add This File to a Feature', () => {
    const NEW_FILE = 'src/gift/giftCards.ts';
    const RECEIPTS = '.alignment/features/receipts.yaml';
    let original: string;
    let store: AlignmentStore;
    let followed: FollowedFile;
    let current: CurrentFeatureProvider;

    before(async () => {
      original = await read(RECEIPTS);
      await write(NEW_FILE, ['export const giftCards = [];']);
      store = new AlignmentStore();
      await store.ready;
      followed = new FollowedFile(store);
      current = new CurrentFeatureProvider(store, NO_SUSPECT_MARKS, followed, readViewSettings);
    });

    after(async () => {
      current.dispose();
      followed.dispose();
      store.dispose();
      await remove(NEW_FILE);
      await vscode.workspace.fs.writeFile(file(RECEIPTS), new TextEncoder().encode(original));
    });

    it('adds the file\'s path to the feature picked, in place, and the Current Feature view shows the feature', async () => {
      await vscode.window.showTextDocument(file(NEW_FILE));
      current.getChildren();
      await waitUntil('the view says no feature covers the file', () => {
        current.getChildren();
        return current.summary.uri?.toString() === file(NEW_FILE).toString() && current.summary.state === 'uncovered';
      });
      prompts.answer({ pick: 'receipts' });
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.addFileToFeature);
      prompts.assertDone();
      assert.strictEqual(uri?.toString(), file(RECEIPTS).toString());
      assert.match(prompts.shown[0]?.title ?? '', /src\/gift\/giftCards\.ts/);
      const after = await read(RECEIPTS);
      assert.strictEqual(after, original.replace('  - src/receipts/\n', `  - src/receipts/\n  - ${NEW_FILE}\n`), 'one line added, the rest kept byte for byte');
      const found = await truthline.itemsFor(file(NEW_FILE));
      assert.deepStrictEqual(found?.features.map((feature) => feature.id), ['receipts'], 'the store has it when the command returns');
      await waitUntil('the Current Feature view shows receipts', () => {
        current.getChildren();
        return current.summary.state === 'items' && current.summary.features.some((feature) => feature.id === 'receipts');
      });
    });

    it('says the feature covers the file already, and writes nothing', async () => {
      await vscode.window.showTextDocument(file(PAYMENT_SERVICE));
      const before = await read('.alignment/features/payments.yaml');
      prompts.answer({ pick: 'payments' });
      assert.strictEqual(await vscode.commands.executeCommand(Commands.addFileToFeature, file(PAYMENT_SERVICE)), undefined);
      prompts.assertDone();
      assert.strictEqual(await read('.alignment/features/payments.yaml'), before);
      assert.ok(messages.take().some((message) => /payments already covers src\/payments\/paymentService\.ts/.test(message.text)));
    });

    it('writes nothing on Escape', async () => {
      await vscode.window.showTextDocument(file(NEW_FILE));
      const before = await alignmentFiles();
      prompts.answer(ESCAPE);
      assert.strictEqual(await vscode.commands.executeCommand(Commands.addFileToFeature), undefined);
      prompts.assertDone();
      assert.deepStrictEqual(await alignmentFiles(), before);
    });
  });

  describe('Insert Comment Tag', () => {
    it('writes the tag of the item picked above the cursor\'s line, as a comment of the file\'s language, at its indentation', async () => {
      const editor = await vscode.window.showTextDocument(file(PAYMENT_SERVICE));
      const line = editor.document.getText().split('\n').findIndex((text) => /^\s+\S/.test(text));
      assert.ok(line > 0, 'an indented line');
      const indent = /^\s*/.exec(editor.document.lineAt(line).text)?.[0] ?? '';
      editor.selection = new vscode.Selection(line, 4, line, 4);
      prompts.answer({ pick: 'R-1:' });
      const written = await vscode.commands.executeCommand<string | undefined>(Commands.insertTag);
      prompts.assertDone();
      assert.strictEqual(written, '// @risk R-1');
      assert.strictEqual(editor.document.lineAt(line).text, `${indent}// @risk R-1`);
      assert.ok(editor.document.isDirty, 'typed into the editor, not saved');
      const rows = prompts.shown[0]?.items ?? [];
      const first = rows.findIndex((label) => label.includes('R-1:'));
      const outside = rows.findIndex((label) => label.includes('R-6:'));
      assert.ok(first >= 0 && outside > first, 'the items of the file\'s feature come first');
    });

    it('writes nothing on Escape', async () => {
      const editor = await vscode.window.showTextDocument(file(PAYMENT_SERVICE));
      prompts.answer(ESCAPE);
      assert.strictEqual(await vscode.commands.executeCommand(Commands.insertTag), undefined);
      prompts.assertDone();
      assert.strictEqual(editor.document.isDirty, false);
    });
  });

  describe('Getting Started walkthrough', () => {
    interface WalkthroughStep { id: string; description: string; completionEvents?: string[] }

    it('is contributed, and its buttons and completion events name commands that exist', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      const walkthroughs = extension?.packageJSON.contributes.walkthroughs as { id: string; steps: WalkthroughStep[] }[];
      const walkthrough = walkthroughs.find((candidate) => candidate.id === Walkthroughs.gettingStarted);
      assert.ok(walkthrough, 'the walkthrough is contributed');
      assert.deepStrictEqual(walkthrough.steps.map((step) => step.id), ['describeFeature', 'customerRequest', 'preMortemRisk', 'tagCode', 'raiseFlag']);
      const known = new Set(await vscode.commands.getCommands(true));
      for (const step of walkthrough.steps) {
        const events = (step.completionEvents ?? []).filter((event) => event.startsWith('onCommand:')).map((event) => event.slice('onCommand:'.length));
        assert.ok(events.length > 0, `${step.id} ticks when its command runs`);
        for (const command of events) assert.ok(known.has(command), `${step.id}: ${command} is registered`);
      }
      for (const command of [Commands.newFeature, Commands.newRequest, Commands.newRisk, Commands.insertTag, Commands.raiseFlag]) {
        assert.ok(known.has(command), `${command} is registered`);
      }
    });

    it('opens', async () => {
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', Walkthroughs.gettingStartedFull, false);
    });
  });
});
