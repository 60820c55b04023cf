// Reads a workspace folder's files for Find All References: comment tags naming an id, and files tied to
// the item by paths. Bounded (files, bytes, no node_modules or .git) so a large repository answers quickly
// with what it found rather than not at all.
import * as vscode from 'vscode';
import { ALIGNMENT_FOLDER, fileTieTest, scanTags, TAG_KINDS, type LoadedItem } from '../../core';
import type { FolderSnapshot } from './alignmentStore';
import { isSymbolicLink } from './links';
import { decodeText, relativePath } from '../util/uris';
import { log } from '../util/log';
import { idRange } from './documentTags';

const MAX_FILES = 10_000;
const MAX_FILE_BYTES = 1024 * 1024;
const PARALLEL_READS = 16;
const EXCLUDE = '**/{node_modules,.git}/**';

export interface WorkspaceReferences {
  tags: vscode.Location[];
  /** Files whose module the item serves or covers through `paths`, at their first line. */
  files: vscode.Location[];
}

export async function findInWorkspace(snapshot: FolderSnapshot, entry: LoadedItem, token: vscode.CancellationToken): Promise<WorkspaceReferences> {
  const found: WorkspaceReferences = { tags: [], files: [] };
  const folder = snapshot.folder;
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), EXCLUDE, MAX_FILES, token);
  const isTied = fileTieTest(snapshot.model, entry.id);
  const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  const sources = uris.filter((uri) => {
    const path = relativePath(folder.uri, uri);
    return path !== undefined && !path.startsWith(`${ALIGNMENT_FOLDER}/`);
  });
  for (const uri of sources) {
    const path = relativePath(folder.uri, uri) as string;
    if (isTied(path)) found.files.push(new vscode.Location(uri, new vscode.Position(0, 0)));
  }
  for (let start = 0; start < sources.length && !token.isCancellationRequested; start += PARALLEL_READS) {
    const batch = sources.slice(start, start + PARALLEL_READS);
    const texts = await Promise.all(batch.map((uri) => textOf(uri, open.get(uri.toString()))));
    batch.forEach((uri, index) => {
      const text = texts[index];
      if (!text?.includes(entry.id)) return;
      for (const tag of scanTags(text)) {
        if (tag.id === entry.id && TAG_KINDS[tag.keyword] === entry.kind) found.tags.push(new vscode.Location(uri, idRange(tag)));
      }
    });
  }
  return found;
}

/** An open editor's text (it may be unsaved), else the file's; nothing for large, binary or special files, or links. */
async function textOf(uri: vscode.Uri, document: vscode.TextDocument | undefined): Promise<string | undefined> {
  if (document) return document.getText();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    // Not past 1 MiB, not a pipe (a read would never end), not through a link (it could lead anywhere).
    if (stat.size > MAX_FILE_BYTES || !(stat.type & vscode.FileType.File) || isSymbolicLink(stat.type)) return undefined;
    const text = decodeText(await vscode.workspace.fs.readFile(uri));
    return text.includes('\u0000') ? undefined : text;
  } catch (error) {
    // Deleted or unreadable since it was listed: it holds no references we can show; note it and go on.
    log(`references: could not read ${uri.toString()}: ${String(error)}`);
    return undefined;
  }
}
