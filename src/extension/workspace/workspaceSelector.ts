import * as vscode from 'vscode';

/**
 * Files of the workspace folders, in any language: tags live in every language's comments. The providers
 * still answer only for files of a folder that has `.alignment/`.
 */
export function workspaceFilesSelector(): vscode.DocumentFilter[] {
  const schemes = new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)]);
  return [...schemes].map((scheme) => ({ scheme }));
}
