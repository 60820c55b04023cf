import * as vscode from 'vscode';
import { type LoadedItem, orMissing } from '../../../core';
import { ContextValues } from '../../constants';
import { age, Colors, icon, joined, rowText, tieMark, upstreamMark, type RowContext } from './format';
import type { ItemKindView, ItemRow } from './kindView';
import { Tooltip } from './tooltip';

const SEVERITY_COLORS = { critical: Colors.red, high: Colors.orange, medium: Colors.yellow, low: undefined } as const;

/** A truth flag: reality as the engineer sees it, with its severity and how long it has been open. */
export const flagView: ItemKindView<'flag'> = { codicon: 'report', row: flagRow };

function flagRow(entry: LoadedItem<'flag'>, context: RowContext): ItemRow {
  const { item } = entry;
  const raised = age(item.raisedAt, context.now);
  return {
    ...rowText([entry.id, item.severity, item.status !== 'open' && item.status, context.drifted && vscode.l10n.t('drifted')], raised, upstreamMark(context), tieMark(context.tie), orMissing(item.reality, 'reality')),
    icon: item.status === 'resolved' ? icon('pass', Colors.muted) : icon('flag', SEVERITY_COLORS[item.severity]),
    contextValue: `${ContextValues.flag}.${item.status}`,
    accessibility: vscode.l10n.t('Truth flag, {0}, {1}, raised {2}: {3}', item.severity, item.status, item.raisedAt ?? '', orMissing(item.reality, 'reality')),
    tooltip: () => flagTooltip(entry, context, raised),
  };
}

function flagTooltip(entry: LoadedItem<'flag'>, context: RowContext, raised: string | undefined): vscode.MarkdownString {
  const { item } = entry;
  const anchor = item.anchor ? `${item.anchor.path}:${item.anchor.startLine}-${item.anchor.endLine}` : undefined;
  return new Tooltip()
    .title(vscode.l10n.t('Truth flag ({0}, {1})', item.severity, item.status), entry.id)
    .field(vscode.l10n.t('Reported'), item.reported)
    .field(vscode.l10n.t('Reality'), item.reality)
    .field(vscode.l10n.t('Raised'), joined(item.raisedBy, item.raisedAt))
    .field(vscode.l10n.t('Age'), item.status === 'resolved' ? undefined : raised)
    .field(vscode.l10n.t('About'), item.about)
    .field(vscode.l10n.t('Feature'), context.upstreamOf ?? item.feature)
    .field(vscode.l10n.t('Anchored at'), anchor && context.drifted ? vscode.l10n.t('{0} (drifted: those lines are gone; re-anchor the flag)', anchor) : anchor)
    .field(vscode.l10n.t('Acknowledged'), joined(item.acknowledgedBy, item.acknowledgedAt))
    .field(vscode.l10n.t('Resolution'), item.resolution)
    .end(context, entry);
}
