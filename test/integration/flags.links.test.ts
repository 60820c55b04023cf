// A symbolic link committed in .alignment/ could lead anywhere on the machine. Truthline never writes
// through one: raising a flag when .alignment/flags is a link to a folder outside the repository is refused
// with a message, and the folder it points at stays empty.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TruthlineApi } from '../../src/extension/api/api';
import { Commands, EXTENSION_ID } from '../../src/extension/constants';
import { MessageSpy } from './messages';
import { waitFor } from './waiting';
import { file } from './workspaceFiles';

describe('Truth flags: never written through a symbolic link', () => {
  const messages = new MessageSpy();

  before(() => messages.install());
  after(() => messages.restore());

  it('refuses to raise a flag when .alignment/flags links outside the repository', async () => {
    const flags = file('.alignment/flags').fsPath;
    const kept = `${flags}-zz-kept`;
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'truthline-outside-'));
    fs.renameSync(flags, kept);
    fs.symlinkSync(outside, flags);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.raiseFlag, { reality: 'Written through a link?', feature: 'payments' });
      assert.strictEqual(uri, undefined);
      assert.deepStrictEqual(fs.readdirSync(outside), [], 'nothing is written where the link points');
      const shown = messages.take().map((message) => message.text);
      assert.ok(shown.some((message) => /\.alignment\/flags is a symbolic link; Truthline does not write through links/.test(message)), shown.join(' | '));
    } finally {
      fs.unlinkSync(flags);
      fs.renameSync(kept, flags);
      fs.rmSync(outside, { recursive: true, force: true });
      // The tests after this one need the example's flags back in the store.
      const extension = vscode.extensions.getExtension<TruthlineApi>(EXTENSION_ID);
      const api = await extension?.activate();
      await waitFor('the store has the example\'s flags again', async () => (await api?.itemsFor(file('src/payments/paymentService.ts')))?.flags.length ?? 0, (count) => count > 0);
    }
  });
});
