// Reading a source file on disk for its comment tags, for the tag index, and never more than needed (a file without '@' is not decoded; links, special, binary and large files hold none).
import * as vscode from 'vscode';
import { scanTags, type Tag } from '../../core';
import { isSymbolicLink } from './links';
import { childUri, decodeText } from '../util/uris';
import { log } from '../util/log';

const MAX_FILE_BYTES = 1024 * 1024;
/** A NUL byte this near the start makes a file binary, as git decides. */
const BINARY_SNIFF_BYTES = 8000;
const AT = 0x40;
/** Files read, and folders listed, at once. */
export const PARALLEL_READS = 64;
/** More files to read than this, and their types come from their folders' listings, not a stat each. */
export const TYPES_BY_FOLDER_FROM = 64;

export interface Entry {
  tags: readonly Tag[];
}

/** The type of each path's entry, from one readDirectory per folder (a folder that cannot be read: none). */
export async function typesByFolder(root: vscode.Uri, paths: readonly string[], token: vscode.CancellationToken): Promise<Map<string, vscode.FileType>> {
  const folders = [...new Set(paths.map((path) => path.slice(0, Math.max(0, path.lastIndexOf('/')))))];
  const types = new Map<string, vscode.FileType>();
  for (let start = 0; start < folders.length && !token.isCancellationRequested; start += PARALLEL_READS) {
    await Promise.all(folders.slice(start, start + PARALLEL_READS).map(async (folder) => {
      try {
        for (const [name, type] of await vscode.workspace.fs.readDirectory(folder ? childUri(root, folder) : root)) types.set(folder ? `${folder}/${name}` : name, type);
      } catch (error) {
        log(`tag index: could not list ${folder || '.'}: ${String(error)}`); // its files are stat'ed one by one
      }
    }));
  }
  return types;
}

/**
 * A file's tags on disk; none for a link or special file (never read: a
 * link could lead anywhere, a pipe never ends), a file over 1 MiB or a binary file.
 */
export async function readTags(root: vscode.Uri, path: string, knownType?: vscode.FileType): Promise<Entry | undefined> {
  const uri = childUri(root, path);
  const none: Entry = { tags: [] };
  try {
    let type = knownType;
    if (type === undefined) {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_FILE_BYTES) return none;
      type = stat.type;
    }
    if (type !== vscode.FileType.File || isSymbolicLink(type)) return none;
    const bytes = await vscode.workspace.fs.readFile(uri);
    // No '@', no tag: most files are never decoded.
    if (bytes.length > MAX_FILE_BYTES || bytes.indexOf(AT) === -1 || bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return none;
    return { tags: scanTags(decodeText(bytes)) };
  } catch (error) {
    // Deleted since it was listed: the delete event takes it out. Unreadable: it holds no tags we can show.
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) log(`tag index: could not read ${path}: ${String(error)}`);
    return undefined;
  }
}
