// Marks the trees put on an item's row where a person looks first: the icon, a word ahead of the
// description, a section of the tooltip, and the row's spoken label.
// - Problems: an item that breaks the format is kept with the fields it could keep; its row says so, and a
//   click opens the YAML at the first problem.
// - Suspect: a settled status the code has moved past (an assumption validated, a risk mitigated, a gate's
//   go); a click opens the YAML at the status, where the Confirm Status quick fix is.
import * as vscode from 'vscode';
import { suspectProblems, type Problem, type SuspectStatus } from '../../../core';
import { Colors, icon, joined } from '../../workspace/kinds/format';
import { escapeMarkdown } from '../../util/markdown';

export function markProblems(row: vscode.TreeItem, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  const count = problems.length === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', problems.length);
  const lines = problems.map((entry) => escapeMarkdown(`${vscode.l10n.t('line {0}', entry.line)}: ${entry.message}`));
  mark(row, icon('error', Colors.red), count, vscode.l10n.t('Not valid as written; shown with what could be read'), lines);
}

export function markSuspects(row: vscode.TreeItem, suspects: readonly SuspectStatus[]): void {
  if (suspects.length === 0) return;
  const lines = suspectProblems(suspects).map((entry) => escapeMarkdown(entry.message));
  const heading = vscode.l10n.t('Suspect: code tied to it changed after its status was written (Confirm Status is the quick fix at the status line)');
  mark(row, suspectIcon(), vscode.l10n.t('suspect'), heading, lines);
}

/** A clock turning back: the status is older than the code it speaks of. */
export function suspectIcon(): vscode.ThemeIcon {
  return icon('history', Colors.orange);
}

/** `lines` are Markdown already escaped. */
function mark(row: vscode.TreeItem, iconPath: vscode.ThemeIcon, word: string, heading: string, lines: readonly string[]): void {
  row.iconPath = iconPath;
  row.description = joined(word, typeof row.description === 'string' ? row.description : undefined);
  const section = `*${escapeMarkdown(heading)}:*\n${lines.map((line) => `- ${line}`).join('\n')}`;
  if (row.tooltip instanceof vscode.MarkdownString) row.tooltip.appendMarkdown(`\n\n${section}`);
  else {
    const tooltip = new vscode.MarkdownString(section, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    row.tooltip = tooltip;
  }
  if (row.accessibilityInformation) row.accessibilityInformation = { ...row.accessibilityInformation, label: joined(row.accessibilityInformation.label, word) };
}
