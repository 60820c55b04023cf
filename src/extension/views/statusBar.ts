// The status bar item: the current feature and its unresolved flags, open and acknowledged apart; a click
// shows the Current Feature view. Hidden when no folder has `.alignment/` (or by setting).
import * as vscode from 'vscode';
import { ViewFocusCommands } from '../constants';
import { plainText } from '../util/plainText';
import type { CurrentFeatureSummary } from './currentFeature/currentFeatureProvider';
import { reportedText } from '../workspace/kinds/feature';

export function updateStatusBar(item: vscode.StatusBarItem, summary: CurrentFeatureSummary, enabled: boolean): void {
  if (!enabled || summary.state === 'noAlignment' || summary.state === 'noFile' || summary.state === 'noFolderAlignment') {
    item.hide();
    return;
  }
  const [first, ...others] = summary.features;
  const flags = flagsText(summary.flags);
  const name = first ? `${plainText(first.id)}${others.length > 0 ? ` +${others.length}` : ''}` : vscode.l10n.t('No feature');
  item.text = `$(flag) ${name}${flags ? ` \u00b7 ${flags}` : ''}`;
  const tooltip = new vscode.MarkdownString('', false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  if (summary.features.length === 0) {
    tooltip.appendText(vscode.l10n.t('No feature covers this file.'));
  } else {
    for (const feature of summary.features) tooltip.appendText(`${feature.item.title} (${reportedText(feature)})`).appendMarkdown('\n\n');
    tooltip.appendText(flags ?? vscode.l10n.t('No unresolved truth flags.'));
  }
  tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Click to show the Current Feature view.'));
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: vscode.l10n.t('Truthline: {0}', `${name}${flags ? `, ${flags}` : ''}`) };
  item.command = { command: ViewFocusCommands.currentFeature, title: vscode.l10n.t('Show the Current Feature view') };
  item.show();
}

/** "1 open flag, 1 acknowledged": an acknowledged flag is unresolved too, but someone has seen it. */
function flagsText({ open, acknowledged }: CurrentFeatureSummary['flags']): string | undefined {
  const openText = open === 0 ? undefined : open === 1 ? vscode.l10n.t('1 open flag') : vscode.l10n.t('{0} open flags', open);
  if (acknowledged === 0) return openText;
  // After "1 open flag" the noun is said; alone, it is not.
  const acknowledgedText = openText
    ? vscode.l10n.t('{0} acknowledged', acknowledged)
    : acknowledged === 1 ? vscode.l10n.t('1 acknowledged flag') : vscode.l10n.t('{0} acknowledged flags', acknowledged);
  return openText ? `${openText}, ${acknowledgedText}` : acknowledgedText;
}
