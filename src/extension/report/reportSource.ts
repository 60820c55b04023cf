// What the report panel and the export show: core's report of one folder's `.alignment/` as of today, with
// the folder's git history (gitHistory.ts) for the trend and the thermocline latency.
import * as vscode from 'vscode';
import { dayOf, localDate } from '../../core';
import { buildReport, type History, type TruthReport } from '../../core/report';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';

/** What the page says while git is still being read (it is drawn again once the history is in). */
export const READING_HISTORY: History = { unavailable: 'the history is being read from git; the trend follows in a moment' };

/** Today in the user's time zone, as the report counts days. */
export function today(): number {
  return dayOf(localDate(new Date())) as number;
}

export function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(18)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function reportOf(snapshot: FolderSnapshot, asOfDay: number, history: History): TruthReport {
  return buildReport(snapshot.model, snapshot.model.problems, asOfDay, history);
}

/** The folder to report on: the active editor's when it has `.alignment/`, else the first that has one; says so when none has. */
export function folderToReport(store: AlignmentStore): FolderSnapshot | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const context = active ? store.fileContext(active) : undefined;
  const snapshot = context?.snapshot.exists ? context.snapshot : store.snapshots().find((candidate) => candidate.exists);
  if (!snapshot) void vscode.window.showInformationMessage(vscode.l10n.t('There is no .alignment/ folder in this workspace to report on.'));
  return snapshot;
}
