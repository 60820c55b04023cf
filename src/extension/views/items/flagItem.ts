import * as vscode from 'vscode';
import { type LoadedItem, orMissing, shorten } from '../../../core';
import { Tooltip } from '../tree/tooltip';
import { age, Colors, icon, joined, tieMark, tieText, upstreamMark, type RowContext } from './format';

const SEVERITY_COLORS = { critical: Colors.red, high: Colors.orange, medium: Colors.yellow, low: undefined } as const;

/** A truth flag: reality as the engineer sees it, with its severity and how long it has been open. */
export function flagItem(entry: LoadedItem<'flag'>, context: RowContext): vscode.TreeItem {
  const { item } = entry;
  const resolved = item.status === 'resolved';
  const raised = age(item.raisedAt, context.now);
  const row = new vscode.TreeItem(shorten(orMissing(item.reality, 'reality')), vscode.TreeItemCollapsibleState.None);
  row.description = joined(upstreamMark(context), item.severity, item.status !== 'open' && item.status, raised, tieMark(context.tie));
  row.iconPath = resolved ? icon('pass', Colors.muted) : icon('flag', SEVERITY_COLORS[item.severity]);
  row.contextValue = `truthline.flag.${item.status}`;
  row.accessibilityInformation = { label: vscode.l10n.t('Truth flag, {0}, {1}, raised {2}: {3}', item.severity, item.status, item.raisedAt ?? '', orMissing(item.reality, 'reality')) };
  const anchor = item.anchor ? `${item.anchor.path}:${item.anchor.startLine}-${item.anchor.endLine}` : undefined;
  row.tooltip = new Tooltip()
    .title(vscode.l10n.t('Truth flag ({0}, {1})', item.severity, item.status), entry.id)
    .field(vscode.l10n.t('Reported'), item.reported)
    .field(vscode.l10n.t('Reality'), item.reality)
    .field(vscode.l10n.t('Raised'), joined(item.raisedBy, item.raisedAt))
    .field(vscode.l10n.t('Age'), resolved ? undefined : raised)
    .field(vscode.l10n.t('About'), item.about)
    .field(vscode.l10n.t('Feature'), context.upstreamOf ?? item.feature)
    .field(vscode.l10n.t('Anchored at'), anchor)
    .field(vscode.l10n.t('Acknowledged'), joined(item.acknowledgedBy, item.acknowledgedAt))
    .field(vscode.l10n.t('Resolution'), item.resolution)
    .text(tieText(context.tie))
    .source(entry.file, entry.range.line)
    .build();
  return row;
}
