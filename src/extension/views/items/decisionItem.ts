import * as vscode from 'vscode';
import { type LoadedItem, orMissing } from '../../../core';
import { Tooltip } from '../tree/tooltip';
import { Colors, icon, joined, tieMark, tieText, type RowContext } from './format';

/** A decision and the customers behind it; one with no customer source is marked unattributed. */
export function decisionItem(entry: LoadedItem<'decision'>, context: RowContext): vscode.TreeItem {
  const { item } = entry;
  const sources = item.sources ?? [];
  const unattributed = sources.length === 0;
  const row = new vscode.TreeItem(orMissing(item.title, 'title'), vscode.TreeItemCollapsibleState.None);
  row.description = joined(entry.id, item.decidedAt, unattributed && vscode.l10n.t('unattributed'), tieMark(context.tie));
  row.iconPath = unattributed ? icon('law', Colors.muted) : icon('law');
  row.contextValue = unattributed ? 'truthline.decision.unattributed' : 'truthline.decision';
  row.accessibilityInformation = { label: vscode.l10n.t('Decision {0}: {1}', entry.id, orMissing(item.title, 'title')) };
  const tooltip = new Tooltip()
    .title(orMissing(item.title, 'title'), entry.id)
    .field(vscode.l10n.t('Decided'), joined(item.decidedAt, item.decidedBy))
    .text(item.rationale);
  if (unattributed) tooltip.text(vscode.l10n.t('No customer source: nobody outside the team asked for this.'));
  for (const source of sources) tooltip.quote(source.quote ?? vscode.l10n.t('(no quote)'), joined(source.customer, source.request));
  row.tooltip = tooltip.text(tieText(context.tie)).source(entry.file, entry.range.line).build();
  return row;
}
