// Comment tags in the real editor: hover cards, Go to Definition, Find All References, links, completion,
// and the diagnostic for an unknown id, through the commands VS Code's own UI uses.
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
const relative = (uri: vscode.Uri): string => uri.path.slice(root().path.replace(/\/$/, '').length + 1);

async function write(path: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(file(path), new TextEncoder().encode(text));
}


/** The position of the `occurrence`-th `text` on 1-based `line` of a file, plus `offset` characters. */
async function positionOf(path: string, line: number, text: string, offset = 0): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(file(path));
  const character = document.lineAt(line - 1).text.indexOf(text);
  assert.ok(character >= 0, `${path}:${line} has no "${text}": ${document.lineAt(line - 1).text}`);
  return new vscode.Position(line - 1, character + offset);
}

/** What a markdown value shows: backslash escapes removed. */
const shown = (markdown: string): string => markdown.replace(/\\(.)/g, '$1').replace(/&nbsp;/g, ' ');

async function hoverText(path: string, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', file(path), position);
  return (hovers ?? []).flatMap((hover) => hover.contents).filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
}

const where = (location: vscode.Location | vscode.LocationLink): string => {
  const uri = 'targetUri' in location ? location.targetUri : location.uri;
  const range = 'targetUri' in location ? location.targetSelectionRange ?? location.targetRange : location.range;
  return `${relative(uri)}:${range.start.line + 1}:${range.start.character + 1}`;
};

describe('Comment tags', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<{ itemsFor(uri: vscode.Uri): Promise<unknown> }>(EXTENSION_ID);
    assert.ok(extension);
    await (await extension.activate()).itemsFor(file('src/payments/paymentService.ts'));
  });

  it('shows a request as a card on hover: customer, their words, date, status, and a file link to it', async () => {
    const [card] = await hoverText('src/payments/paymentService.ts', await positionOf('src/payments/paymentService.ts', 3, 'CR-101', 2));
    assert.ok(card, 'no hover');
    const text = shown(card.value);
    assert.ok(text.startsWith('**Request CR-101** · [Open .alignment/requests/nordlicht-coworking.yaml]('), text);
    assert.ok(text.includes('> Since last week about half of our orders fail at the card step.'), text);
    assert.ok(text.includes('*Customer:* Nordlicht Coworking GmbH'), text);
    assert.ok(text.includes('*Received:* 2026-10-21'), text);
    assert.ok(text.includes('*Status:* in-progress'), text);
    const link = /\]\(([^)]+)\)/.exec(card.value)?.[1] ?? '';
    // file: in the Node extension host; vscode-remote: in the browser's, which reads the folder through the server.
    assert.match(link, /^(file|vscode-remote):\/\/.*\/\.alignment\/requests\/nordlicht-coworking\.yaml#L4$/);
    assert.ok(!card.isTrusted, 'the card must not be trusted');
    assert.ok(!card.supportHtml, 'the card must not render HTML');
  });

  it('shows a risk card when hovering a @risk tag', async () => {
    const [card] = await hoverText('src/payments/webhooks.ts', await positionOf('src/payments/webhooks.ts', 3, 'R-2'));
    const text = shown(card?.value ?? '');
    assert.ok(text.startsWith('**Risk R-2**'), text);
    assert.ok(text.includes('*Likelihood / impact:* medium / high (high risk)'), text);
  });

  it('goes to the item\'s YAML from a tag\'s id', async () => {
    const path = 'src/payments/paymentService.ts';
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', file(path), await positionOf(path, 47, 'R-1', 1));
    assert.deepStrictEqual(definitions.map(where), ['.alignment/risks/pre-mortem-payments.yaml:4:7']);
  });

  it('goes to an item from an id named in another item\'s YAML', async () => {
    const path = '.alignment/flags/F-20261112-q7hm.yaml';
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', file(path), await positionOf(path, 4, 'M2'));
    assert.deepStrictEqual(definitions.map(where), ['.alignment/milestones/payments.yaml:23:5']);
  });

  it('finds every reference of a request from its YAML: tags, files served, and items naming it', async () => {
    const path = '.alignment/requests/other-customers.yaml';
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', file(path), await positionOf(path, 3, 'CR-105'));
    assert.deepStrictEqual(references.map(where).sort(), [
      '.alignment/features/settlement-export.yaml:19:7',
      '.alignment/requests/other-customers.yaml:3:7',
      'jobs/nightly_reconciliation.py:1:1',
      'jobs/nightly_reconciliation.py:9:11',
      'jobs/settlement_export.py:1:1',
      'jobs/settlement_export.py:8:11',
    ]);
  });

  it('finds the references of a risk from a tag in code', async () => {
    const path = 'src/payments/webhooks.ts';
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', file(path), await positionOf(path, 3, 'R-2'));
    assert.deepStrictEqual(references.map(where).sort(), [
      '.alignment/flags/F-20261110-r2xd.yaml:4:8', // about: R-2
      '.alignment/risks/pre-mortem-payments.yaml:20:7', // the risk itself
      'scripts/replay-webhooks.sh:4:9',
      'src/payments/webhooks.ts:1:1', // its own paths
      'src/payments/webhooks.ts:3:10',
    ]);
  });

  it('makes each known tag id a link to its item\'s line', async () => {
    await vscode.workspace.openTextDocument(file('src/pricing/tax.ts'));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', file('src/pricing/tax.ts'), 50);
    const ours = links.filter((link) => link.target?.path.includes('/.alignment/'));
    assert.deepStrictEqual(ours.map((link) => `${link.range.start.line + 1}:${link.range.start.character + 1} ${relative(link.target as vscode.Uri)}#${link.target?.fragment}`), [
      '2:12 .alignment/requests/nordlicht-coworking.yaml#L23',
      '3:13 .alignment/assumptions/cart-pricing.yaml#L2',
      '3:18 .alignment/assumptions/cart-pricing.yaml#L25',
      '4:15 .alignment/milestones/vat-and-po.yaml#L2',
      '50:14 .alignment/risks/pre-mortem-cart-and-vat.yaml#L44',
    ]);
  });

  describe('in a new file', () => {
    const probeYaml = '.alignment/requests/zz-tags-probe.yaml';
    const probeSource = 'src/zz-tags-probe.ts';

    before(async () => {
      await write(probeYaml, [
        'kind: request',
        'id: CR-PROBE',
        'customer: "<img src=x onerror=alert(1)> **Bold** Corp"',
        'quote: "[run](command:workbench.action.quit) <script>alert(1)</script> https://example.invalid &amp; `code`"',
        '',
      ].join('\n'));
      await write(probeSource, ['// @serves CR-PROBE', '// @serves CR-NOPE', '// @risk ', '/* @assumes A-1, ', 'export const probe = 1;', ''].join('\n'));
      await vscode.window.showTextDocument(file(probeSource));
      // Until the store has read the new YAML, the hover says the id is unknown.
      await waitFor('the hover knows CR-PROBE', () => hoverText(probeSource, new vscode.Position(0, 12)), (cards) => cards.some((card) => card.value.startsWith('**Request')));
    });

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file(probeSource));
      await vscode.workspace.fs.delete(file(probeYaml));
    });

    it('escapes everything the YAML says: no HTML, no links, no commands in the card', async () => {
      const [card] = await hoverText(probeSource, new vscode.Position(0, 12));
      assert.ok(card);
      const value = card.value;
      assert.ok(!/(^|[^\\])</.test(value), `an unescaped < in ${value}`);
      assert.ok(!/(^|[^\\])\[run\]/.test(value) && !value.includes('](command:'), `a link in ${value}`);
      assert.ok(!/(^|[^\\])https:/.test(value), `an autolink in ${value}`);
      assert.ok(!/(^|[^\\])&amp;/.test(value), `an entity in ${value}`);
      assert.ok(shown(value).includes('<img src=x onerror=alert(1)> **Bold** Corp'), value);
      assert.ok(!card.isTrusted && !card.supportHtml);
    });

    it('reports a tag naming an unknown id in the Problems panel, at the id', async () => {
      const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(file(probeSource)).filter((diagnostic) => diagnostic.source === 'truthline');
      const diagnostics = await waitFor('one problem shows for the probe file', ours, (found) => found.length === 1);
      assert.deepStrictEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character, diagnostic.severity]), [
        ['unknown-tag-id', 1, 11, 18, vscode.DiagnosticSeverity.Error],
      ]);
      assert.match(diagnostics[0]?.message ?? '', /CR-NOPE/);
    });

    it('completes the ids of the keyword\'s kind after a tag keyword, in a comment', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', file(probeSource), new vscode.Position(2, 9));
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).filter((label) => /^R-\d+$/.test(label));
      assert.deepStrictEqual(labels, ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6', 'R-7', 'R-8', 'R-9', 'R-10']);
      const r2 = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'R-2');
      assert.strictEqual(r2?.detail, 'Risk R-2 · likelihood medium / impact high · open · high risk');
    });

    it('leaves out ids already listed in the tag', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', file(probeSource), new vscode.Position(3, 17));
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).filter((label) => /^A-\d+$/.test(label));
      assert.deepStrictEqual(labels, ['A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7']);
    });
  });
});
