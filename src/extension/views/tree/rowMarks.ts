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

/** A mark on a row: its icon and word on the row, its section in the tooltip. */
export interface RowMark {
  readonly icon: vscode.ThemeIcon;
  readonly word: string;
  readonly heading: string;
  /** Markdown, escaped already. */
  readonly lines: readonly string[];
}

/** An item that breaks the format, kept with the fields it could keep. */
export function problemsMark(problems: readonly Problem[]): RowMark | undefined {
  if (problems.length === 0) return undefined;
  const word = problems.length === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', problems.length);
  const lines = problems.map((entry) => escapeMarkdown(`${vscode.l10n.t('line {0}', entry.line)}: ${entry.message}`));
  return { icon: icon('error', Colors.red), word, heading: vscode.l10n.t('Not valid as written; shown with what could be read'), lines };
}

/** Settled statuses the code has moved past. */
export function suspectsMark(suspects: readonly SuspectStatus[]): RowMark | undefined {
  if (suspects.length === 0) return undefined;
  const lines = suspectProblems(suspects).map((entry) => escapeMarkdown(entry.message));
  const heading = vscode.l10n.t('Suspect: code tied to it changed after its status was written (Confirm Status is the quick fix at the status line)');
  return { icon: suspectIcon(), word: vscode.l10n.t('suspect'), heading, lines };
}

/** A clock turning back: the status is older than the code it speaks of. */
export function suspectIcon(): vscode.ThemeIcon {
  return icon('history', Colors.orange);
}

/** The marks on the row as drawn, in order: the last one's icon shows, each word goes ahead of the description. */
export function markRow(row: vscode.TreeItem, marks: readonly (RowMark | undefined)[]): void {
  for (const mark of marks) {
    if (!mark) continue;
    row.iconPath = mark.icon;
    row.description = joined(mark.word, typeof row.description === 'string' ? row.description : undefined);
    if (row.accessibilityInformation) row.accessibilityInformation = { ...row.accessibilityInformation, label: joined(row.accessibilityInformation.label, mark.word) };
  }
}

/** The tooltip with a section per mark after it (a tooltip of its own when the row had none). */
export function markTooltip(own: vscode.MarkdownString | string | undefined, marks: readonly (RowMark | undefined)[]): vscode.MarkdownString | string | undefined {
  let tooltip = own;
  for (const mark of marks) {
    if (!mark) continue;
    if (typeof tooltip === 'string') tooltip = safeMarkdown('').appendText(tooltip);
    const section = `*${escapeMarkdown(mark.heading)}:*\n${mark.lines.map((line) => `- ${line}`).join('\n')}`;
    tooltip = tooltip ? tooltip.appendMarkdown(`\n\n${section}`) : safeMarkdown(section);
  }
  return tooltip;
}

/** Markdown that runs nothing: no command links, no HTML. */
function safeMarkdown(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value, false);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}
