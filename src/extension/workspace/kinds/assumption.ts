import * as vscode from 'vscode';
import { type LoadedItem, orMissing } from '../../../core';
import { ContextValues } from '../../constants';
import { Colors, icon, rowText, tieMark, type RowContext } from './format';
import type { ItemKindView, ItemRow } from './kindView';
import { Tooltip } from './tooltip';

const ICONS = {
  invalidated: icon('error', Colors.red),
  untested: icon('question'),
  validated: icon('pass', Colors.green),
} as const;

/** An assumption the plan rests on; an invalidated one is red. */
export const assumptionView: ItemKindView<'assumption'> = { codicon: 'beaker', row: assumptionRow };

function assumptionRow(entry: LoadedItem<'assumption'>, context: RowContext): ItemRow {
  const { item } = entry;
  return {
    ...rowText([entry.id, item.status], tieMark(context.tie), orMissing(item.statement, 'statement')),
    icon: ICONS[item.status],
    contextValue: `${ContextValues.assumption}.${item.status}`,
    accessibility: vscode.l10n.t('Assumption {0}, {1}: {2}', entry.id, item.status, orMissing(item.statement, 'statement')),
    tooltip: () => new Tooltip()
      .title(vscode.l10n.t('Assumption'), entry.id)
      .text(item.statement)
      .field(vscode.l10n.t('Status'), item.status)
      .field(vscode.l10n.t('Test'), item.test)
      .field(vscode.l10n.t('Evidence'), item.evidence)
      .field(vscode.l10n.t('Tested at milestone'), item.milestone)
      .end(context, entry),
  };
}
