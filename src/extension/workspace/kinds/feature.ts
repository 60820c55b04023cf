import * as vscode from 'vscode';
import { type FeatureReality, gapLevel, type LoadedItem, orMissing, type UpstreamSummary, type UpstreamTrouble } from '../../../core';
import { ContextValues } from '../../constants';
import { type FeatureState, featureStateIcon, featureStateMeaning, featureStateName } from './featureState';
import { joined, rowText, type RowContext } from './format';
import type { ItemRow, KindView } from './kindView';
import { Tooltip } from './tooltip';

/** A feature in a picker; in the trees it is a row of its own, with its reality (featureRow). */
export const featureView: KindView = { codicon: 'package' };

/**
 * A feature: its reported status beside its reality, the icon saying which of the two is bad news (see
 * featureState.ts); `upstream` names the worst of what troubles the features it depends on.
 */
export function featureRow(entry: LoadedItem<'feature'>, reality: FeatureReality, context: RowContext, spellOutReality: boolean, upstream: UpstreamSummary = { worst: [], more: false }): ItemRow {
  const level = gapLevel(entry, reality);
  // Trouble upstream takes the icon only from a feature with nothing wrong of its own: its own bad news says more.
  const state: FeatureState = upstream.worst.length > 0 && (level === 'clean' || level === 'unreported') ? 'upstream' : level;
  const reported = reportedText(entry);
  const problems = realityParts(reality);
  const disagrees = level === 'disagrees';
  const upstreamLine = upstream.worst.length > 0 ? vscode.l10n.t('upstream: {0}', upstreamText(upstream)) : undefined;
  return {
    // The id, not the title, names the row: short enough that the status beside it shows in a narrow side bar.
    ...rowText([entry.id, disagrees ? `${reported} \u2260` : reported], featureDescription(entry, problems, disagrees, spellOutReality, upstreamLine)),
    icon: featureStateIcon(state),
    contextValue: disagrees ? ContextValues.featureDisagrees : ContextValues.feature,
    accessibility: joined(vscode.l10n.t('Feature {0}', orMissing(entry.item.title, 'title')), reported, featureStateName(state), ...problems, upstreamLine),
    tooltip: () => featureTooltip(entry, context, problems, state, upstream),
  };
}

/**
 * After "on-track 85% ≠" the description goes on with reality, then the trouble upstream. The radiator
 * spells reality out; the Current Feature view has it in the groups below, and the title after it.
 */
function featureDescription(entry: LoadedItem<'feature'>, problems: readonly string[], disagrees: boolean, spellOutReality: boolean, upstreamLine: string | undefined): string {
  if (!spellOutReality) return joined(disagrees && vscode.l10n.t('reality disagrees'), upstreamLine, orMissing(entry.item.title, 'title'));
  if (problems.length === 0) return upstreamLine ?? vscode.l10n.t('no open problems');
  const reality = joined(...problems, upstreamLine);
  return disagrees ? vscode.l10n.t('reality: {0}', reality) : reality;
}

/** "payments blocked, cart-pricing at-risk", and "and more" past the few a row names. */
export function upstreamText(upstream: UpstreamSummary): string {
  const named = upstream.worst.map(troubleText).join(', ');
  return upstream.more ? vscode.l10n.t('{0} and more', named) : named;
}

/** "payments blocked", "cart-pricing at-risk". */
export function troubleText(trouble: UpstreamTrouble): string {
  switch (trouble.trouble) {
    case 'blocked': return vscode.l10n.t('{0} blocked', trouble.featureId);
    case 'disagrees': return vscode.l10n.t('{0} \u2260 reality', trouble.featureId);
    case 'off-track': return vscode.l10n.t('{0} off-track', trouble.featureId);
    case 'at-risk': return vscode.l10n.t('{0} at-risk', trouble.featureId);
  }
}

/** One line per troubled feature upstream, saying why. */
export function troubleReason(trouble: UpstreamTrouble): string {
  switch (trouble.trouble) {
    case 'blocked': return vscode.l10n.t('{0}: blocked by a no-go gate', trouble.featureId);
    case 'disagrees': return vscode.l10n.t('{0}: reported on-track, reality disagrees', trouble.featureId);
    case 'off-track': return vscode.l10n.t('{0}: reported off-track', trouble.featureId);
    case 'at-risk': return vscode.l10n.t('{0}: reported at-risk', trouble.featureId);
  }
}

function featureTooltip(entry: LoadedItem<'feature'>, context: RowContext, problems: readonly string[], state: FeatureState, upstream: UpstreamSummary): vscode.MarkdownString {
  const { item } = entry;
  const direction = item.direction;
  return new Tooltip()
    .title(orMissing(item.title, 'title'), entry.id)
    .field(featureStateName(state), featureStateMeaning(state))
    .field(vscode.l10n.t('Reported'), joined(reportedText(entry), item.reported?.source, item.reported?.asOf))
    .list(state === 'disagrees' ? vscode.l10n.t('Reality disagrees') : vscode.l10n.t('Reality'), problems.length > 0 ? problems : [vscode.l10n.t('no open flags, invalidated assumptions, no-go gates or high risks')])
    .list(vscode.l10n.t('Upstream'), [...upstream.worst.map(troubleReason), ...(upstream.more ? [vscode.l10n.t('and more: the feature\'s Upstream row lists them all')] : [])])
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
