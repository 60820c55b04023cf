// Every write of `.alignment/` by a command goes through here. An edit in place starts from the text the
// command read, and just before writing the file is read again: if it changed on disk, or has unsaved
// changes in an editor, the edit is refused with a message, so nobody's words are overwritten. A new file
// never replaces an existing one.
import * as vscode from 'vscode';
import { decodeText } from '../util/uris';
import { logError } from '../util/log';

/** A file as a command read it, before asking anything. */
export interface ReadText {
  readonly uri: vscode.Uri;
  readonly text: string;
}

const encoder = new TextEncoder();

/** Reads a file to edit it; refuses (with a message) when an editor holds unsaved changes of it. */
export async function readForEdit(uri: vscode.Uri): Promise<ReadText | undefined> {
  if (refuseIfDirty(uri)) return undefined;
  try {
    return { uri, text: decodeText(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    logError(`could not read ${uri.toString()}`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1}', vscode.workspace.asRelativePath(uri), messageOf(error)));
    return undefined;
  }
}

/** Writes `text` over what `read` held, unless the file changed since; true when written. */
export async function writeEdit(read: ReadText, text: string): Promise<boolean> {
  if (refuseIfDirty(read.uri)) return false;
  let now: string;
  try {
    now = decodeText(await vscode.workspace.fs.readFile(read.uri));
  } catch (error) {
    logError(`could not read ${read.uri.toString()} again`, error);
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is gone or unreadable since it was read; nothing was written.', vscode.workspace.asRelativePath(read.uri)));
    return false;
  }
  if (now !== read.text) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed on disk after Truthline read it (a pull, or someone else\'s edit); nothing was written. Run the command again to edit the new text.', vscode.workspace.asRelativePath(read.uri)));
    return false;
  }
  try {
    await vscode.workspace.fs.writeFile(read.uri, encoder.encode(text));
    return true;
  } catch (error) {
    logError(`could not write ${read.uri.toString()}`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', vscode.workspace.asRelativePath(read.uri), messageOf(error)));
    return false;
  }
}

/**
 * Creates a new file; 'exists' when a file is already there (it is left untouched). A WorkspaceEdit is
 * the one way through the API to create a file without overwriting one.
 */
export async function createNewFile(uri: vscode.Uri, text: string, label: string): Promise<'created' | 'exists' | 'failed'> {
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

function refuseIfDirty(uri: vscode.Uri): boolean {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (!open?.isDirty) return false;
  void vscode.window.showWarningMessage(vscode.l10n.t('{0} has unsaved changes in an editor; save or revert them first. Nothing was written.', vscode.workspace.asRelativePath(uri)));
  return true;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
