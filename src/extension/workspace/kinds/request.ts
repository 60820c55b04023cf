import * as vscode from 'vscode';
import { type LoadedItem, orMissing, quoted, shorten } from '../../../core';
import { ContextValues } from '../../constants';
import { icon, joined, tieMark, type RowContext } from './format';
import type { ItemKindView, ItemRow } from './kindView';
import { Tooltip } from './tooltip';

/** A customer request: who asked, in their own words. */
export const requestView: ItemKindView<'request'> = { codicon: 'comment-discussion', row: requestRow };

function requestRow(entry: LoadedItem<'request'>, context: RowContext): ItemRow {
  const { item } = entry;
  return {
    label: orMissing(item.customer, 'customer'),
    description: joined(quoted(item.quote, (quote) => shorten(quote, 80)), tieMark(context.tie)),
    icon: icon(item.priority === 'critical' ? 'comment-unresolved' : 'comment'),
    contextValue: ContextValues.request,
    accessibility: vscode.l10n.t('Customer request {0} from {1}: {2}', entry.id, orMissing(item.customer, 'customer'), orMissing(item.quote, 'quote')),
    tooltip: new Tooltip()
      .title(orMissing(item.customer, 'customer'), entry.id)
      .quote(item.quote, item.contact)
      .field(vscode.l10n.t('Priority'), item.priority)
      .field(vscode.l10n.t('Status'), item.status)
      .field(vscode.l10n.t('Received'), joined(item.receivedAt, item.channel))
      .field(vscode.l10n.t('Features'), item.features?.join(', '))
      .end(context, entry),
  };
}
