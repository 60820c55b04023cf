import * as vscode from 'vscode';
import { isInsideRepository } from '../../core';

/** The path of `uri` relative to `folder`, with forward slashes, or undefined when outside it. */
export function relativePath(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

export function childUri(folder: vscode.Uri, relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, ...relative.split('/'));
}

/**
 * The Uri of a repository-relative path written in YAML (a flag's `anchor.path`), or undefined when the path
 * leads outside the folder (`../../etc/passwd`): such a path is never stat'ed, read or opened.
 */
export function repoFileUri(folder: vscode.Uri, relative: string): vscode.Uri | undefined {
  return isInsideRepository(relative) ? childUri(folder, relative.replace(/\\/g, '/')) : undefined;
}

const decoder = new TextDecoder('utf-8');
export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** The file's stat, or undefined when there is nothing there (stat fails only then, or when unreachable). */
export async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined; // nothing there: every caller treats that as "nothing to read"
  }
}
