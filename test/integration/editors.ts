// Leaving editors as a test found them: unsaved changes a test typed are thrown away by name, and the wait
// ends only when VS Code says the document is clean. `workbench.action.files.revert` works on the active
// editor whatever it is given, and on a busy machine focus may have moved on between two commands: a revert
// that hit another editor would leave typed text standing for the file in every later suite.
import * as vscode from 'vscode';
import { waitUntil } from './waiting';

/** Throws away a document's unsaved changes (showing it first, again until the revert took). */
export async function revertUnsaved(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed || !document.isDirty) return;
  await waitUntil(`${vscode.workspace.asRelativePath(document.uri)} is reverted`, async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    return document.isClosed || !document.isDirty;
  }, { intervalMs: 250 });
}

/** Reverts every file a test left unsaved, drops untitled scratches, then closes every editor. */
export async function revertAllAndClose(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((open) => open.isDirty)) {
    if (!document.isUntitled) {
      await revertUnsaved(document);
    } else {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitUntil('every editor is closed', () => vscode.window.tabGroups.all.every((group) => group.tabs.length === 0));
}

/** Reverts a document and closes its editor. */
export async function revertAndClose(document: vscode.TextDocument): Promise<void> {
  await revertUnsaved(document);
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}
