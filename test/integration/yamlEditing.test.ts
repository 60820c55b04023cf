// Writing .alignment/ files by hand: completion offers whole items, one per kind, with the folder's next id
// and the file's feature filled in, at the start of a line or of a list item, and nowhere else.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/extension/constants';
import { waitFor } from './waiting';

const root = (): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri;
};
const file = (relative: string): vscode.Uri => vscode.Uri.joinPath(root(), ...relative.split('/'));

const PROBE = '.alignment/risks/zz-completion-probe.yaml';
const PROBE_TEXT = ['- kind: risk', '  id: R-99', '  risk: A probe for completion.', '  feature: payments', '  likelihood: low', '  impact: low', '- ', ''].join('\n');

async function itemSnippets(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet && String(typeof item.label === 'string' ? item.label : item.label.label).startsWith('kind: '));
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
const textOf = (item: vscode.CompletionItem): string => (item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText));

describe('Writing .alignment/ files: whole items by completion', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<{ itemsFor(uri: vscode.Uri): Promise<unknown> }>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    await vscode.workspace.fs.writeFile(file(PROBE), new TextEncoder().encode(PROBE_TEXT));
    await api.itemsFor(file('src/payments/paymentService.ts'));
  });

  after(async () => {
    await vscode.workspace.fs.delete(file(PROBE));
  });

  it('offers one item per kind after a list\'s "- ", with the next free id and the file\'s feature, keys indented under the dash', async () => {
    await vscode.workspace.openTextDocument(file(PROBE));
    const items = await waitFor('the probe\'s R-99 is read', () => itemSnippets(file(PROBE), new vscode.Position(6, 2)), (found) => found.some((item) => textOf(item).includes('R-100')));
    assert.deepStrictEqual(items.map(labelOf), ['kind: feature', 'kind: request', 'kind: assumption', 'kind: risk', 'kind: milestone', 'kind: decision', 'kind: flag']);
    const risk = items.find((item) => labelOf(item) === 'kind: risk');
    assert.ok(risk);
    const lines = textOf(risk).split('\n');
    assert.deepStrictEqual(lines.slice(0, 4), ['kind: risk', '  id: ${1:R-100}', '  risk: ${2:What went wrong, told as if it already had}', '  feature: ${3:payments}']);
    const request = items.find((item) => labelOf(item) === 'kind: request');
    assert.match(textOf(request ?? new vscode.CompletionItem('')), /id: \$\{1:CR-109\}/, 'the example\'s requests end at CR-108');
  });

  it('offers nothing inside an item, nor in a source file', async () => {
    assert.deepStrictEqual(await itemSnippets(file(PROBE), new vscode.Position(3, 11)), []);
    const source = file('src/payments/paymentService.ts');
    await vscode.workspace.openTextDocument(source);
    assert.deepStrictEqual(await itemSnippets(source, new vscode.Position(9, 0)), []);
  });
});
