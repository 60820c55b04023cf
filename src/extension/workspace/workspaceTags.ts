// Where an item is in the code, from the workspace tag index and the items' `paths`: for Find All
// References, the trees' "In the code" groups and the API. The index is read, never the workspace again.
import * as vscode from 'vscode';
import { codeFor, RepoPathTies, type AlignmentModel, type CodeLine, type CodePlace, type LoadedItem } from '../../core';
import type { FolderSnapshot } from './folderAlignment';
import { childUri } from '../util/uris';

export interface WorkspaceReferences {
  tags: vscode.Location[];
  /** Files whose module the item serves or covers through `paths`, at their first line. */
  files: vscode.Location[];
}

/** Each model's files by the items whose paths cover them, for the file list it was built from. */
const tiesByModel = new WeakMap<AlignmentModel, { filesVersion: number; complete: boolean; ties: RepoPathTies }>();

/**
 * The places in the code as the index knows them now (it may still be building: see `snapshot.tags.complete`).
 * Which files paths cover is worked out once per model and file list (one pass over 30,000 files takes
 * ~0.2 s); every later question reads only its item's files.
 */
export function codePlaces(snapshot: FolderSnapshot, id: string): CodePlace[] {
  return codeFor(snapshot.model, id, snapshot.tags.hitsFor(id), pathTies(snapshot));
}

/** The folder's files by the items whose paths cover them, worked out once per model and file list. */
export function pathTies(snapshot: FolderSnapshot): RepoPathTies {
  const { model, tags } = snapshot;
  let cached = tiesByModel.get(model);
  if (!cached || cached.filesVersion !== tags.filesVersion || cached.complete !== tags.complete) {
    cached = { filesVersion: tags.filesVersion, complete: tags.complete, ties: new RepoPathTies(model, tags.files()) };
    tiesByModel.set(model, cached);
  }
  return cached.ties;
}

/** The places in the code once the folder is indexed whole; undefined when cancelled first. */
export async function completeCodePlaces(snapshot: FolderSnapshot, id: string, token?: vscode.CancellationToken): Promise<CodePlace[] | undefined> {
  const cancelled = new Promise<'cancelled'>((resolve) => token?.onCancellationRequested(() => resolve('cancelled')));
  if ((await Promise.race([snapshot.tags.ready().then(() => 'ready' as const), cancelled])) === 'cancelled') return undefined;
  return codePlaces(snapshot, id);
}

export function placeUri(snapshot: FolderSnapshot, place: CodePlace): vscode.Uri {
  return childUri(snapshot.folder.uri, place.path);
}

/** The range of a tag's id (or the first column of an anchored line). */
export function lineRange(line: CodeLine): vscode.Range {
  return new vscode.Range(line.line - 1, line.column - 1, line.line - 1, line.endColumn - 1);
}

export async function findInWorkspace(snapshot: FolderSnapshot, entry: LoadedItem, token: vscode.CancellationToken): Promise<WorkspaceReferences> {
  const found: WorkspaceReferences = { tags: [], files: [] };
  for (const place of (await completeCodePlaces(snapshot, entry.id, token)) ?? []) {
    const uri = placeUri(snapshot, place);
    // A flag's anchor is where it was raised, not a reference to its id.
    for (const line of place.lines) if (line.keyword !== 'anchor') found.tags.push(new vscode.Location(uri, lineRange(line)));
    if (place.byPaths) found.files.push(new vscode.Location(uri, new vscode.Position(0, 0)));
  }
  return found;
}
