// Where an item is in the code, from the workspace tag index and the items' `paths`: for Find All
// References, the trees' "In the code" groups and the API. The index is read, never the workspace again.
import * as vscode from 'vscode';
import { codeFor, RepoPathTies, type AlignmentModel, type CodeLine, type CodePlace, type LoadedItem } from '../../core';
import type { FolderSnapshot } from './folderAlignment';
import { childUri } from '../util/uris';
import { hostSlices } from '../util/timeSlices';

export interface WorkspaceReferences {
  tags: vscode.Location[];
  /** Files whose module the item serves or covers through `paths`, at their first line. */
  files: vscode.Location[];
}

/** Each model's files by the items whose paths cover them, for the file list it was built from. */
const tiesByModel = new WeakMap<AlignmentModel, FiledTies>();

interface FiledTies {
  readonly filesVersion: number;
  readonly complete: boolean;
  readonly ties: RepoPathTies;
  /** Whether every file is filed (a build in slices may still be under way). */
  done: boolean;
  readonly ready: Promise<RepoPathTies>;
}

/** Files filed in one job of the slices (~10 µs each on 2,000 features' patterns). */
const FILES_PER_JOB = 200;

/**
 * The places in the code as the index knows them now (it may still be building: see `snapshot.tags.complete`).
 * Which files paths cover is worked out once per model and file list (one pass over 30,000 files takes
 * ~0.2 s); every later question reads only its item's files.
 */
export function codePlaces(snapshot: FolderSnapshot, id: string): CodePlace[] {
  return codeFor(snapshot.model, id, snapshot.tags.hitsFor(id), pathTies(snapshot));
}

/** codePlaces, with the paths' ties filed in slices if this model and file list have none yet. */
export async function codePlacesInSlices(snapshot: FolderSnapshot, id: string): Promise<CodePlace[]> {
  const ties = await pathTiesInSlices(snapshot);
  return codeFor(snapshot.model, id, snapshot.tags.hitsFor(id), ties);
}

function freshTies(snapshot: FolderSnapshot): FiledTies | undefined {
  const cached = tiesByModel.get(snapshot.model);
  return cached && cached.filesVersion === snapshot.tags.filesVersion && cached.complete === snapshot.tags.complete ? cached : undefined;
}

/** The folder's files by the items whose paths cover them, worked out once per model and file list. */
export function pathTies(snapshot: FolderSnapshot): RepoPathTies {
  const cached = freshTies(snapshot);
  if (cached?.done) return cached.ties;
  // Asked for now while the slices are still filing: file them all here (the slices' copy is left to finish).
  const ties = new RepoPathTies(snapshot.model, snapshot.tags.files());
  tiesByModel.set(snapshot.model, { filesVersion: snapshot.tags.filesVersion, complete: snapshot.tags.complete, ties, done: true, ready: Promise.resolve(ties) });
  return ties;
}

/** pathTies, its files filed a slice at a time, with turns for the extension host between. */
export function pathTiesInSlices(snapshot: FolderSnapshot): Promise<RepoPathTies> {
  const cached = freshTies(snapshot);
  if (cached) return cached.ready;
  const ties = new RepoPathTies(snapshot.model);
  const files = [...snapshot.tags.files()];
  const jobs: Promise<void>[] = [];
  for (let start = 0; start < files.length; start += FILES_PER_JOB) jobs.push(hostSlices.run(() => ties.add(files.slice(start, start + FILES_PER_JOB))));
  const filed: FiledTies = {
    filesVersion: snapshot.tags.filesVersion,
    complete: snapshot.tags.complete,
    ties,
    done: false,
    ready: Promise.all(jobs).then(() => {
      filed.done = true;
      return ties;
    }),
  };
  tiesByModel.set(snapshot.model, filed);
  return filed.ready;
}

/** The places in the code once the folder is indexed whole; undefined when cancelled first. */
export async function completeCodePlaces(snapshot: FolderSnapshot, id: string, token?: vscode.CancellationToken): Promise<CodePlace[] | undefined> {
  const cancelled = new Promise<'cancelled'>((resolve) => token?.onCancellationRequested(() => resolve('cancelled')));
  if ((await Promise.race([snapshot.tags.ready().then(() => 'ready' as const), cancelled])) === 'cancelled') return undefined;
  const ties = await pathTiesInSlices(snapshot);
  return codeFor(snapshot.model, id, snapshot.tags.hitsFor(id), ties);
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
