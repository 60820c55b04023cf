// Change Impact in the real editor, on the tests' copy of the example (a git repository on main, clean):
// the API and the view say "no changes"; a change to the Northpay client names the customers its feature
// serves, the features touched with their owners and the teams downstream, and both follow it back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TruthlineApi } from '../../src/extension/api/api';
import { EXTENSION_ID } from '../../src/extension/constants';
import { ChangeImpactProvider } from '../../src/extension/impact/impactProvider';
import { AlignmentStore } from '../../src/extension/workspace/alignmentStore';
import { ChangeWatch } from '../../src/extension/workspace/git/changeWatch';
import { waitFor } from './waiting';
import { file } from './workspaceFiles';

const CLIENT = 'src/payments/northpayClient.ts';
const read = async (relative: string): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(file(relative)));
const writeText = (relative: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(file(relative), new TextEncoder().encode(text));

describe('Change Impact', function () {
  this.timeout(60_000);
  let api: TruthlineApi;
  let store: AlignmentStore;
  let changes: ChangeWatch;
  let provider: ChangeImpactProvider;
  let original = '';

  before(async () => {
    const extension = vscode.extensions.getExtension<TruthlineApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    store = new AlignmentStore();
    await store.ready;
    changes = new ChangeWatch(store);
    provider = new ChangeImpactProvider(store, changes);
    original = await read(CLIENT);
  });

  after(async () => {
    await writeText(CLIENT, original);
    provider.dispose();
    changes.dispose();
    store.dispose();
  });

  const rowLabels = (): string[] => provider.getChildren().map((node) => `${node.row.label} ${node.row.description ?? ''}`.trim());

  it('says there are no changes while the working tree is clean', async () => {
    const impact = await api.impact();
    assert.ok(impact, 'git answers in the test workspace');
    assert.deepStrictEqual([impact.files, impact.baseFrom], [[], 'merge-base with main']);
    await changes.refresh();
    assert.deepStrictEqual(rowLabels(), []);
    assert.strictEqual(provider.message(), 'No changes against merge-base with main.');
  });

  it('names the customers, the features with owners and the teams downstream of a change, customers first', async () => {
    await writeText(CLIENT, `${original}// A change on the branch.\n`);
    const impact = await api.impact(file(CLIENT));
    assert.ok(impact);
    assert.deepStrictEqual(impact.files, [CLIENT]);
    assert.deepStrictEqual(impact.features.map((feature) => [feature.id, feature.owners.length > 0]), [['payments', true]]);
    assert.ok(impact.requests.some((request) => request.id === 'CR-101' && request.customer === 'Nordlicht Coworking GmbH'), JSON.stringify(impact.requests.map((request) => request.id)));
    const downstream = impact.downstream.find((feature) => feature.id === 'checkout-api');
    assert.deepStrictEqual(downstream?.via, ['payments', 'checkout-api']);

    await changes.refresh();
    const labels = rowLabels();
    assert.match(labels[0] ?? '', /^Customers \d+$/);
    assert.ok(labels.some((label) => /^Downstream teams \d+$/.test(label)), JSON.stringify(labels));
    assert.ok(labels.includes('Features touched 1'), JSON.stringify(labels));
    assert.strictEqual(labels.at(-1), 'Changed files 1');
    const [customers] = provider.getChildren();
    assert.ok(customers);
    const first = provider.getChildren(customers)[0];
    assert.ok(first);
    const item = provider.getTreeItem(first);
    assert.strictEqual(item.label, 'Nordlicht Coworking GmbH');
    assert.match(String(item.description), /^CR-101 · “/);
    assert.strictEqual(provider.message(), '1 changed file against merge-base with main.');
  });

  it('follows the change back to nothing', async () => {
    await writeText(CLIENT, original);
    const impact = await waitFor('the change is gone', () => api.impact(), (found) => found?.files.length === 0);
    assert.deepStrictEqual(impact?.features, []);
  });
});
