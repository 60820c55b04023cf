// The sidebar's trees in the real VS Code, built by the same providers the extension registers, on a store
// of their own: what each row says, in what order, where it leads, and how fast the rows follow the editor
// and the files. Every file a test writes is removed after it, and every edit is reverted unsaved.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/extension/constants';
import { AlignmentStore } from '../../src/extension/workspace/alignmentStore';
import { AllFeaturesProvider } from '../../src/extension/views/allFeatures/allFeaturesProvider';
import { CurrentFeatureProvider } from '../../src/extension/views/currentFeature/currentFeatureProvider';
import { currentFeatureRoots } from '../../src/extension/views/currentFeature/currentFeatureTree';
import { NO_SUSPECT_MARKS, plainRowsInput } from '../../src/extension/views/tree/rowsInput';
import { FollowedFile } from '../../src/extension/views/currentFeature/followedFile';
import { ItemNode, type TreeNode } from '../../src/extension/views/tree/treeNode';
import { readViewSettings } from '../../src/extension/views/viewSettings';
import { revertAndClose } from './editors';
import { hoveredTooltip } from './hoveredRow';
import { holdsFor, waitUntil } from './waiting';
import { file, remove, write } from './workspaceFiles';

/** A measured figure, printed with the suite's own output (plain console.log goes to the workbench's log). */
function report(text: string): void {
  Mocha.reporters.Base.consoleLog(`      ${text}`);
}

/** The rows follow the editor and the files within milliseconds (some tests measure it): ask often. */
const OFTEN = { intervalMs: 25 };

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
/** A row as one line: "label — description". */
const line = (node: TreeNode): string => {
  const item = node.treeItem();
  return item.description ? `${labelOf(item)} — ${String(item.description)}` : labelOf(item);
};
const idOf = (node: TreeNode): string => (node instanceof ItemNode ? node.entry.id : labelOf(node.treeItem()));
const child = (node: TreeNode | undefined, label: string): TreeNode => {
  const found = node?.children().find((candidate) => labelOf(candidate.treeItem()) === label);
  assert.ok(found, `no row "${label}" under ${node ? line(node) : 'nothing'}`);
  return found;
};

function everyNode(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((node) => [node, ...everyNode(node.children())]);
}

describe('Views: the trees', () => {
  let store: AlignmentStore;
  let followed: FollowedFile;
  let current: CurrentFeatureProvider;
  let all: AllFeaturesProvider;

  before(async () => {
    store = new AlignmentStore();
    await store.ready;
    followed = new FollowedFile(store);
    current = new CurrentFeatureProvider(store, NO_SUSPECT_MARKS, followed, readViewSettings);
    all = new AllFeaturesProvider(store, NO_SUSPECT_MARKS, 'name');
    await store.ready;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const disposable of [all, current, followed, store]) disposable.dispose();
  });

  async function follow(relative: string, state = 'items'): Promise<TreeNode[]> {
    await vscode.window.showTextDocument(file(relative));
    await waitUntil(`the view follows ${relative}`, () => current.summary.uri?.toString() === file(relative).toString() && current.summary.state === state, OFTEN);
    return current.getChildren();
  }

  describe('Current Feature', () => {
    it('shows the feature of a payments file with its groups in order and counts', async () => {
      const [feature, ...others] = await follow('src/payments/paymentService.ts');
      assert.ok(feature);
      assert.strictEqual(others.length, 0);
      assert.strictEqual(line(feature), 'payments · on-track 85% ≠ — reality disagrees · upstream: cart-pricing at-risk · Card payments with 3-D Secure (Strong Customer Authentication)');
      const item = feature.treeItem();
      assert.strictEqual(item.contextValue, 'truthline.feature.disagrees');
      assert.deepStrictEqual([(item.iconPath as vscode.ThemeIcon).id, (item.iconPath as vscode.ThemeIcon).color?.id], ['error', 'charts.red']);
      assert.deepStrictEqual(feature.children().map(line), [
        'Customer Requests — 2',
        'Assumptions — 2 · 1 invalidated',
        'Pre-mortem Risks — 2 · 2 high',
        'Milestones — 2 · 1 blocked',
        'Truth Flags — 2 · 1 critical',
        'Upstream — 1 · cart-pricing at-risk',
        'Decisions — 1',
      ]);
      // A screen reader hears each count in words, one or many.
      assert.deepStrictEqual(feature.children().map((group) => group.treeItem().accessibilityInformation?.label), [
        'Customer Requests · 2 requests',
        'Assumptions · 2 assumptions · 1 invalidated',
        'Pre-mortem Risks · 2 risks · 2 high',
        'Milestones · 2 milestones · 1 blocked',
        'Truth Flags · 2 flags · 1 critical',
        'Upstream · 1 item · cart-pricing at-risk',
        'Decisions · 1 decision',
      ]);
      // The acknowledged flag is unresolved too: the status bar says both apart.
      assert.deepStrictEqual(current.summary.flags, { open: 1, acknowledged: 1 });
    });

    it('orders each group: invalidated assumptions, the riskiest risks, blocked milestones and open flags first', async () => {
      const [feature] = await follow('src/payments/paymentService.ts');
      assert.deepStrictEqual(child(feature, 'Assumptions').children().map(idOf), ['A-2', 'A-1']);
      const risks = child(feature, 'Pre-mortem Risks').children().map(line);
      assert.strictEqual(risks.length, 2);
      // The facts first, then the risk whole, on one line: the tree cuts it where the side bar ends.
      assert.strictEqual(risks[0], 'R-1 · high × high — this file · The challenge flow worked in the sandbox, but in production the bank sent customers back to the staging host. Every challenged payment failed for four days before anyone noticed, and we lost roughly a third of EU orders in the week before Christmas.');
      assert.strictEqual(risks[1], 'R-2 · medium × high — A forged webhook marked unpaid orders as paid, the warehouse shipped them, and finance found the gap three weeks later in the reconciliation.');
      const milestones = child(feature, 'Milestones').children();
      assert.deepStrictEqual(milestones.map(idOf), ['M2', 'M1']);
      assert.strictEqual(line(milestones[0] as TreeNode), 'M2 · blocked — due 2026-11-25 · this file · SCA switched on for all EU cards in production');
      assert.strictEqual(milestones[0]?.treeItem().contextValue, 'truthline.milestone.blocked');
      // Its gates, then where it is in the code.
      const milestoneRows = milestones[0]?.children() ?? [];
      assert.deepStrictEqual(milestoneRows.slice(0, -1).map(line), ['Security · no-go — Ingrid Solberg', 'Customer support · pending — Ravi Menon', 'Finance · go — Anouk de Vries']);
      assert.strictEqual(labelOf((milestoneRows.at(-1) as TreeNode).treeItem()), 'In the code');
      const flags = child(feature, 'Truth Flags').children();
      assert.deepStrictEqual(flags.map(idOf), ['F-20261112-q7hm', 'F-20261110-r2xd']);
      assert.deepStrictEqual(flags.map((flag) => flag.treeItem().contextValue), ['truthline.flag.open', 'truthline.flag.acknowledged']);
      assert.match(line(flags[0] as TreeNode), /^F-20261112-q7hm · critical — \d+ (days|weeks|months) · this file · \S/);
      assert.match(line(flags[1] as TreeNode), /^F-20261110-r2xd · high · acknowledged — \d+ (days|weeks|months) · \S/);
      assert.match(line(child(feature, 'Upstream').children()[0] as TreeNode), /^R-3 · high × medium · occurred — from cart-pricing · Carts expired while customers confirmed the payment in [^…]+$/);
      assert.deepStrictEqual(child(feature, 'Customer Requests').children().map(idOf), ['CR-101', 'CR-102']);
      assert.match(line(child(feature, 'Customer Requests').children()[0] as TreeNode), /^CR-101 — this file · Nordlicht Coworking GmbH: “Since last week about half of our orders fail at the card step\.[^…]*”$/);
    });

    it('says on a feature whose own items are clean that what it depends on is in trouble', async () => {
      const [feature] = await follow('src/api/checkoutController.ts');
      assert.ok(feature);
      assert.strictEqual(line(feature), 'checkout-api · on-track 75% — upstream: payments blocked, cart-pricing at-risk · Checkout API (start checkout, return from 3-D Secure, webhooks endpoint)');
      const item = feature.treeItem();
      assert.deepStrictEqual([(item.iconPath as vscode.ThemeIcon).id, (item.iconPath as vscode.ThemeIcon).color?.id], ['type-hierarchy-super', 'charts.yellow']);
      // The tooltip's Markdown escapes punctuation; read it as the hover shows it.
      const tooltip = (await hoveredTooltip(current, feature)).value.replace(/\\/g, '');
      assert.match(tooltip, /\n\n\*Trouble upstream:\* Nothing wrong of its own/);
      assert.match(tooltip, /\*Upstream:\*\n- payments: blocked by a no-go gate\n- cart-pricing: reported at-risk/);
      assert.match(item.accessibilityInformation?.label ?? '', /Trouble upstream · upstream: payments blocked, cart-pricing at-risk/);
      const upstream = child(feature, 'Upstream');
      assert.strictEqual(upstream.treeItem().accessibilityInformation?.label?.split(' · ').slice(0, 2).join(' · '), `Upstream · ${upstream.children().length === 1 ? '1 item' : `${upstream.children().length} items`}`);
    });

    it('opens an item\'s YAML at its line from its row', async () => {
      const [feature] = await follow('src/payments/paymentService.ts');
      const risk = child(feature, 'Pre-mortem Risks').children()[0] as TreeNode;
      const command = risk.treeItem().command;
      assert.ok(command);
      assert.strictEqual(command.command, Commands.openItem);
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      await waitUntil('the YAML is open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.alignment/risks/pre-mortem-payments.yaml') === true, OFTEN);
      const cursor = vscode.window.activeTextEditor?.selection.active;
      assert.deepStrictEqual([cursor?.line, cursor?.character], [2, 2]);
      // The YAML is not a source file: the view keeps showing payments.
      assert.strictEqual(current.summary.uri?.path.endsWith('/paymentService.ts'), true);
      const gate = child(feature, 'Milestones').children()[0]?.children()[0];
      const gateCommand = gate?.treeItem().command;
      await vscode.commands.executeCommand(gateCommand?.command ?? '', ...(gateCommand?.arguments ?? []));
      await waitUntil('the gate is selected', () => vscode.window.activeTextEditor?.selection.active.line === 30, OFTEN);
    });

    it('follows the editor to another feature, keeps still on .alignment/ files, and says when nothing covers a file', async () => {
      const [pricing] = await follow('src/pricing/tax.ts');
      assert.strictEqual(line(pricing as TreeNode), 'cart-pricing · at-risk 60% — Cart, discounts and VAT (including reverse charge for EU businesses)');
      assert.strictEqual(child(pricing, 'Pre-mortem Risks').children().map(idOf).join(' '), 'R-3 R-7 R-4 R-5');
      assert.ok(!pricing?.children().some((group) => labelOf(group.treeItem()) === 'Truth Flags'), 'its only flag is resolved');
      await vscode.window.showTextDocument(file('.alignment/features/payments.yaml'));
      await holdsFor('the view keeps cart-pricing while a .alignment/ file is open', () => current.summary.features[0]?.id === 'cart-pricing', 400);
      assert.deepStrictEqual(await follow('jobs/test_nightly_reconciliation.py', 'uncovered'), []);
      // An untitled scratch changes nothing; a file from outside the workspace says where it is.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: '// @risk R-1\n' }));
      await holdsFor('the view stays on the uncovered file while an untitled scratch is open', () => current.summary.state === 'uncovered', 400);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      const outside = path.join(os.tmpdir(), `truthline-views-outside-${process.pid}.ts`);
      fs.writeFileSync(outside, 'export {};\n');
      try {
        await vscode.window.showTextDocument(vscode.Uri.file(outside));
        await waitUntil('the view says the file is outside', () => current.summary.state === 'noFolderAlignment', OFTEN);
        assert.deepStrictEqual(current.getChildren(), []);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        fs.rmSync(outside, { force: true });
      }
    });

    it('ties a file to an item as soon as a comment tag is typed, before any save', async () => {
      await follow('jobs/test_nightly_reconciliation.py', 'uncovered');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# @risk R-8\n'));
      await waitUntil('the tag pulls in settlement-export', () => current.summary.features[0]?.id === 'settlement-export', OFTEN);
      const [feature] = current.getChildren();
      const risk = child(feature, 'Pre-mortem Risks').children()[0];
      assert.match(line(risk as TreeNode), /^R-8 · high × medium — this file · \S/);
      await revertAndClose(editor.document);
    });

    it('puts what the file\'s tags name outside its features under "Tied to this file"', async () => {
      // cart.ts is cart-pricing's, and a tag in it serves Harbour Lane's request of the receipts feature.
      const roots = await follow('src/cart/cart.ts');
      assert.deepStrictEqual(roots.map(line), ['cart-pricing · at-risk 60% — Cart, discounts and VAT (including reverse charge for EU businesses)', 'Tied to this file — cart.ts']);
      const tied = roots[1];
      assert.strictEqual(tied?.treeItem().contextValue, 'truthline.file');
      assert.deepStrictEqual(tied?.children().map(line), ['Customer Requests — 1']);
      assert.match(line(tied?.children()[0]?.children()[0] as TreeNode), /^CR-\d+ — this file · Harbour Lane Hotels: “Our finance team cannot book an invoice without our PO number on it\.[^…]*”$/);
    });

    it('shows items tied to a file directly even when no feature covers it, with tooltips that cannot run anything', async () => {
      const LOOSE = '.alignment/requests/zz-views-loose.yaml';
      try {
        await write(LOOSE, [
          'kind: request',
          'id: CR-loose',
          'customer: <img src=x onerror=alert(1)> Mallory & Co',
          'quote: "[Quit](command:workbench.action.quit) **now** <script>alert(1)</script> $(zap)"',
          'paths: [README.md]',
        ]);
        const roots = await follow('README.md');
        assert.deepStrictEqual(roots.map(line), ['Customer Requests — 1']);
        const request = roots[0]?.children()[0];
        assert.ok(request);
        const tooltip = await hoveredTooltip(current, request);
        assert.ok(!tooltip.isTrusted, 'not trusted');
        assert.ok(!tooltip.supportHtml, 'no HTML');
        assert.ok(!tooltip.supportThemeIcons, 'no theme icons');
        // Every <, [ and ` from YAML is escaped: no tag, link or code span can form.
        assert.ok(!/(?<!\\)[<[`]/.test(tooltip.value), tooltip.value);
        for (const raw of ['](command:', '**now**']) assert.ok(!tooltip.value.includes(raw), `"${raw}" is escaped in ${tooltip.value}`);
        assert.ok(tooltip.value.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), tooltip.value);
      } finally {
        await remove(LOOSE);
      }
    });

    it('keeps a risk written wrong, marked with an error icon, its problem in the tooltip, opening at the problem', async () => {
      const BROKEN = '.alignment/risks/zz-views-broken.yaml';
      try {
        await write(BROKEN, [
          'kind: risk',
          'id: R-zz-broken',
          'risk: Refunds double-post when the webhook retries.',
          'likelihood: extreme',
          'impact: high',
          'paths: [README.md]',
        ]);
        await follow('README.md');
        const find = (): TreeNode | undefined => everyNode(current.getChildren()).find((node) => idOf(node) === 'R-zz-broken');
        await waitUntil('the risk is shown', () => find() !== undefined, OFTEN);
        const risk = find() as TreeNode;
        const row = risk.treeItem();
        assert.strictEqual(line(risk), 'R-zz-broken · (no likelihood) × high — 1 problem · this file · Refunds double-post when the webhook retries.');
        assert.strictEqual((row.iconPath as vscode.ThemeIcon).id, 'error');
        const tooltip = (await hoveredTooltip(current, risk)).value;
        assert.ok(tooltip.includes('line 4'), tooltip);
        assert.ok(tooltip.includes('likelihood'), tooltip);
        const [, range] = row.command?.arguments as [vscode.Uri, { line: number; column: number }];
        assert.deepStrictEqual([range.line, range.column], [4, 13], 'a click opens the YAML at the problem');
        assert.ok(store.snapshots().some((snapshot) => snapshot.model.byKind.risk.some((entry) => entry.id === 'R-zz-broken')), 'counted with the risks');
      } finally {
        await remove(BROKEN);
      }
    });

    it('shows the groups the settings name, and resolved flags when asked', async () => {
      const config = vscode.workspace.getConfiguration();
      try {
        await config.update(Settings.currentFeatureGroups, ['risks', 'flags'], vscode.ConfigurationTarget.Global);
        // The view menu's command turns the setting on (it is written to the user's settings).
        await vscode.commands.executeCommand(Commands.showResolvedFlags);
        assert.strictEqual(vscode.workspace.getConfiguration().get(Settings.showResolvedFlags), true);
        const [pricing] = await follow('src/pricing/tax.ts');
        current.refresh();
        const [feature] = current.getChildren();
        assert.deepStrictEqual(feature?.children().map(line), ['Pre-mortem Risks — 4 · 1 high', 'Truth Flags — 1']);
        assert.strictEqual(child(feature, 'Truth Flags').children()[0]?.treeItem().contextValue, 'truthline.flag.resolved');
        assert.ok(pricing);
      } finally {
        await config.update(Settings.currentFeatureGroups, undefined, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand(Commands.hideResolvedFlags);
        assert.strictEqual(vscode.workspace.getConfiguration().get(Settings.showResolvedFlags), false, 'and its twin turns it off');
        await config.update(Settings.showResolvedFlags, undefined, vscode.ConfigurationTarget.Global);
        current.refresh();
      }
    });

    it('gives every row a stable id, unique in the tree, that survives a rebuild', async () => {
      await follow('src/api/checkoutController.ts');
      const first = everyNode(current.getChildren()).map((node) => node.treeItem().id);
      current.refresh();
      const second = everyNode(current.getChildren()).map((node) => node.treeItem().id);
      assert.deepStrictEqual(second, first);
      assert.strictEqual(new Set(first).size, first.length, 'ids are unique');
      assert.ok(first.every((id) => typeof id === 'string' && id.length > 0));
    });

    it('keeps the ids of the feature and group rows when the editor moves to another file of the feature', async () => {
      // VS Code keeps what is expanded by id: the same ids under another file of payments keep the groups open.
      const idsOf = (roots: readonly TreeNode[]): (string | undefined)[] => roots.flatMap((root) => [root.treeItem().id, ...root.children().map((group) => group.treeItem().id)]);
      const service = idsOf(await follow('src/payments/paymentService.ts'));
      const webhooks = idsOf(await follow('src/payments/webhooks.ts'));
      assert.ok(service.length > 1, JSON.stringify(service));
      assert.ok(service.every((id) => id !== undefined && !id.includes('paymentService')), JSON.stringify(service));
      assert.deepStrictEqual(webhooks.filter((id) => service.includes(id)), webhooks, 'every row of webhooks.ts has an id it had under paymentService.ts');
    });

    it('rebuilds the rows of any example file in a few milliseconds', async () => {
      const sources = (await vscode.workspace.findFiles('{src,jobs,scripts}/**/*')).filter((uri) => !uri.path.includes('/.alignment/'));
      const snapshot = store.snapshots()[0];
      assert.ok(snapshot);
      const times: number[] = [];
      for (const uri of sources) {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const start = performance.now();
        for (let round = 0; round < 20; round++) {
          const found = store.itemsFor(uri, text);
          assert.ok(found);
          everyNode(currentFeatureRoots(snapshot, found.path, found, readViewSettings(), plainRowsInput())).forEach((node) => node.treeItem());
        }
        times.push((performance.now() - start) / 20);
      }
      const max = Math.max(...times);
      report(`Current Feature rows for ${sources.length} files: mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms, max ${max.toFixed(2)} ms per file (all rows and tree items)`);
      assert.ok(max < 50, `${max} ms`);
    });
  });

  describe('All Features', () => {
    it('shows every feature with its reported status beside its reality, the disagreeing one marked', () => {
      all.sortBy = 'name';
      all.refresh();
      assert.deepStrictEqual(all.getChildren().map(line), [
        'cart-pricing · at-risk 60% — 1 high risk',
        'checkout-api · on-track 75% — upstream: payments blocked, cart-pricing at-risk',
        'fraud-screening · on-track 70% — upstream: cart-pricing at-risk',
        'payments · on-track 85% ≠ — reality: 2 flags (1 critical, 1 high) · 1 invalidated · 1 no-go · 2 high risks · upstream: cart-pricing at-risk',
        'receipts · on-track 90% — 1 flag (1 low) · upstream: payments blocked, cart-pricing at-risk',
        'settlement-export · at-risk 40% — 1 flag (1 medium) · 1 invalidated · 1 high risk · upstream: payments blocked, cart-pricing at-risk',
        'What the icons mean',
      ]);
      const payments = all.getChildren()[3];
      assert.strictEqual(payments?.treeItem().contextValue, 'truthline.feature.disagrees');
      assert.match(payments?.treeItem().accessibilityInformation?.label ?? '', /Reality disagrees/);
      assert.deepStrictEqual(payments?.children().map(idOf), ['F-20261112-q7hm', 'F-20261110-r2xd', 'M2', 'A-2', 'R-1', 'R-2', 'Upstream']);
      // Clean itself: what it holds is the trouble upstream, one row per feature there.
      const upstream = all.getChildren()[1]?.children() ?? [];
      assert.deepStrictEqual(upstream.map(line), ['Upstream — payments blocked, cart-pricing at-risk']);
      assert.deepStrictEqual(upstream[0]?.children().map(line), ['payments blocked', 'cart-pricing at-risk']);
      assert.strictEqual(upstream[0]?.children()[0]?.treeItem().command?.command, Commands.openItem, 'a feature upstream opens its YAML');
      assert.strictEqual(all.getChildren()[0]?.children().some((node) => idOf(node) === 'Upstream'), false, 'cart-pricing depends on nothing');
    });

    it('gives clean, honest bad news, reality disagreeing and trouble upstream each its own icon, and explains them', async () => {
      all.sortBy = 'name';
      const iconOf = (node: TreeNode | undefined): string => {
        const icon = node?.treeItem().iconPath as vscode.ThemeIcon;
        return `${icon.id} ${icon.color?.id ?? ''}`.trim();
      };
      const byId = new Map(all.getChildren().map((node) => [idOf(node), node]));
      assert.deepStrictEqual(['cart-pricing', 'settlement-export', 'payments', 'receipts', 'checkout-api'].map((id) => `${id}: ${iconOf(byId.get(id))}`), [
        'cart-pricing: warning charts.yellow', // reported at-risk: bad news, told
        'settlement-export: warning charts.yellow',
        'payments: error charts.red', // reported on-track, a critical flag and a no-go gate say otherwise
        'receipts: error charts.orange', // reported on-track, only a low flag says otherwise
        'checkout-api: type-hierarchy-super charts.yellow', // clean itself, payments upstream is blocked
      ]);
      assert.match((await hoveredTooltip(all, byId.get('cart-pricing') as TreeNode)).value.replace(/\\/g, ''), /^\*\*[^*]+\*\*\s+cart-pricing\n\n\*Honest bad news:\* The report itself says at-risk/);
      const legend = byId.get('What the icons mean');
      assert.ok(legend);
      assert.strictEqual(legend.treeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.deepStrictEqual(legend.children().map((node) => `${labelOf(node.treeItem())}: ${iconOf(node)}`), [
        'Clean: pass charts.green',
        'Honest bad news: warning charts.yellow',
        'Reality disagrees: error charts.red',
        'Reality doubts it: error charts.orange',
        'Trouble upstream: type-hierarchy-super charts.yellow',
        'No status: circle-large-outline disabledForeground',
        'suspect: history charts.orange',
      ]);
      assert.ok(legend.children().every((node) => String(node.treeItem().description).length > 20), 'each line says what its icon means');
    });

    it('expands a feature on click, and opens its YAML from the inline Open Feature Definition', async () => {
      const payments = all.getChildren().find((node) => idOf(node) === 'payments');
      assert.ok(payments);
      assert.strictEqual(payments.treeItem().command, undefined, 'a click expands the row');
      assert.strictEqual(payments.treeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      // An item under it still opens on click.
      assert.strictEqual(payments.children()[0]?.treeItem().command?.command, Commands.openItem);
      await vscode.commands.executeCommand(Commands.openFeatureDefinition, payments);
      await waitUntil('the feature YAML is open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.alignment/features/payments.yaml') === true, OFTEN);
      const cursor = vscode.window.activeTextEditor?.selection.active;
      const entry = (payments as ItemNode).entry;
      assert.deepStrictEqual([cursor?.line, cursor?.character], [entry.range.line - 1, entry.range.column - 1]);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('sorts by the gap: reality disagreeing first, then the widest gap', () => {
      all.sortBy = 'gap';
      assert.deepStrictEqual(all.getChildren().map(idOf), ['payments', 'settlement-export', 'cart-pricing', 'receipts', 'checkout-api', 'fraud-screening', 'What the icons mean']);
      all.sortBy = 'name';
    });

    it('marks a feature within a second of a flag file appearing, and unmarks it when the file goes', async () => {
      const FLAG = '.alignment/flags/zz-views-radiator.yaml';
      const checkout = (): string => line(all.getChildren().find((node) => idOf(node) === 'checkout-api') as TreeNode);
      try {
        const start = Date.now();
        await write(FLAG, ['kind: flag', 'id: F-zz-views', 'feature: checkout-api', 'reality: The endpoint returns 500 for a declined card.', 'severity: high']);
        await waitUntil('checkout-api is marked', () => checkout().includes('≠'), OFTEN);
        const marked = Date.now() - start;
        assert.strictEqual(checkout(), 'checkout-api · on-track 75% ≠ — reality: 1 flag (1 high) · upstream: payments blocked, cart-pricing at-risk');
        await remove(FLAG);
        await waitUntil('checkout-api is clean again', () => checkout() === 'checkout-api · on-track 75% — upstream: payments blocked, cart-pricing at-risk', OFTEN);
        report(`All Features marked checkout-api ${marked} ms after the flag file was written`);
      } finally {
        await remove(FLAG);
      }
    });

    it('says a flag has drifted while its anchored lines are gone from the editor, and stops when they are back', async () => {
      const FLAG_ID = 'F-20261112-q7hm';
      const flagRow = (): string => {
        const row = everyNode(all.getChildren()).find((node) => node instanceof ItemNode && node.entry.id === FLAG_ID);
        assert.ok(row, `no row for ${FLAG_ID}`);
        return line(row);
      };
      await waitUntil('the flag row is drawn, not drifted', () => !flagRow().includes('drifted'), OFTEN);
      const editor = await vscode.window.showTextDocument(file('src/payments/paymentService.ts'));
      try {
        await editor.edit((builder) => builder.delete(new vscode.Range(29, 0, 32, 0)));
        await waitUntil('the flag row says drifted', () => flagRow().includes('drifted'), OFTEN);
        const row = everyNode(all.getChildren()).find((node) => node instanceof ItemNode && node.entry.id === FLAG_ID);
        assert.match((await hoveredTooltip(all, row as TreeNode)).value, /drifted/);
      } finally {
        await revertAndClose(editor.document);
      }
      await waitUntil('the flag row no longer says drifted', () => !flagRow().includes('drifted'), OFTEN);
    });
  });
});
