// Opening an item's YAML at its line, from a row (click or Enter). Focus stays in the tree, as in the
// Outline view, so the keyboard can walk on through the rows.
import * as vscode from 'vscode';
import type { SourceRange } from '../../core';
import { logError } from '../util/log';
import { plainText } from '../util/plainText';

export async function openItem(uri: vscode.Uri, range: SourceRange, preserveFocus = true): Promise<void> {
  const start = new vscode.Position(range.line - 1, range.column - 1);
  try {
    const editor = await vscode.window.showTextDocument(uri, { selection: new vscode.Range(start, start), preserveFocus });
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } catch (error) {
    // Deleted or renamed since the view was drawn: the watcher redraws the view; say what happened.
    logError(`could not open ${uri.toString()}`, error);
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not open {0}: {1}', plainText(vscode.workspace.asRelativePath(uri)), plainText(error instanceof Error ? error.message : String(error))));
  }
}
