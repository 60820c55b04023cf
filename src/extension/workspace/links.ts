// Symbolic links in a workspace folder are not followed for `.alignment/` content: a link committed on a
// branch could lead anywhere on the machine (~/.ssh, /etc), and an edit would write through it. The store
// reports a link as a `symbolic-link` problem instead of reading it; anything about to write a file below
// `.alignment/` asks linkOnPath first and refuses when it answers.
import * as vscode from 'vscode';

export function isSymbolicLink(type: vscode.FileType): boolean {
  return (type & vscode.FileType.SymbolicLink) !== 0;
}

/**
 * The first part of `relative` (a `/`-separated path below `folder`, itself included) that is a symbolic
 * link, as a repository-relative path; undefined when none is. A part that does not exist (a file about to be
 * created) ends the walk: nothing below it can be a link.
 */
export async function linkOnPath(folder: vscode.Uri, relative: string): Promise<string | undefined> {
  const parts = relative.split('/').filter((part) => part !== '' && part !== '.');
  for (let end = 1; end <= parts.length; end++) {
    const path = parts.slice(0, end).join('/');
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, ...parts.slice(0, end)));
    } catch {
      return undefined; // not there (yet): no link on the way to it
    }
    if (isSymbolicLink(stat.type)) return path;
  }
  return undefined;
}
