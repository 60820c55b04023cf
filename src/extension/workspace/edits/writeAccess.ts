// Writing is offered only where VS Code allows it: a trusted workspace on a writable file system.
// Reading works everywhere; a write command run where it cannot write says why and how to change it.
import * as vscode from 'vscode';

const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/** Whether `.alignment/` of `folder` can be written; says why not (without waiting for an answer) when not. */
export function canWrite(folder: vscode.Uri): boolean {
  if (!isTrusted(vscode.l10n.t('raise flags and edit items'))) return false;
  if (vscode.workspace.fs.isWritableFileSystem(folder.scheme) === false) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is on a read-only file system: Truthline cannot write .alignment/ there.', folder.toString(true)));
    return false;
  }
  return true;
}

/**
 * Whether the workspace is trusted. In Restricted Mode it says so, and what to do: trust the workspace
 * (a button opens Manage Workspace Trust) to `toDo`. Asked at every write, so trust granted later applies
 * at once, without a reload.
 */
export function isTrusted(toDo: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(
    vscode.l10n.t('This workspace is in Restricted Mode: Truthline shows .alignment/ but writes nothing. Trust the workspace to {0}.', toDo),
    manage,
  ).then((choice) => (choice === manage ? vscode.commands.executeCommand(MANAGE_TRUST_COMMAND) : undefined));
  return false;
}
