import * as vscode from 'vscode';
import { type LoadedItem, orMissing, shorten } from '../../../core';
import { Tooltip } from '../tree/tooltip';
import { Colors, icon, joined, tieMark, tieText, type RowContext } from './format';

const ICONS = {
  invalidated: icon('error', Colors.red),
  untested: icon('question'),
  validated: icon('pass', Colors.green),
} as const;

/** An assumption the plan rests on; an invalidated one is red. */
export function assumptionItem(entry: LoadedItem<'assumption'>, context: RowContext): vscode.TreeItem {
  const { item } = entry;
  const row = new vscode.TreeItem(shorten(orMissing(item.statement, 'statement')), vscode.TreeItemCollapsibleState.None);
  row.description = joined(entry.id, item.status, tieMark(context.tie));
  row.iconPath = ICONS[item.status];
  row.contextValue = `truthline.assumption.${item.status}`;
  row.accessibilityInformation = { label: vscode.l10n.t('Assumption {0}, {1}: {2}', entry.id, item.status, orMissing(item.statement, 'statement')) };
  row.tooltip = new Tooltip()
    .title(vscode.l10n.t('Assumption'), entry.id)
    .text(item.statement)
    .field(vscode.l10n.t('Status'), item.status)
    .field(vscode.l10n.t('Test'), item.test)
    .field(vscode.l10n.t('Evidence'), item.evidence)
    .field(vscode.l10n.t('Tested at milestone'), item.milestone)
    .text(tieText(context.tie))
    .source(entry.file, entry.range.line)
    .build();
  return row;
}
