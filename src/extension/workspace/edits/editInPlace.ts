// The one path of every in-place edit: read the item's file (refusing an editor's unsaved changes), ask
// what is still to ask, compute the new text with core (comments and formatting kept), write it only if
// the file is still what was read, then wait until the store shows the change.
import * as vscode from 'vscode';
import { parseAlignmentFile, type EditResult } from '../../../core';
import type { AlignmentStore } from '../alignmentStore';
import type { FoundItem } from './commandArgs';
import { readForEdit, writeEdit } from './writer';
import { canWrite } from './writeAccess';
import { plainText } from '../../util/plainText';

const STORE_WAIT_MS = 3_000;

export interface InPlaceEdit<T> {
  /** Prompts for what the argument did not say; undefined (Escape) cancels. Runs after the file is read. */
  ask(): Promise<T | undefined>;
  compute(text: string, answers: T): EditResult;
  /** A short past-tense line for the status bar: "Acknowledged F-1". */
  done(answers: T): string;
}

export async function editInPlace<T>(store: AlignmentStore, found: FoundItem, edit: InPlaceEdit<T>, afterWrite: () => Promise<void>): Promise<vscode.Uri | undefined> {
  const folder = found.snapshot.folder.uri;
  if (!canWrite(folder)) return undefined;
  const uri = store.uriOf(found.snapshot, found.entry);
  const read = await readForEdit(uri);
  if (!read) return undefined;
  const answers = await edit.ask();
  if (answers === undefined) return undefined;
  const result = edit.compute(read.text, answers);
  if (!result.ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} was not changed: {1}', plainText(found.entry.id), plainText(result.message)));
    return undefined;
  }
  if (!(await writeEdit(read, result.text))) return undefined;
  await waitForStore(store, folder, found.entry.file, found.entry.id, result.text);
  await afterWrite();
  vscode.window.setStatusBarMessage(`$(check) ${edit.done(answers)}`, 4_000);
  return uri;
}

/** Resolves once the store holds the item as written (the watcher reads it); reloads if that is slow. */
function waitForStore(store: AlignmentStore, folder: vscode.Uri, file: string, id: string, text: string): Promise<void> {
  const expected = JSON.stringify(parseAlignmentFile(file, text).items.find((entry) => entry.id === id)?.item);
  return store.waitFor(folder, (snapshot) => JSON.stringify(snapshot.model.byId.get(id)?.item) === expected, STORE_WAIT_MS);
}
