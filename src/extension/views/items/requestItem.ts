import * as vscode from 'vscode';
import { type LoadedItem, orMissing, shorten } from '../../../core';
import { Tooltip } from '../tree/tooltip';
import { icon, joined, tieMark, tieText, type RowContext } from './format';

/** A customer request: who asked, in their own words. */
export function requestItem(entry: LoadedItem<'request'>, context: RowContext): vscode.TreeItem {
  const { item } = entry;
  const row = new vscode.TreeItem(orMissing(item.customer, 'customer'), vscode.TreeItemCollapsibleState.None);
  row.description = joined(item.quote === undefined ? orMissing(undefined, 'quote') : `\u201c${shorten(item.quote, 80)}\u201d`, tieMark(context.tie));
  row.iconPath = icon(item.priority === 'critical' ? 'comment-unresolved' : 'comment');
  row.contextValue = 'truthline.request';
  row.accessibilityInformation = { label: vscode.l10n.t('Customer request {0} from {1}: {2}', entry.id, orMissing(item.customer, 'customer'), orMissing(item.quote, 'quote')) };
  row.tooltip = new Tooltip()
    .title(orMissing(item.customer, 'customer'), entry.id)
    .quote(item.quote, item.contact)
    .field(vscode.l10n.t('Priority'), item.priority)
    .field(vscode.l10n.t('Status'), item.status)
    .field(vscode.l10n.t('Received'), joined(item.receivedAt, item.channel))
    .field(vscode.l10n.t('Features'), item.features?.join(', '))
    .text(tieText(context.tie))
    .source(entry.file, entry.range.line)
    .build();
  return row;
}
