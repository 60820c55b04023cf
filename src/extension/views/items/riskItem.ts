import * as vscode from 'vscode';
import { HIGH_RISK_SCORE, type LoadedItem, orMissing, riskScore, shorten } from '../../../core';
import { Tooltip } from '../tree/tooltip';
import { Colors, icon, joined, tieMark, tieText, upstreamMark, type RowContext } from './format';

/** A pre-mortem risk, coloured by likelihood × impact while it can still happen. */
export function riskItem(entry: LoadedItem<'risk'>, context: RowContext): vscode.TreeItem {
  const { item } = entry;
  const score = riskScore(item);
  const row = new vscode.TreeItem(shorten(orMissing(item.risk, 'risk')), vscode.TreeItemCollapsibleState.None);
  row.description = joined(upstreamMark(context), entry.id, `${orMissing(item.likelihood, 'likelihood')} \u00d7 ${orMissing(item.impact, 'impact')}`, item.status !== 'open' && item.status, tieMark(context.tie));
  row.iconPath = riskIcon(item.status, score);
  row.contextValue = `truthline.risk.${item.status}`;
  row.accessibilityInformation = {
    label: vscode.l10n.t('Risk {0}, likelihood {1}, impact {2}, {3}: {4}', entry.id, orMissing(item.likelihood, 'likelihood'), orMissing(item.impact, 'impact'), item.status, orMissing(item.risk, 'risk')),
  };
  row.tooltip = new Tooltip()
    .title(vscode.l10n.t('Pre-mortem risk'), entry.id)
    .text(item.risk)
    .field(vscode.l10n.t('Likelihood \u00d7 impact'), `${orMissing(item.likelihood, 'likelihood')} \u00d7 ${orMissing(item.impact, 'impact')} = ${score}`)
    .field(vscode.l10n.t('Status'), item.status)
    .field(vscode.l10n.t('Early warning sign'), item.earlyWarningSign)
    .field(vscode.l10n.t('Mitigation'), item.mitigationStrategy)
    .field(vscode.l10n.t('Owner'), item.owner)
    .field(vscode.l10n.t('Feature'), context.upstreamOf ?? item.feature)
    .text(tieText(context.tie))
    .source(entry.file, entry.range.line)
    .build();
  return row;
}

function riskIcon(status: LoadedItem<'risk'>['item']['status'], score: number): vscode.ThemeIcon {
  if (status === 'occurred') return icon('flame', Colors.red);
  if (status === 'mitigated') return icon('shield', Colors.green);
  if (status === 'retired') return icon('circle-slash', Colors.muted);
  if (score >= HIGH_RISK_SCORE) return icon('warning', Colors.red);
  if (score >= 3) return icon('warning', Colors.yellow);
  return icon('info');
}
