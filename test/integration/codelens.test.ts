// CodeLens in the real editor on the example repository: the titles VS Code gets from the provider, in
// order, and how they follow edits to `.alignment/` and the settings.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Settings } from '../../src/extension/constants';
import { waitFor } from './waiting';

const root = (): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri;
};
const file = (relative: string): vscode.Uri => vscode.Uri.joinPath(root(), ...relative.split('/'));

async function read(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(file(relative)));
}

async function write(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(file(relative), new TextEncoder().encode(text));
}


/** Truthline's lenses of a file (those that run a truthline command, or none), as VS Code resolves them. */
async function lenses(relative: string): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(file(relative)); // the command answers for open documents only
  const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file(relative), 100);
  return (all ?? []).filter((lens) => lens.command && (lens.command.command === '' || lens.command.command.startsWith('truthline.')));
}

async function titles(relative: string): Promise<string[]> {
  return (await lenses(relative)).map((lens) => lens.command?.title ?? '');
}

const same = (expected: string[]) => (actual: string[]): boolean => JSON.stringify(actual) === JSON.stringify(expected);

const PAYMENT_SERVICE = 'src/payments/paymentService.ts';
const PAYMENT_SERVICE_TITLES = [
  'Serves Nordlicht Coworking GmbH (CR-101) · Café Mireille SARL (CR-102)',
  // The header's other tags, compact, on the module lens's line; its @serves tags are the module lens.
  'M2 1 no-go',
  'A-1 validated',
  'A-2 invalidated',
  'F-20261112-q7hm critical, open',
  'R-1 high risk',
];

async function setSetting(name: string, value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration().update(name, value, vscode.ConfigurationTarget.Global);
}

describe('CodeLens', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<{ itemsFor(uri: vscode.Uri): Promise<unknown> }>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    await api.itemsFor(file(PAYMENT_SERVICE)); // resolves once every folder's .alignment/ is read
  });

  it('shows the customers a module serves, most important first, then the tags\' items in line order', async () => {
    assert.deepStrictEqual(await waitFor('paymentService.ts shows every lens of the example', () => titles(PAYMENT_SERVICE), same(PAYMENT_SERVICE_TITLES)), PAYMENT_SERVICE_TITLES);
  });

  it('puts the module lens on the first line, opening the request picker for the file, the header\'s tags beside it', async () => {
    const all = await lenses(PAYMENT_SERVICE);
    const [module] = all;
    assert.ok(module?.command);
    assert.deepStrictEqual([module.range.start.line, module.range.start.character, module.range.end.line, module.range.end.character], [0, 0, 0, 0]);
    // One lens line for the header (lines 1-5), one above each of the two later tags: three lines, not eight.
    assert.deepStrictEqual(all.map((lens) => lens.range.start.line), [0, 0, 0, 0, 28, 46]);
    assert.match(all[1]?.command?.tooltip ?? '', /^Milestone M2 · due 2026-11-25 · gates 1 no-go, 1 pending, 1 go · .* \(line 4\)\. Click to open it in \.alignment\/milestones\//);
    assert.strictEqual(module.command.command, Commands.showServingRequests);
    assert.strictEqual((module.command.arguments?.[0] as vscode.Uri).toString(), file(PAYMENT_SERVICE).toString());
  });

  it('puts each tag lens on its tag\'s line, opening the item', async () => {
    const all = await lenses('src/pricing/tax.ts');
    const risk = all.find((lens) => lens.command?.title.startsWith('R-7'));
    assert.ok(risk?.command);
    assert.strictEqual(risk.range.start.line, 49); // `// @risk R-7` is line 50
    assert.strictEqual(risk.command.command, Commands.openItemById);
    assert.deepStrictEqual(risk.command.arguments?.map(String), [root().toString(), 'R-7']);
  });

  it('names a request a module serves through its feature and through a @serves tag of another feature', async () => {
    assert.deepStrictEqual((await titles('src/cart/cart.ts'))[0], 'Serves Harbour Lane Hotels (CR-103) · Nordlicht Coworking GmbH (CR-104) · +1');
    // Both medium: Harbour Lane made two requests, Greenfield one. The module lens names both @serves tags' requests,
    // so they get no lens of their own.
    assert.deepStrictEqual(await titles('jobs/settlement_export.py'), ['Serves Harbour Lane Hotels (CR-108) · Greenfield Catering Co. (CR-105)']);
  });

  it('shows nothing above a module no request or feature covers', async () => {
    assert.deepStrictEqual(await titles('jobs/test_nightly_reconciliation.py'), []);
  });

  it('changes when a request\'s YAML is edited, and changes back', async () => {
    const requests = '.alignment/requests/nordlicht-coworking.yaml';
    const original = await read(requests);
    assert.ok(original.includes('priority: critical'));
    try {
      await write(requests, original.replace('priority: critical', 'priority: low').replace('Nordlicht Coworking GmbH', 'Nordlicht Coworking AG'));
      const edited = await waitFor('the module lens shows the edited request', async () => (await titles(PAYMENT_SERVICE)).slice(0, 1), same(['Serves Café Mireille SARL (CR-102) · Nordlicht Coworking AG (CR-101)']));
      assert.deepStrictEqual(edited, ['Serves Café Mireille SARL (CR-102) · Nordlicht Coworking AG (CR-101)']);
    } finally {
      await write(requests, original);
    }
    assert.deepStrictEqual(await waitFor('the lenses are back as they were', () => titles(PAYMENT_SERVICE), same(PAYMENT_SERVICE_TITLES)), PAYMENT_SERVICE_TITLES);
  });

  it('shows `No customer request` above a module a feature covers that no request serves', async () => {
    const probe = '.alignment/features/zz-codelens-probe.yaml';
    try {
      await write(probe, 'kind: feature\nid: zz-codelens-probe\ntitle: Probe for the No customer request lens\npaths: [README.md]\n');
      const shown = await waitFor('README.md shows `No customer request`', () => titles('README.md'), same(['No customer request']));
      assert.deepStrictEqual(shown, ['No customer request']);
      const [lens] = await lenses('README.md');
      assert.deepStrictEqual(lens?.command?.arguments?.map(String), [root().toString(), 'zz-codelens-probe']);
      await setSetting(Settings.codeLensNoRequest, false);
      assert.deepStrictEqual(await waitFor('the setting hides the lens on README.md', () => titles('README.md'), same([])), []);
    } finally {
      await setSetting(Settings.codeLensNoRequest, undefined);
      await vscode.workspace.fs.delete(file(probe));
    }
    assert.deepStrictEqual(await waitFor('README.md has no lens once the probe feature is gone', () => titles('README.md'), same([])), []);
  });

  it('follows the settings: module and tag lenses each, and the toggle command for all', async () => {
    try {
      await setSetting(Settings.codeLensTags, false);
      assert.deepStrictEqual(await waitFor('only the module lens shows', () => titles(PAYMENT_SERVICE), same(PAYMENT_SERVICE_TITLES.slice(0, 1))), PAYMENT_SERVICE_TITLES.slice(0, 1));
      await setSetting(Settings.codeLensTags, undefined);
      await setSetting(Settings.codeLensModule, false);
      // Without the module lens, the header's @serves tags have lenses of their own.
      const tagsOnly = ['CR-101 Nordlicht Coworking GmbH, critical', 'CR-102 Café Mireille SARL, high', ...PAYMENT_SERVICE_TITLES.slice(1)];
      assert.deepStrictEqual(await waitFor('only the tag lenses show', () => titles(PAYMENT_SERVICE), same(tagsOnly)), tagsOnly);
      await setSetting(Settings.codeLensModule, undefined);
      await vscode.commands.executeCommand(Commands.toggleCodeLens);
      assert.strictEqual(vscode.workspace.getConfiguration().get(Settings.codeLensEnabled), false);
      assert.deepStrictEqual(await waitFor('the toggle hides every lens', () => titles(PAYMENT_SERVICE), same([])), []);
      await vscode.commands.executeCommand(Commands.toggleCodeLens);
      assert.strictEqual(vscode.workspace.getConfiguration().get(Settings.codeLensEnabled), true);
      assert.deepStrictEqual(await waitFor('the toggle shows every lens again', () => titles(PAYMENT_SERVICE), same(PAYMENT_SERVICE_TITLES)), PAYMENT_SERVICE_TITLES);
    } finally {
      for (const name of [Settings.codeLensTags, Settings.codeLensModule, Settings.codeLensEnabled]) await setSetting(name, undefined);
    }
  });

  it('says a flag has drifted when the code it is anchored to is gone, and not once it is back', async () => {
    const flagTitle = async (): Promise<string | undefined> => (await titles(PAYMENT_SERVICE)).find((title) => title.startsWith('F-20261112-q7hm'));
    const original = await read(PAYMENT_SERVICE);
    try {
      // The flag is anchored to lines 30-32, the return URL built from SANDBOX_RETURN_URL: rewrite them.
      const lines = original.split('\n');
      lines.splice(29, 3, '  return buildReturnUrl(config.publicCheckoutHost, orderId);');
      await write(PAYMENT_SERVICE, lines.join('\n'));
      assert.strictEqual(await waitFor('the flag\'s lens says drifted', flagTitle, (title) => title?.includes('drifted') === true), 'F-20261112-q7hm critical, open, drifted');
    } finally {
      await write(PAYMENT_SERVICE, original);
    }
    assert.strictEqual(await waitFor('the flag\'s lens no longer says drifted', flagTitle, (title) => title?.includes('drifted') === false), 'F-20261112-q7hm critical, open');
  });

  it('opens the item a lens names', async () => {
    await vscode.commands.executeCommand(Commands.openItemById, root(), 'R-7');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.ok(editor.document.uri.path.endsWith('/.alignment/risks/pre-mortem-cart-and-vat.yaml'), editor.document.uri.toString());
    assert.strictEqual(editor.document.getText(editor.selection), 'R-7');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
