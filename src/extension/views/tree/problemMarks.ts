// An item that breaks the format is kept with the fields it could keep. Its row says so where a person
// looks first: an error icon, the number of problems ahead of the description, each problem in the tooltip,
// and a click that opens the YAML at the first problem.
import * as vscode from 'vscode';
import type { Problem } from '../../../core';
import { Colors, icon, joined } from '../../workspace/kinds/format';
import { escapeMarkdown } from '../../util/markdown';

export function markProblems(row: vscode.TreeItem, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  const count = problems.length === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', problems.length);
  row.iconPath = icon('error', Colors.red);
  row.description = joined(count, typeof row.description === 'string' ? row.description : undefined);
  const lines = problems.map((entry) => `- ${escapeMarkdown(`${vscode.l10n.t('line {0}', entry.line)}: ${entry.message}`)}`);
  const section = `*${escapeMarkdown(vscode.l10n.t('Not valid as written; shown with what could be read'))}:*\n${lines.join('\n')}`;
  if (row.tooltip instanceof vscode.MarkdownString) row.tooltip.appendMarkdown(`\n\n${section}`);
  else {
    const tooltip = new vscode.MarkdownString(section, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    row.tooltip = tooltip;
  }
  if (row.accessibilityInformation) row.accessibilityInformation = { ...row.accessibilityInformation, label: joined(row.accessibilityInformation.label, count) };
}
