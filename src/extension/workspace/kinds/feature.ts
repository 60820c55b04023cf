import * as vscode from 'vscode';
import { type FeatureReality, gapLevel, type GapLevel, type LoadedItem, orMissing } from '../../../core';
import { ContextValues } from '../../constants';
import { Colors, icon, joined, rowText, type RowContext } from './format';
import type { ItemRow, KindView } from './kindView';
import { Tooltip } from './tooltip';

/** A feature in a picker; in the trees it is a row of its own, with its reality (featureRow). */
export const featureView: KindView = { codicon: 'package' };

const GAP_ICONS: Record<GapLevel, vscode.ThemeIcon> = {
  disagrees: icon('error', Colors.red),
  admitted: icon('warning', Colors.yellow),
  clean: icon('pass', Colors.green),
  unreported: icon('circle-large-outline', Colors.muted),
};

/** A feature: its reported status beside its reality, the icon coloured by the gap between the two. */
export function featureRow(entry: LoadedItem<'feature'>, reality: FeatureReality, context: RowContext, spellOutReality: boolean): ItemRow {
  const level = gapLevel(entry, reality);
  const reported = reportedText(entry);
  const problems = realityParts(reality);
  const disagrees = level === 'disagrees';
  return {
    // The id, not the title, names the row: short enough that the status beside it shows in a narrow side bar.
    ...rowText([entry.id, disagrees ? `${reported} \u2260` : reported], featureDescription(entry, problems, disagrees, spellOutReality)),
    icon: GAP_ICONS[level],
    contextValue: disagrees ? ContextValues.featureDisagrees : ContextValues.feature,
    accessibility: joined(vscode.l10n.t('Feature {0}', orMissing(entry.item.title, 'title')), reported, disagrees ? vscode.l10n.t('reality disagrees') : undefined, ...problems),
    tooltip: featureTooltip(entry, context, problems, disagrees),
  };
}

/**
 * After "on-track 85% ≠" the description goes on with reality. The radiator spells reality out; the Current
 * Feature view has it in the groups below, and the title after it.
 */
function featureDescription(entry: LoadedItem<'feature'>, problems: readonly string[], disagrees: boolean, spellOutReality: boolean): string {
  if (!spellOutReality) return joined(disagrees && vscode.l10n.t('reality disagrees'), orMissing(entry.item.title, 'title'));
  const reality = joined(...(problems.length > 0 ? problems : [vscode.l10n.t('no open problems')]));
  return disagrees ? vscode.l10n.t('reality: {0}', reality) : reality;
}

function featureTooltip(entry: LoadedItem<'feature'>, context: RowContext, problems: readonly string[], disagrees: boolean): vscode.MarkdownString {
  const { item } = entry;
  const direction = item.direction;
  return new Tooltip()
    .title(orMissing(item.title, 'title'), entry.id)
    .field(vscode.l10n.t('Reported'), joined(reportedText(entry), item.reported?.source, item.reported?.asOf))
    .list(disagrees ? vscode.l10n.t('Reality disagrees') : vscode.l10n.t('Reality'), problems.length > 0 ? problems : [vscode.l10n.t('no open flags, invalidated assumptions, no-go gates or high risks')])
    .field(vscode.l10n.t('Goal'), direction?.goal)
    .field(vscode.l10n.t('For'), direction?.for?.join(', '))
    .field(vscode.l10n.t('Success signal'), direction?.successSignal)
    .list(vscode.l10n.t('Not doing'), direction?.nonGoals ?? [])
    .field(vscode.l10n.t('Owners'), item.owners?.join(', '))
    .field(vscode.l10n.t('Depends on'), item.dependsOn?.join(', '))
    .field(vscode.l10n.t('Paths'), item.paths?.join(', '))
    .end(context, entry);
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
