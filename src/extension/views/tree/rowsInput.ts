// What a tree's rows are built from besides the snapshots: one clock and the suspect statuses, read once per
// rebuild so every row of the tree agrees.
import * as vscode from 'vscode';
import type { SuspectStatus } from '../../../core';
import type { FolderSnapshot } from '../../workspace/alignmentStore';

export interface RowsInput {
  /** Now, once per rebuild. */
  readonly now: number;
  readonly suspects: SuspectMarks;
}

/** Where the trees read suspect statuses (the SuspectWatch), and hear that they changed. */
export interface SuspectMarks {
  /** The folder's settled statuses the code has moved past, by item id (none without git). */
  byItem(snapshot: FolderSnapshot): ReadonlyMap<string, readonly SuspectStatus[]>;
  readonly onDidChangeStatuses: vscode.Event<unknown>;
}

const NO_SUSPECTS: ReadonlyMap<string, readonly SuspectStatus[]> = new Map();

/** No suspect marks: trees built from the snapshots alone (tests of other rows). */
export const NO_SUSPECT_MARKS: SuspectMarks = { byItem: () => NO_SUSPECTS, onDidChangeStatuses: () => new vscode.Disposable(() => undefined) };

/** Rows with no suspect marks (tests that build a tree from a snapshot alone). */
export function plainRowsInput(now = Date.now()): RowsInput {
  return { now, suspects: NO_SUSPECT_MARKS };
}
