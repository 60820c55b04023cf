// The workspace the integration suite runs on (the harness's copy of the example repository), by path.
import * as assert from 'assert';
import * as vscode from 'vscode';

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri;
}

export function file(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...relative.split('/'));
}

export async function write(relative: string, lines: string[]): Promise<void> {
  await vscode.workspace.fs.writeFile(file(relative), new TextEncoder().encode(`${lines.join('\n')}\n`));
}

/** Deletes a file; one already gone (deleted or renamed by the test) is the state we want. */
export async function remove(relative: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(file(relative));
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError)) throw error;
  }
}
