// Where an item is written, as editor positions and as a link, and opening it there: the one way every
// view, lens, picker and link opens an item.
import * as vscode from 'vscode';
import { errorMessage, type LoadedItem, type SourceRange } from '../../core';
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

/** Opens the item's YAML with its `id` value selected, the editor focused. */
export function showItem(store: AlignmentStore, snapshot: FolderSnapshot, entry: LoadedItem): Promise<void> {
  return openAt(store.uriOf(snapshot, entry), idValueRange(entry), false);
}

/** Opens an item's YAML with the cursor at the start of `range` (a row's click: focus stays in the tree). */
export function openItem(uri: vscode.Uri, range: SourceRange, preserveFocus = true): Promise<void> {
  const start = new vscode.Position(range.line - 1, range.column - 1);
  return openAt(uri, new vscode.Range(start, start), preserveFocus);
}

async function openAt(uri: vscode.Uri, selection: vscode.Range, preserveFocus: boolean): Promise<void> {
  try {
    const editor = await vscode.window.showTextDocument(uri, { selection, preserveFocus });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } catch (error) {
    // Deleted or renamed since it was shown: the watcher redraws the views; say what happened.
    logError(`could not open ${uri.toString()}`, error);
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not open {0}: {1}', plainText(vscode.workspace.asRelativePath(uri)), plainText(errorMessage(error))));
  }
}
