import * as vscode from 'vscode';
import { type LoadedItem, orMissing } from '../../../core';
import { ContextValues } from '../../constants';
import { Colors, icon, joined, rowText, tieMark, type RowContext } from './format';
import type { ItemKindView, ItemRow } from './kindView';
import { Tooltip } from './tooltip';

/** A decision and the customers behind it; one with no customer source is marked unattributed. */
export const decisionView: ItemKindView<'decision'> = { codicon: 'law', row: decisionRow };

function decisionRow(entry: LoadedItem<'decision'>, context: RowContext): ItemRow {
  const { item } = entry;
  const unattributed = (item.sources ?? []).length === 0;
  return {
    ...rowText([entry.id, unattributed && vscode.l10n.t('unattributed')], item.decidedAt, tieMark(context.tie), orMissing(item.title, 'title')),
    icon: unattributed ? icon('law', Colors.muted) : icon('law'),
    contextValue: unattributed ? ContextValues.decisionUnattributed : ContextValues.decision,
    accessibility: vscode.l10n.t('Decision {0}: {1}', entry.id, orMissing(item.title, 'title')),
    tooltip: () => decisionTooltip(entry, context, unattributed),
  };
}

function decisionTooltip(entry: LoadedItem<'decision'>, context: RowContext, unattributed: boolean): vscode.MarkdownString {
  const { item } = entry;
  const tooltip = new Tooltip()
    .title(orMissing(item.title, 'title'), entry.id)
    .field(vscode.l10n.t('Decided'), joined(item.decidedAt, item.decidedBy))
    .text(item.rationale);
  if (unattributed) tooltip.text(vscode.l10n.t('No customer source: nobody outside the team asked for this.'));
  for (const source of item.sources ?? []) tooltip.quote(source.quote ?? vscode.l10n.t('(no quote)'), joined(source.customer, source.request));
  return tooltip.end(context, entry);
}
