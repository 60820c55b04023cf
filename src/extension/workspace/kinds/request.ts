import * as vscode from 'vscode';
import { type LoadedItem, orMissing, quoted } from '../../../core';
import { ContextValues } from '../../constants';
import { icon, joined, rowText, tieMark, type RowContext } from './format';
import type { ItemKindView, ItemRow } from './kindView';
import { Tooltip } from './tooltip';

/** A customer request: who asked, in their own words. */
export const requestView: ItemKindView<'request'> = { codicon: 'comment-discussion', row: requestRow };

function requestRow(entry: LoadedItem<'request'>, context: RowContext): ItemRow {
  const { item } = entry;
  return {
    ...rowText([entry.id], tieMark(context.tie), `${orMissing(item.customer, 'customer')}: ${quoted(item.quote, (quote) => quote)}`),
    icon: icon(item.priority === 'critical' ? 'comment-unresolved' : 'comment'),
    contextValue: ContextValues.request,
    accessibility: vscode.l10n.t('Customer request {0} from {1}: {2}', entry.id, orMissing(item.customer, 'customer'), orMissing(item.quote, 'quote')),
    tooltip: () => new Tooltip()
      .title(orMissing(item.customer, 'customer'), entry.id)
      .quote(item.quote, item.contact)
      .field(vscode.l10n.t('Priority'), item.priority)
      .field(vscode.l10n.t('Status'), item.status)
      .field(vscode.l10n.t('Received'), joined(item.receivedAt, item.channel))
      .field(vscode.l10n.t('Features'), item.features?.join(', '))
      .end(context, entry),
  };
}
