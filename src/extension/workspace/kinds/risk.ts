import * as vscode from 'vscode';
import { HIGH_RISK_SCORE, type LoadedItem, orMissing, riskScore } from '../../../core';
import { ContextValues } from '../../constants';
import { Colors, icon, rowText, tieMark, upstreamMark, type RowContext } from './format';
import type { ItemKindView, ItemRow } from './kindView';
import { Tooltip } from './tooltip';

/** A pre-mortem risk, coloured by likelihood × impact while it can still happen. */
export const riskView: ItemKindView<'risk'> = { codicon: 'warning', row: riskRow };

function riskRow(entry: LoadedItem<'risk'>, context: RowContext): ItemRow {
  const { item } = entry;
  const likelihood = orMissing(item.likelihood, 'likelihood');
  const impact = orMissing(item.impact, 'impact');
  const score = riskScore(item);
  return {
    ...rowText([entry.id, `${likelihood} \u00d7 ${impact}`, item.status !== 'open' && item.status], upstreamMark(context), tieMark(context.tie), orMissing(item.risk, 'risk')),
    icon: riskIcon(item.status, score),
    contextValue: `${ContextValues.risk}.${item.status}`,
    accessibility: vscode.l10n.t('Risk {0}, likelihood {1}, impact {2}, {3}: {4}', entry.id, likelihood, impact, item.status, orMissing(item.risk, 'risk')),
    tooltip: () => new Tooltip()
      .title(vscode.l10n.t('Pre-mortem risk'), entry.id)
      .text(item.risk)
      .field(vscode.l10n.t('Likelihood \u00d7 impact'), `${likelihood} \u00d7 ${impact} = ${score}`)
      .field(vscode.l10n.t('Status'), item.status)
      .field(vscode.l10n.t('Early warning sign'), item.earlyWarningSign)
      .field(vscode.l10n.t('Mitigation'), item.mitigationStrategy)
      .field(vscode.l10n.t('Owner'), item.owner)
      .field(vscode.l10n.t('Feature'), context.upstreamOf ?? item.feature)
      .end(context, entry),
  };
}

function riskIcon(status: LoadedItem<'risk'>['item']['status'], score: number): vscode.ThemeIcon {
  if (status === 'occurred') return icon('flame', Colors.red);
  if (status === 'mitigated') return icon('shield', Colors.green);
  if (status === 'retired') return icon('circle-slash', Colors.muted);
  if (score >= HIGH_RISK_SCORE) return icon('warning', Colors.red);
  if (score >= 3) return icon('warning', Colors.yellow);
  return icon('info');
}
