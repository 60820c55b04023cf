// Where an item is written, as editor positions and as a link, and opening it there.
import * as vscode from 'vscode';
import type { LoadedItem, SourceRange } from '../../core';
import type { AlignmentStore, FolderSnapshot } from './alignmentStore';
import { logError } from '../util/log';
import { plainText } from '../util/plainText';

/** A core range (1-based, end exclusive) as an editor range (0-based). */
export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.line - 1, range.column - 1, range.endLine - 1, range.endColumn - 1);
}

/** The item's `id` value: where the cursor lands when the item is opened. */
export function idValueRange(entry: LoadedItem): vscode.Range {
  return toRange(entry.locate(['id']) ?? entry.range);
}

/**
 * A plain file link to the item's line (`#L12`): the editor opens it at that line. A file link, not a
 * command link, so it works in untrusted markdown.
 */
export function itemLink(store: AlignmentStore, snapshot: FolderSnapshot, entry: LoadedItem): vscode.Uri {
  return store.uriOf(snapshot, entry).with({ fragment: `L${idValueRange(entry).start.line + 1}` });
}

export async function showItem(store: AlignmentStore, snapshot: FolderSnapshot, entry: LoadedItem): Promise<void> {
  const uri = store.uriOf(snapshot, entry);
  try {
    await vscode.window.showTextDocument(uri, { selection: idValueRange(entry) });
  } catch (error) {
    // Deleted since the model was read: the watcher rebuilds it; say what happened.
    logError(`could not open ${uri.toString()}`, error);
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not open {0}: {1}', plainText(vscode.workspace.asRelativePath(uri)), plainText(error instanceof Error ? error.message : String(error))));
  }
}
