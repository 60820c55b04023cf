import * as vscode from 'vscode';
import { type FeatureReality, gapLevel, type GapLevel, type LoadedItem, orMissing } from '../../../core';
import { Tooltip } from '../tree/tooltip';
import { Colors, icon, joined, tieText, type RowContext } from './format';

const GAP_ICONS: Record<GapLevel, vscode.ThemeIcon> = {
  disagrees: icon('error', Colors.red),
  admitted: icon('warning', Colors.yellow),
  clean: icon('pass', Colors.green),
  unreported: icon('circle-large-outline', Colors.muted),
};

export interface FeatureRowOptions {
  /** The radiator spells reality out on the row; the Current Feature view has it in the groups below. */
  readonly spellOutReality: boolean;
  readonly collapsible: vscode.TreeItemCollapsibleState;
}

/** A feature: its reported status beside its reality, the icon coloured by the gap between the two. */
export function featureItem(entry: LoadedItem<'feature'>, reality: FeatureReality, context: RowContext, options: FeatureRowOptions): vscode.TreeItem {
  const { item } = entry;
  const level = gapLevel(entry, reality);
  const reported = reportedText(entry);
  const problems = realityParts(reality);
  // The id, not the title, names the row: short enough that the status beside it shows in a narrow side bar.
  const row = new vscode.TreeItem(entry.id, options.collapsible);
  if (level === 'disagrees') {
    row.description = `${reported} \u2260 ${options.spellOutReality ? problems.join(' \u00b7 ') : vscode.l10n.t('reality disagrees')}`;
  } else if (options.spellOutReality) {
    row.description = joined(reported, ...(problems.length > 0 ? problems : [vscode.l10n.t('no open problems')]));
  } else {
    row.description = reported;
  }
  row.iconPath = GAP_ICONS[level];
  row.contextValue = level === 'disagrees' ? 'truthline.feature.disagrees' : 'truthline.feature';
  row.accessibilityInformation = {
    label: joined(vscode.l10n.t('Feature {0}', orMissing(item.title, 'title')), reported, level === 'disagrees' ? vscode.l10n.t('reality disagrees') : undefined, ...problems),
  };
  const direction = item.direction;
  row.tooltip = new Tooltip()
    .title(orMissing(item.title, 'title'), entry.id)
    .field(vscode.l10n.t('Reported'), joined(reported, item.reported?.source, item.reported?.asOf))
    .list(level === 'disagrees' ? vscode.l10n.t('Reality disagrees') : vscode.l10n.t('Reality'), problems.length > 0 ? problems : [vscode.l10n.t('no open flags, invalidated assumptions, no-go gates or high risks')])
    .field(vscode.l10n.t('Goal'), direction?.goal)
    .field(vscode.l10n.t('For'), direction?.for?.join(', '))
    .field(vscode.l10n.t('Success signal'), direction?.successSignal)
    .list(vscode.l10n.t('Not doing'), direction?.nonGoals ?? [])
    .field(vscode.l10n.t('Owners'), item.owners?.join(', '))
    .field(vscode.l10n.t('Depends on'), item.dependsOn?.join(', '))
    .field(vscode.l10n.t('Paths'), item.paths?.join(', '))
    .text(tieText(context.tie))
    .source(entry.file, entry.range.line)
    .build();
  return row;
}

/** "on-track 85%", as the status report has it. */
export function reportedText(entry: LoadedItem<'feature'>): string {
  const reported = entry.item.reported;
  if (!reported) return vscode.l10n.t('no status reported');
  return reported.progress === undefined ? reported.status : `${reported.status} ${reported.progress}%`;
}

/** Reality in a few words: open flags by severity, invalidated assumptions, no-go gates, high risks. */
export function realityParts(reality: FeatureReality): string[] {
  const parts: string[] = [];
  const flags = (['critical', 'high', 'medium', 'low'] as const).filter((severity) => reality.openFlags[severity] > 0);
  const flagCount = flags.reduce((sum, severity) => sum + reality.openFlags[severity], 0);
  if (flagCount > 0) {
    const bySeverity = flags.map((severity) => `${reality.openFlags[severity]} ${severity}`).join(', ');
    parts.push(flagCount === 1 ? vscode.l10n.t('1 flag ({0})', bySeverity) : vscode.l10n.t('{0} flags ({1})', flagCount, bySeverity));
  }
  if (reality.invalidatedAssumptions > 0) parts.push(vscode.l10n.t('{0} invalidated', reality.invalidatedAssumptions));
  if (reality.noGoGates > 0) parts.push(vscode.l10n.t('{0} no-go', reality.noGoGates));
  if (reality.highRisks > 0) parts.push(reality.highRisks === 1 ? vscode.l10n.t('1 high risk') : vscode.l10n.t('{0} high risks', reality.highRisks));
  return parts;
}
