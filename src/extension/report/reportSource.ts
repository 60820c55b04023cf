// What the report panel and the export show: core's report of one folder's `.alignment/`, as of today. The
// editor reads no git history yet (it may not spawn git in a web or virtual workspace), so there is no trend
// and the page says why; `truthline report` has it.
import * as vscode from 'vscode';
import { dayOf, localDate } from '../../core';
import { buildReport, type TruthReport } from '../../core/report';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';

const NO_HISTORY = 'the editor reads no git history yet: run `truthline report` in a terminal for the weekly trend';

export function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(18)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function reportOf(snapshot: FolderSnapshot): TruthReport {
  return buildReport(snapshot.model, snapshot.model.problems, dayOf(localDate(new Date())) as number, { unavailable: NO_HISTORY });
}

/** The folder to report on: the active editor's when it has `.alignment/`, else the first that has one; says so when none has. */
export function folderToReport(store: AlignmentStore): FolderSnapshot | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const context = active ? store.fileContext(active) : undefined;
  const snapshot = context?.snapshot.exists ? context.snapshot : store.snapshots().find((candidate) => candidate.exists);
  if (!snapshot) void vscode.window.showInformationMessage(vscode.l10n.t('There is no .alignment/ folder in this workspace to report on.'));
  return snapshot;
}
