// Every write of `.alignment/` by a command goes through here. An edit in place starts from the bytes the
// command read (strict UTF-8: a file that is not is refused, never rewritten with replacement characters;
// a byte order mark is kept), and is written only if the file still holds those bytes, so nobody's words
// are overwritten. A new file never replaces an existing one.
//
// Why the edit goes through the file's TextDocument and not vscode.workspace.fs.writeFile: the file system
// API has no conditional write. Re-reading, comparing, then writing leaves a window between the compare and
// the write in which another writer's change is overwritten without a trace, and writing then re-reading
// only notices writers that come after us: the one in the window is already gone. VS Code's API has two
// checks that do hold at the moment of writing: a WorkspaceEdit carries the document's version and is
// refused when the document changed since (the user typing, another extension, a reload from disk), and
// saving a document is refused when the file on disk changed since the document read it (VS Code's own
// "the content of the file is newer" conflict). So: the document must hold exactly the bytes read, the edit
// is applied to it with no await between that check and the WorkspaceEdit, and the document is saved.
// A conflict at saving leaves the edit unsaved in the editor beside the other writer's file, for the user to
// compare: nothing of either is lost. What VS Code does not see is a change of the same size landing in the
// milliseconds between the edit and the save (its conflict check compares modification time and size).
//
// The document holds a file's text, not its bytes: it has one line end for all lines, and saving runs the
// user's save actions (format on save, trimming whitespace, a final newline). When either would make the
// saved bytes differ from the edit (a file mixing LF and CRLF, a save action that would change something),
// the bytes are written with vscode.workspace.fs after a last compare; there the window stays, as small as
// one read.
import * as vscode from 'vscode';
import { linkOnPath } from '../links';
import { log, logError } from '../../util/log';
import { relativePath } from '../../util/uris';
import { errorMessage } from '../../../core';

/** A file as a command read it, before asking anything. */
export interface ReadText {
  readonly uri: vscode.Uri;
  /** The bytes on disk, to compare with before writing. */
  readonly bytes: Uint8Array;
  /** The bytes decoded as UTF-8, with a byte order mark (if any) kept as U+FEFF. */
  readonly text: string;
}

/**
 * For the integration tests: runs after the edit is in the document and before it is saved, the moment
 * a racing writer can still land.
 */
export const writerTestHooks: { beforeSave?: (uri: vscode.Uri) => Promise<void> } = {};

const encoder = new TextEncoder();
// fatal: invalid bytes are an error, not U+FFFD written back. ignoreBOM: the BOM stays in the text, so it is written back.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const BOM = '\uFEFF';

/** Reads a file to edit it; refuses (with a message) when an editor holds unsaved changes of it, or it is not UTF-8. */
export async function readForEdit(uri: vscode.Uri): Promise<ReadText | undefined> {
  if (refuseIfDirty(uri) || (await refuseIfLinked(uri))) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    logError(`could not read ${uri.toString()}`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1}', vscode.workspace.asRelativePath(uri), messageOf(error)));
    return undefined;
  }
  const text = decodeStrict(bytes);
  if (text === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not valid UTF-8 text; Truthline does not rewrite it, since the bytes it cannot read would be lost. Save it as UTF-8 and run the command again.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  return { uri, bytes, text };
}

/** Writes `text` over what `read` held, unless the file changed since; true when written. */
export function writeEdit(read: ReadText, text: string): Promise<boolean> {
  // Truthline's own writes of one file follow one another: two commands never compare against the same bytes.
  const key = read.uri.toString();
  const previous = queue.get(key) ?? Promise.resolve();
  const next = previous.then(() => write(read, text), () => write(read, text));
  const settled = next.then(() => undefined, () => undefined);
  queue.set(key, settled);
  void settled.then(() => {
    if (queue.get(key) === settled) queue.delete(key);
  });
  return next;
}

const queue = new Map<string, Promise<void>>();

async function write(read: ReadText, text: string): Promise<boolean> {
  const { uri } = read;
  const where = vscode.workspace.asRelativePath(uri);
  if (refuseIfDirty(uri)) return false;
  let document: vscode.TextDocument | undefined;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    // A file VS Code will not open as text (too large, binary-looking): its bytes are written instead.
    logError(`could not open ${uri.toString()} as a document`, error);
  }
  if (!(await unchangedOnDisk(read, where))) return false;
  // A document VS Code already had may not have caught up with the file on disk yet; then compare again.
  if (document && !document.isDirty && !(await caughtUp(document, withoutBom(read.text)))) {
    if (!(await unchangedOnDisk(read, where))) return false;
  }
  const bytes = encoder.encode(text);
  const reason = document ? documentCannotWrite(document, read.text, text) : 'no document';
  if (reason !== undefined) {
    log(`writing ${uri.toString()} as bytes, not through its document: ${reason}`);
    return writeBytes(uri, bytes, where);
  }
  return writeThroughDocument(document as vscode.TextDocument, read.text, text, bytes, where);
}

/** Whether the file still holds the bytes read; says so when it does not. */
async function unchangedOnDisk(read: ReadText, where: string): Promise<boolean> {
  const now = await readBytes(read.uri);
  if (now === undefined) return false;
  return sameBytes(now, read.bytes) || changedOnDisk(where);
}

/**
 * True at once when the document holds `text`; else waits a while for it to (false). It may never: a file
 * mixing line ends is held with one, and then the bytes are written instead.
 */
async function caughtUp(document: vscode.TextDocument, text: string): Promise<boolean> {
  if (document.getText() === text) return true;
  if (document.getText() === text.replace(/\r?\n/g, document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n')) return false;
  const deadline = Date.now() + CATCH_UP_MS;
  while (document.getText() !== text && !document.isDirty && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  return false;
}

const CATCH_UP_MS = 2_000;

/** Why saving the document would not write exactly `after` over exactly `before`, if it would not. */
function documentCannotWrite(document: vscode.TextDocument, before: string, after: string): string | undefined {
  if (document.isDirty) return 'unsaved changes';
  // Mixed line ends, another encoding, or a document not yet reloaded after a change on disk.
  if (document.getText() !== withoutBom(before)) return 'the document holds another text than the file';
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const body = withoutBom(after);
  if ((eol === '\n' && body.includes('\r\n')) || (eol === '\r\n' && /(^|[^\r])\n/.test(body))) return 'line ends the document would change';
  if (before.startsWith(BOM) !== after.startsWith(BOM)) return 'a byte order mark added or removed';
  const files = vscode.workspace.getConfiguration('files', document);
  const editor = vscode.workspace.getConfiguration('editor', document);
  if (files.get<string>('saveConflictResolution') === 'overwriteFileOnDisk') return 'saving would not check the file on disk';
  if (editor.get<boolean>('formatOnSave')) return 'format on save';
  if (hasCodeActionsOnSave(editor.get<unknown>('codeActionsOnSave'))) return 'code actions on save';
  if (files.get<boolean>('trimTrailingWhitespace') && /[ \t]\r?$/m.test(body)) return 'trimming trailing whitespace on save';
  if (files.get<boolean>('insertFinalNewline') && body !== '' && !body.endsWith('\n')) return 'a final newline on save';
  if (files.get<boolean>('trimFinalNewlines') && /\n\r?\n$/.test(body)) return 'trimming final newlines on save';
  return undefined;
}

function hasCodeActionsOnSave(setting: unknown): boolean {
  if (Array.isArray(setting)) return setting.length > 0;
  if (setting && typeof setting === 'object') return Object.values(setting).some((value) => value === true || value === 'explicit' || value === 'always');
  return false;
}

async function writeThroughDocument(document: vscode.TextDocument, before: string, after: string, bytes: Uint8Array, where: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  const { start, end, insert } = changedSpan(withoutBom(before), withoutBom(after));
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), insert);
  // No await since documentCannotWrite compared the document's text: the edit carries that version.
  let applied = false;
  try {
    applied = await vscode.workspace.applyEdit(edit);
  } catch (error) {
    logError(`could not apply the edit to ${document.uri.toString()}`, error);
  }
  if (!applied) return changedOnDisk(where);
  await writerTestHooks.beforeSave?.(document.uri);
  let saved = false;
  try {
    saved = await document.save();
  } catch (error) {
    logError(`could not save ${document.uri.toString()}`, error);
  }
  if (!saved) {
    // VS Code refused to overwrite a newer file (and says so itself, with Compare and Overwrite).
    void vscode.window.showTextDocument(document, { preview: false });
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed on disk while Truthline was saving it (a pull, or someone else\'s edit). Nothing on disk was overwritten: the edit is left unsaved in the editor. Compare it with the file, then save or revert it.', where));
    return false;
  }
  const written = await readBytes(document.uri);
  if (written !== undefined && !sameBytes(written, bytes)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} was saved, but it holds more changes than the edit (a save action of an extension, or another writer). Check it before committing.', where));
  }
  return true;
}

/** The bytes go to disk after a last compare (see the top of this file for the window this leaves). */
async function writeBytes(uri: vscode.Uri, bytes: Uint8Array, where: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.writeFile(uri, bytes);
  } catch (error) {
    logError(`could not write ${uri.toString()}`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', where, messageOf(error)));
    return false;
  }
  const written = await readBytes(uri);
  if (written !== undefined && !sameBytes(written, bytes)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed on disk right after Truthline wrote it (a pull, or someone else\'s edit); the file holds their version. Run the command again if the edit is still needed.', where));
  }
  return true;
}

/** The shortest replacement turning `before` into `after`, never splitting a CRLF. */
function changedSpan(before: string, after: string): { start: number; end: number; insert: string } {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before[start] === after[start]) start++;
  if (start > 0 && before[start - 1] === '\r') start--;
  let tail = 0;
  while (tail < limit - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  if (tail > 0 && before[before.length - tail] === '\n' && before[before.length - tail - 1] === '\r') tail--;
  return { start, end: before.length - tail, insert: after.slice(start, after.length - tail) };
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    logError(`could not read ${uri.toString()} again`, error);
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is gone or unreadable since it was read; nothing was written.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
}

function changedOnDisk(where: string): false {
  void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed on disk after Truthline read it (a pull, or someone else\'s edit); nothing was written. Run the command again to edit the new text.', where));
  return false;
}

function decodeStrict(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined; // TypeError: the bytes are not UTF-8; the caller says so
  }
}

function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * Creates a new file; 'exists' when a file is already there (it is left untouched). A WorkspaceEdit is
 * the one way through the API to create a file without overwriting one.
 */
export async function createNewFile(uri: vscode.Uri, text: string, label: string): Promise<'created' | 'exists' | 'failed'> {
  if (await refuseIfLinked(uri)) return 'failed';
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: encoder.encode(text) }, { label, needsConfirmation: false });
  let applied = false;
  try {
    applied = await vscode.workspace.applyEdit(edit);
  } catch (error) {
    logError(`could not create ${uri.toString()}`, error);
  }
  if (applied) return 'created';
  try {
    await vscode.workspace.fs.stat(uri);
    return 'exists';
  } catch (error) {
    logError(`could not create ${uri.toString()} (and it does not exist)`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', vscode.workspace.asRelativePath(uri)));
    return 'failed';
  }
}

/** A symbolic link on the way to the file (`.alignment/flags` linked elsewhere) could lead anywhere: never write through one. */
async function refuseIfLinked(uri: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const relative = folder ? relativePath(folder.uri, uri) : undefined;
  const link = folder && relative !== undefined ? await linkOnPath(folder.uri, relative) : undefined;
  if (link === undefined) return false;
  void vscode.window.showErrorMessage(vscode.l10n.t('{0} is a symbolic link; Truthline does not write through links, which could lead outside the repository. Nothing was written.', link));
  return true;
}

function refuseIfDirty(uri: vscode.Uri): boolean {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (!open?.isDirty) return false;
  void vscode.window.showWarningMessage(vscode.l10n.t('{0} has unsaved changes in an editor; save or revert them first. Nothing was written.', vscode.workspace.asRelativePath(uri)));
  return true;
}

export function messageOf(error: unknown): string {
  return errorMessage(error);
}
