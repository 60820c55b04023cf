// Writing edits back in the real VS Code (issue #15): the bytes of the file are kept as they were outside
// the edit (each line's end, the byte order mark), a file that is not UTF-8 is refused instead of being
// rewritten with replacement characters, an edit the core refuses says why instead of failing, and a
// writer racing the edit between Truthline's last compare and its write loses nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Settings } from '../../src/extension/constants';
import { readForEdit, writeEdit, writerTestHooks } from '../../src/extension/workspace/edits/writer';
import { revertAllAndClose } from './editors';
import { waitUntil } from './waiting';
import { file } from './workspaceFiles';

const ID = 'F-20260102-wrtr';
const FLAG = file(`.alignment/flags/${ID}.yaml`);
const PAYMENT_SERVICE = 'src/payments/paymentService.ts';
/** The flag as lines without their ends: each test gives them the ends it needs. */
const LINES = [
  '# Written by hand, in an editor that mixes line ends.',
  'kind: flag',
  `id: ${ID}`,
  'feature: payments   # not checkout-api',
  'reality: >-',
  '  Works only in the sandbox: the return URL is the staging host.',
  'anchor:',
  `  path: ${PAYMENT_SERVICE}`,
  '  startLine: 30',
  '  endLine: 31',
  'status: open # until someone owns it',
];

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

async function bytesOf(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

interface Api {
  itemsFor(uri: vscode.Uri): Promise<{ flags: { id: string; item?: { status?: string } }[] } | undefined>;
}

async function flagsOfPaymentService(): Promise<{ id: string; item?: { status?: string } }[]> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension);
  return ((await (await extension.activate()).itemsFor(file(PAYMENT_SERVICE)))?.flags ?? []);
}

/** Writes the flag's bytes and waits until the store has read them. */
async function put(bytes: Uint8Array): Promise<void> {
  await vscode.workspace.fs.writeFile(FLAG, bytes);
  await waitUntil(`the store has read ${ID}`, async () => (await flagsOfPaymentService()).some((flag) => flag.id === ID));
}

describe('Writing edits back', function () {
  this.timeout(60_000);
  const warnings: string[] = [];
  const showWarningMessage = vscode.window.showWarningMessage;

  // The edits sign who wrote them: name someone, since the browser's extension host has no login name to
  // fall back on and this copy's git config names nobody.
  before(() => vscode.workspace.getConfiguration().update(Settings.author, 'Ada Tester', vscode.ConfigurationTarget.Global));
  after(() => vscode.workspace.getConfiguration().update(Settings.author, undefined, vscode.ConfigurationTarget.Global));

  before(() => {
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = (message: string, ...rest: unknown[]) => {
      warnings.push(message);
      return (showWarningMessage as (message: string, ...items: unknown[]) => Thenable<unknown>)(message, ...rest);
    };
  });

  after(async () => {
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = showWarningMessage;
    await waitUntil(`the store no longer has ${ID}`, async () => !(await flagsOfPaymentService()).some((flag) => flag.id === ID));
  });

  beforeEach(() => {
    warnings.length = 0;
  });

  afterEach(async () => {
    writerTestHooks.beforeSave = undefined;
    await revertAllAndClose();
    try {
      await vscode.workspace.fs.delete(FLAG);
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError)) throw error;
    }
  });

  it('keeps a mixed LF/CRLF file mixed and its byte order mark: each line keeps its end, new lines take their neighbour\'s', async () => {
    const ends = ['\r\n', '\n', '\r\n', '\n', '\n', '\r\n', '\n', '\r\n', '\n', '\n', '\r\n'];
    const original = `\uFEFF${LINES.map((line, index) => line + ends[index]).join('')}`;
    await put(encode(original));
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.acknowledgeFlag, { id: ID });
    assert.equal(result?.toString(), FLAG.toString(), warnings.join('\n'));
    const bytes = await bytesOf(FLAG);
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'the byte order mark is kept');
    const written = decode(bytes).replace(/acknowledgedBy: [^\r\n]*/, 'acknowledgedBy: WHO').replace(/acknowledgedAt: \d{4}-\d{2}-\d{2}/, 'acknowledgedAt: DATE');
    assert.equal(written, original.replace('status: open # until someone owns it\r\n', 'status: acknowledged # until someone owns it\r\nacknowledgedBy: WHO\r\nacknowledgedAt: DATE\r\n'));
  });

  it('edits a CRLF file with a byte order mark that is open in an editor through the editor, which shows it saved', async () => {
    const original = `\uFEFF${LINES.join('\r\n')}\r\n`;
    await put(encode(original));
    const document = await vscode.workspace.openTextDocument(FLAG);
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.resolveFlag, { id: ID, note: 'Return URL read per environment.' });
    assert.equal(result?.toString(), FLAG.toString(), warnings.join('\n'));
    const bytes = await bytesOf(FLAG);
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'the byte order mark is kept');
    const text = decode(bytes);
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'every line still ends in CRLF');
    assert.match(text, /\r\nstatus: resolved # until someone owns it\r\nresolution: Return URL read per environment\.\r\nresolvedBy: [^\r\n]*\r\nresolvedAt: \d{4}-\d{2}-\d{2}\r\n$/);
    assert.equal(document.isDirty, false, 'the editor shows the saved file');
    assert.equal(document.getText(), text.slice(1), 'the editor holds what is on disk');
    // The edit went through the editor's own document: it is one step of its undo.
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original.slice(1));
  });

  it('refuses to rewrite a file that is not valid UTF-8, saying so, and leaves its bytes alone', async () => {
    const bytes = encode(`${LINES.join('\n')}\n`);
    const invalid = new Uint8Array([...encode('# caf'), 0xe9, ...encode(' (Latin-1, not UTF-8)\n'), ...bytes]);
    await put(invalid);
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.acknowledgeFlag, { id: ID });
    assert.equal(result, undefined, 'nothing was written');
    assert.deepEqual([...(await bytesOf(FLAG))], [...invalid]);
    assert.ok(warnings.some((message) => /is not valid UTF-8 text; Truthline does not rewrite it/.test(message)), warnings.join('\n'));
  });

  it('says why when the core refuses (an anchor an alias repeats), instead of failing the command', async () => {
    const text = `${LINES.join('\n').replace('reality: >-\n', 'reality: &seen >-\n')}\nx-seen: *seen\n`;
    await put(encode(text));
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.acknowledgeFlag, { id: ID, note: 'Fix planned.' });
    assert.equal(result, undefined, 'nothing was written');
    assert.equal(decode(await bytesOf(FLAG)), text);
    assert.ok(warnings.some((message) => /was not changed: "reality" carries the anchor &seen/.test(message) && /edit the YAML by hand/.test(message)), warnings.join('\n'));
  });

  it('loses nothing to a writer racing the edit between the last compare and the write, and says so', async () => {
    const original = `${LINES.join('\n')}\n`;
    await put(encode(original));
    const read = await readForEdit(FLAG);
    assert.ok(read);
    const mine = original.replace('status: open', 'status: acknowledged');
    const theirs = original.replace('status: open # until someone owns it', 'status: resolved # until someone owns it\nresolution: Fixed on their branch.');
    let raced = false;
    writerTestHooks.beforeSave = async (uri) => {
      // The other writer (a pull, a teammate's tool) lands after Truthline compared the file and put its edit in the document.
      writerTestHooks.beforeSave = undefined;
      await vscode.workspace.fs.writeFile(uri, encode(theirs));
      raced = true;
    };
    assert.equal(await writeEdit(read, mine), false, 'the edit is not written');
    assert.ok(raced, 'the racing writer ran between the compare and the write');
    assert.equal(decode(await bytesOf(FLAG)), theirs, 'their change is on disk, not overwritten');
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === FLAG.toString());
    assert.ok(document?.isDirty, 'the edit waits unsaved in the editor');
    assert.equal(document.getText(), mine, 'and it is the whole edit: nothing of either is lost');
    assert.ok(warnings.some((message) => /changed on disk while Truthline was saving it/.test(message) && /Nothing on disk was overwritten/.test(message)), warnings.join('\n'));
  });

  it('lets only one of two edits made from the same read through, the other says the file changed', async () => {
    const original = `${LINES.join('\n')}\n`;
    await put(encode(original));
    const read = await readForEdit(FLAG);
    assert.ok(read);
    const first = original.replace('status: open', 'status: acknowledged');
    const second = original.replace('status: open', 'status: resolved');
    const results = await Promise.all([writeEdit(read, first), writeEdit(read, second)]);
    assert.deepEqual(results, [true, false]);
    assert.equal(decode(await bytesOf(FLAG)), first);
    assert.ok(warnings.some((message) => /changed on disk after Truthline read it/.test(message)), warnings.join('\n'));
  });
});
