// Where a new item goes and what it is likely about: the workspace folder (the active file's, the one with
// .alignment/, or the user's pick when several have one) and the features covering the active file, which
// the prompts offer first.
import * as vscode from 'vscode';
import { isAlignmentFile, type LoadedItem } from '../../core';
import { CommandTitles } from '../constants';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';
import { pick } from '../workspace/prompts';
import { plainText } from '../util/plainText';

export interface CreateTarget {
  readonly snapshot: FolderSnapshot;
  /** The active editor's file in that folder (repository-relative), unless it is a file of .alignment/. */
  readonly activePath: string | undefined;
  /** The features whose paths cover the active file. */
  readonly covering: readonly LoadedItem<'feature'>[];
}

/** The folder to create in; undefined when there is none (said) or the user pressed Escape. */
export async function createTarget(store: AlignmentStore, title: string): Promise<CreateTarget | undefined> {
  await store.ready;
  const active = vscode.window.activeTextEditor?.document.uri;
  const context = active ? store.fileContext(active) : undefined;
  const existing = store.snapshots().filter((snapshot) => snapshot.exists);
  let snapshot = context?.snapshot.exists ? context.snapshot : undefined;
  if (!snapshot && existing.length <= 1) {
    if (existing.length === 0) void vscode.window.showWarningMessage(vscode.l10n.t('No workspace folder has a .alignment/ folder yet. Run "{0}" first.', CommandTitles.initialize));
    snapshot = existing[0];
  }
  snapshot ??= await pick({
    title,
    placeholder: vscode.l10n.t('Which workspace folder\'s .alignment/?'),
    items: existing.map((candidate) => ({ label: plainText(candidate.folder.name), description: plainText(candidate.folder.uri.toString(true)), value: candidate })),
  });
  if (!snapshot) return undefined;
  const inFolder = context && context.snapshot === snapshot && !isAlignmentFile(context.path) ? context.path : undefined;
  return { snapshot, activePath: inFolder, covering: inFolder === undefined ? [] : coveringFeatures(snapshot, inFolder) };
}

/** The features whose own paths cover the file. */
export function coveringFeatures(snapshot: FolderSnapshot, path: string): LoadedItem<'feature'>[] {
  return snapshot.model.pathIndex.lookup(path).filter((entry): entry is LoadedItem<'feature'> => entry.kind === 'feature');
}

/** Every id of the folder: a new one must differ from all of them. */
export function takenIds(snapshot: FolderSnapshot): Set<string> {
  return new Set(snapshot.model.byId.keys());
}
