// The truth report as Markdown: the metrics, then every feature's report beside its reality, then what
// waits (flags, gates, customers), then the trend as a table.
import { days, medianDays, percent, table, blockQuote, formatNumber } from './markdownText';
import type { TruthReport } from './report';
import type { TrendPoint } from './trend';

export function reportMarkdown(report: TruthReport): string {
  const lines: string[] = [`# Truth report — as of ${report.asOf}`, ''];
  lines.push(...metricLines(report), '');
  lines.push(...featureLines(report), '');
  lines.push(...flagLines(report), '');
  lines.push(...milestoneLines(report), '');
  lines.push(...waitingLines(report), '');
  lines.push(...trendLines(report), '');
  lines.push(...problemLines(report));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function metricLines({ metrics }: TruthReport): string[] {
  const hidden = metrics.thermoclineLatencyDays.stillHidden;
  return [
    '## Metrics',
    '',
    `- **Decision attribution rate**: ${percent(metrics.decisionAttributionRate, 'decisions')}${list(' — unattributed: ', metrics.decisionAttributionRate.unattributed)}`,
    `- **Customer to decision**: ${medianDays(metrics.customerToDecisionDays.median, metrics.customerToDecisionDays.values.length, ['attributed decision with a dated request', 'attributed decisions with dated requests'])}`,
    `- **Validation rate**: ${percent(metrics.validationRate, 'assumptions due')}${list(' — untested: ', metrics.validationRate.untested)}`,
    `- **Truth distortion index**: ${percent(metrics.truthDistortionIndex, 'features reported on-track or done')}${list(' — reality disagrees: ', metrics.truthDistortionIndex.distorted)}`,
    `- **Thermocline latency**: ${medianDays(metrics.thermoclineLatencyDays.median, metrics.thermoclineLatencyDays.values.length, ['flag the report caught up with', 'flags the report caught up with'])}`
      + (hidden.length > 0 ? `; **still hidden**: ${hidden.map((value) => `${value.flag} on ${value.feature} (${days(value.days)})`).join(', ')}` : ''),
    `- **Flag acknowledge time**: ${medianDays(metrics.flagAcknowledgeDays.median, metrics.flagAcknowledgeDays.values.length, ['acknowledged flag', 'acknowledged flags'])}`,
  ];
}

function list(prefix: string, ids: readonly string[]): string {
  return ids.length === 0 ? '' : `${prefix}${ids.join(', ')}`;
}

function featureLines({ features }: TruthReport): string[] {
  if (features.length === 0) return ['## Features: reported vs reality', '', 'No features.'];
  return ['## Features: reported vs reality', '', ...table(['feature', 'reported', 'reality', 'open flags (c/h/m/l)', 'invalidated assumptions', 'no-go gates', 'high risks'],
    features.map((row) => {
      const flags = row.reality.openFlags;
      const reported = row.reported ? `${row.reported.status}${row.reported.progress === null ? '' : ` ${row.reported.progress}%`}` : 'not reported';
      return [`${row.title ?? row.id} (${row.id})`, reported, row.reality.disagrees ? '**disagrees**' : row.reality.gap > 0 ? 'concerns' : 'agrees',
        `${flags.critical}/${flags.high}/${flags.medium}/${flags.low}`, String(row.reality.invalidatedAssumptions), String(row.reality.noGoGates), String(row.reality.highRisks)];
    }))];
}

function flagLines({ openFlags, flagsByAge }: TruthReport): string[] {
  const lines = ['## Open flags by age', '', Object.entries(flagsByAge).map(([bucket, count]) => `${bucket}: ${count}`).join(' · '), ''];
  if (openFlags.length === 0) return [...lines, 'No open flags.'];
  return [...lines, ...table(['flag', 'feature', 'severity', 'status', 'age', 'raised by', 'reality'],
    openFlags.map((flag) => [flag.id, flag.feature ?? '—', flag.severity, flag.status, flag.ageDays === null ? 'undated' : days(flag.ageDays), flag.raisedBy ?? '—', flag.reality ?? '—']))];
}

function milestoneLines({ milestones }: TruthReport): string[] {
  if (milestones.length === 0) return ['## Milestone gates', '', 'No milestones.'];
  const lines = ['## Milestone gates', ''];
  for (const milestone of milestones) {
    const state = milestone.blocked ? ' — **NO-GO: blocked**' : milestone.overdue ? ' — overdue' : '';
    lines.push(`- **${milestone.title ?? milestone.id}** (${milestone.id}${milestone.feature ? `, ${milestone.feature}` : ''}), due ${milestone.due ?? 'undated'}${state}`);
    for (const gate of milestone.gates) {
      const call = gate.call === 'no-go' ? '**no-go**' : gate.call;
      lines.push(`  - ${gate.role}${gate.who ? ` (${gate.who})` : ''}: ${call}${gate.reason ? ` — ${gate.reason}` : ''}`);
    }
  }
  return lines;
}

function waitingLines({ waitingRequests }: TruthReport): string[] {
  if (waitingRequests.length === 0) return ['## Customers waiting for a decision', '', 'Every request has a decision.'];
  const lines = ['## Customers waiting for a decision', ''];
  for (const request of waitingRequests) {
    const who = `${request.customer ?? 'unnamed customer'}${request.contact ? ` (${request.contact})` : ''}`;
    lines.push(`- **${who}**, ${request.id}: ${request.daysWaiting === null ? 'undated' : `waiting ${days(request.daysWaiting)}`}`, '');
    if (request.quote) lines.push(...blockQuote(request.quote).map((line) => `  ${line}`), '');
  }
  return lines;
}

function trendLines({ trend, trendUnavailable }: TruthReport): string[] {
  if (trendUnavailable !== null) return ['## Trend', '', `No trend: ${trendUnavailable}.`];
  const rate = (value: number | null): string => (value === null ? 'n/a' : `${Math.round(value * 100)}%`);
  const median = (value: number | null): string => (value === null ? 'n/a' : formatNumber(value));
  return ['## Trend (week ends)', '', ...table(['week end', 'attribution', 'customer→decision days', 'validation', 'distortion', 'thermocline days', 'still hidden', 'acknowledge days', 'open flags'],
    trend.map((point: TrendPoint) => [point.date, rate(point.decisionAttributionRate), median(point.customerToDecisionDays), rate(point.validationRate), rate(point.truthDistortionIndex),
      median(point.thermoclineLatencyDays), String(point.stillHidden), median(point.flagAcknowledgeDays), String(point.openFlags)]))];
}

function problemLines({ problems }: TruthReport): string[] {
  if (problems.length === 0) return [];
  return ['## Problems in .alignment/', '', `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: the report shows everything that could be read.`, '',
    ...problems.map((p) => `- ${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}`)];
}
