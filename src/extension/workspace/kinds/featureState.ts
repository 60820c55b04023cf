// The icon of a feature row and what it means, in one place: the rows, their tooltips and the legend in
// All Features read the same table, so an icon never means two things.
import * as vscode from 'vscode';
import type { GapLevel } from '../../../core';
import { Colors, icon } from './format';

/** A feature's gap level, or clean (or unreported) itself while a feature it depends on is in trouble. */
export type FeatureState = GapLevel | 'upstream';

export const FEATURE_STATES: readonly FeatureState[] = ['clean', 'admitted', 'disagrees', 'concerns', 'upstream', 'unreported'];

export function featureStateIcon(state: FeatureState): vscode.ThemeIcon {
  switch (state) {
    case 'disagrees': return icon('error', Colors.red);
    // The shape of a disagreement, in a quieter colour: only a low flag says otherwise.
    case 'concerns': return icon('error', Colors.orange);
    case 'admitted': return icon('warning', Colors.yellow);
    case 'upstream': return icon('type-hierarchy-super', Colors.yellow);
    case 'clean': return icon('pass', Colors.green);
    case 'unreported': return icon('circle-large-outline', Colors.muted);
  }
}

/** The state's name, as the legend's label. */
export function featureStateName(state: FeatureState): string {
  switch (state) {
    case 'disagrees': return vscode.l10n.t('Reality disagrees');
    case 'concerns': return vscode.l10n.t('Reality doubts it');
    case 'admitted': return vscode.l10n.t('Honest bad news');
    case 'upstream': return vscode.l10n.t('Trouble upstream');
    case 'clean': return vscode.l10n.t('Clean');
    case 'unreported': return vscode.l10n.t('No status');
  }
}

/** What the state means, in one sentence. */
export function featureStateMeaning(state: FeatureState): string {
  switch (state) {
    case 'disagrees': return vscode.l10n.t('Reported on-track or done, but an open flag, an invalidated assumption, a no-go gate or a high risk says otherwise.');
    case 'concerns': return vscode.l10n.t('Reported on-track or done, but a low flag says otherwise.');
    case 'admitted': return vscode.l10n.t('The report itself says at-risk or off-track, or nobody claimed on-track: bad news, told.');
    case 'upstream': return vscode.l10n.t('Nothing wrong of its own, but a feature it depends on is blocked or in trouble.');
    case 'clean': return vscode.l10n.t('Reported, and nothing in reality or upstream contradicts it.');
    case 'unreported': return vscode.l10n.t('No status reported yet, or not started.');
  }
}
