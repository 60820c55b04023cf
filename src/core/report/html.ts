// The truth report as one self-contained HTML page, the radiator that leaves the editor: no request of any
// kind (no script, font or image from anywhere), the charts drawn as inline SVG when the page is written,
// light and dark by the reader's preference, and readable printed. A strict Content-Security-Policy allows
// only the page's own nonce'd style (and, in the editor, its nonce'd script). Every value from YAML is
// escaped as text. The editor's report panel is this same page in the theme's colours, with item links.
import { AGE_BUCKETS, type ItemPlace } from './parts';
import { barChartSvg, formatValue, trendChartSvg, type ChartUnit } from './charts';
import { escapeHtml as e } from './htmlText';
import { formatNumber } from './markdownText';
import type { TruthReport } from './report';
import type { TrendPoint } from './trend';
import type { Rate } from './stats';

export interface ReportHtmlOptions {
  /** A fresh random value per page (base64 or hex): the only style and script the CSP allows carry it. */
  nonce: string;
  /** 'page': light and dark by the reader's preference, print styles. 'editor': the editor theme's colours. */
  theme?: 'page' | 'editor';
  /**
   * When given, every item id is a link carrying its file and line, and this script (run under the nonce)
   * handles the clicks. The script is the caller's own code, never data.
   */
  linkScript?: string;
}

export function reportHtml(report: TruthReport, options: ReportHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(options.nonce)) throw new Error('reportHtml: the nonce must be at least 16 base64 or hex characters');
  const nonce = e(options.nonce);
  const links = options.linkScript !== undefined;
  const item = (id: string, where: ItemPlace): string => links
    ? `<a class="item" href="#" data-file="${e(where.file)}" data-line="${where.line}" title="${e(`${where.file}:${where.line}`)}">${e(id)}</a>`
    : `<span class="item">${e(id)}</span><span class="where">${e(`${where.file}:${where.line}`)}</span>`;
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; script-src ${links ? `'nonce-${nonce}'` : "'none'"}; base-uri 'none'; form-action 'none'`;
  const body = [
    `<header><h1>Truth report</h1><p class="sub">as of <time datetime="${e(report.asOf)}">${e(report.asOf)}</time> · what the reports say beside what <code>.alignment/</code> holds</p></header>`,
    metricsSection(report),
    featuresSection(report, item),
    flagsSection(report, item),
    milestonesSection(report, item),
    waitingSection(report, item),
    trendSection(report),
    problemsSection(report),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${options.theme === 'editor' ? 'normal' : 'light dark'}">
<title>Truth report — as of ${e(report.asOf)}</title>
<style nonce="${nonce}">${options.theme === 'editor' ? `${EDITOR_COLOURS}${STYLE}${EDITOR_FONT}` : `${PAGE_COLOURS}${STYLE}`}</style>
</head>
<body>
<main>
${body}
<footer>Written by Truthline from <code>.alignment/</code>${report.trendUnavailable === null ? ' and its git history' : ''}.</footer>
</main>
${links ? `<script nonce="${nonce}">${options.linkScript}</script>\n` : ''}</body>
</html>
`;
}

type ItemLink = (id: string, where: ItemPlace) => string;

function rateText(rate: Rate): string {
  return rate.value === null ? 'n/a' : `${Math.round(rate.value * 100)}%`;
}

function daysText(value: number | null): string {
  return value === null ? 'n/a' : `${formatNumber(value)} ${value === 1 ? 'day' : 'days'}`;
}

function tile(label: string, value: string, detail: string, state: 'good' | 'bad' | 'none'): string {
  return `<div class="tile ${state}"><div class="label">${e(label)}</div><div class="value">${e(value)}</div><div class="detail">${detail}</div></div>`;
}

function idList(prefix: string, ids: readonly string[]): string {
  return ids.length === 0 ? '' : `<br>${e(prefix)} ${ids.map((id) => `<span class="item">${e(id)}</span>`).join(', ')}`;
}

/** `of` names what was counted, singular and plural: ['decision', 'decisions']. */
function count(n: number, of: readonly [string, string]): string {
  return `${n} ${e(n === 1 ? of[0] : of[1])}`;
}

function rateDetail(rate: Rate, of: readonly [string, string]): string {
  return rate.value === null ? `no ${e(of[1])}` : `${rate.count} of ${count(rate.of, of)}`;
}

function metricsSection({ metrics }: TruthReport): string {
  const attribution = metrics.decisionAttributionRate;
  const validation = metrics.validationRate;
  const distortion = metrics.truthDistortionIndex;
  const thermocline = metrics.thermoclineLatencyDays;
  const toDecision = metrics.customerToDecisionDays;
  const acknowledge = metrics.flagAcknowledgeDays;
  const state = (value: number | null, good: (value: number) => boolean): 'good' | 'bad' | 'none' => (value === null ? 'none' : good(value) ? 'good' : 'bad');
  return `<section aria-labelledby="metrics"><h2 id="metrics">Metrics</h2><div class="tiles">${[
    tile('Truth distortion index', rateText(distortion), `${rateDetail(distortion, ['feature reported on-track or done', 'features reported on-track or done'])}${idList('reality disagrees:', distortion.distorted)}`, state(distortion.value, (v) => v === 0)),
    tile('Thermocline latency', daysText(thermocline.median), `median over ${count(thermocline.values.length, ['flag the report caught up with', 'flags the report caught up with'])}`
      + (thermocline.stillHidden.length > 0 ? `<br><strong class="bad">still hidden:</strong> ${thermocline.stillHidden.map((v) => `<span class="item">${e(v.flag)}</span> on ${e(v.feature)} (${e(daysText(v.days))})`).join(', ')}` : ''),
    thermocline.stillHidden.length > 0 ? 'bad' : thermocline.median === null ? 'none' : 'good'),
    tile('Decision attribution rate', rateText(attribution), `${rateDetail(attribution, ['decision', 'decisions'])}${idList('unattributed:', attribution.unattributed)}`, state(attribution.value, (v) => v >= 0.8)),
    tile('Customer to decision', daysText(toDecision.median), `median over ${count(toDecision.values.length, ['attributed decision with a dated request', 'attributed decisions with dated requests'])}`, 'none'),
    tile('Validation rate', rateText(validation), `${rateDetail(validation, ['assumption due', 'assumptions due'])}${idList('untested:', validation.untested)}`, state(validation.value, (v) => v >= 0.8)),
    tile('Flag acknowledge time', daysText(acknowledge.median), `median over ${count(acknowledge.values.length, ['acknowledged flag', 'acknowledged flags'])}`, 'none'),
  ].join('')}</div></section>`;
}

function tableHtml(caption: string, header: readonly string[], rows: readonly string[][], options: { id?: string; rowClass?: (index: number) => string } = {}): string {
  return `<div class="scroll"><table${options.id ? ` id="${e(options.id)}"` : ''}><caption>${e(caption)}</caption><thead><tr>${header.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${
    rows.map((row, index) => `<tr${options.rowClass ? ` class="${options.rowClass(index)}"` : ''}>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}

function featuresSection({ features }: TruthReport, item: ItemLink): string {
  const title = '<h2 id="features">Features: reported vs reality</h2>';
  if (features.length === 0) return `<section aria-labelledby="features">${title}<p>No features.</p></section>`;
  return `<section aria-labelledby="features">${title}${tableHtml('Each feature\'s reported status beside what .alignment/ holds', ['feature', 'reported', 'reality', 'open flags c/h/m/l', 'invalidated assumptions', 'no-go gates', 'high risks'],
    features.map((row) => {
      const flags = row.reality.openFlags;
      const reported = row.reported ? `<span class="status s-${e(row.reported.status)}">${e(row.reported.status)}</span>${row.reported.progress === null ? '' : ` ${e(row.reported.progress)}%`}` : '<span class="muted">not reported</span>';
      const reality = row.reality.disagrees ? '<strong class="badge bad">disagrees</strong>' : row.reality.gap > 0 ? '<span class="badge warn">concerns</span>' : '<span class="badge good">agrees</span>';
      return [`${row.title ? `${e(row.title)}<br>` : ''}${item(row.id, row)}`, reported, reality, `${flags.critical}/${flags.high}/${flags.medium}/${flags.low}`,
        String(row.reality.invalidatedAssumptions), String(row.reality.noGoGates), String(row.reality.highRisks)];
    }), { rowClass: (index) => (features[index]?.reality.disagrees ? 'disagrees' : '') })}</section>`;
}

function flagsSection({ openFlags, flagsByAge }: TruthReport, item: ItemLink): string {
  const bars = AGE_BUCKETS.map((bucket) => ({ label: bucket, value: flagsByAge[bucket], warn: bucket === 'over 90 days' || bucket === '31-90 days' }));
  const chart = `<figure class="byage"><figcaption id="age-title">Open flags by age</figcaption>${barChartSvg(bars, 'age-title', 'age-table')}</figure>`
    + tableHtml('Open flags by age (the chart as a table)', ['age', 'open flags'], bars.map((bar) => [e(bar.label), String(bar.value)]), { id: 'age-table' });
  const list = openFlags.length === 0 ? '<p>No open flags.</p>' : tableHtml('Open flags, oldest first', ['flag', 'feature', 'severity', 'status', 'age', 'raised by', 'reality'],
    openFlags.map((flag) => [item(flag.id, flag), e(flag.feature ?? '—'), `<span class="sev sev-${e(flag.severity)}">${e(flag.severity)}</span>`, e(flag.status),
      flag.ageDays === null ? 'undated' : e(daysText(flag.ageDays)), e(flag.raisedBy ?? '—'), e(flag.reality ?? '—')]));
  return `<section aria-labelledby="flags"><h2 id="flags">Open flags by age</h2><div class="pair">${chart}</div>${list}</section>`;
}

function milestonesSection({ milestones }: TruthReport, item: ItemLink): string {
  const title = '<h2 id="milestones">Milestone gates</h2>';
  if (milestones.length === 0) return `<section aria-labelledby="milestones">${title}<p>No milestones.</p></section>`;
  return `<section aria-labelledby="milestones">${title}<ul class="milestones">${milestones.map((milestone) => {
    const state = milestone.blocked ? ' <strong class="badge bad">NO-GO: blocked</strong>' : milestone.overdue ? ' <span class="badge warn">overdue</span>' : '';
    const gates = milestone.gates.map((gate) => `<li><span class="gate g-${e(gate.call)}">${e(gate.call)}</span> ${e(gate.role)}${gate.who ? ` (${e(gate.who)})` : ''}${gate.reason ? ` — ${e(gate.reason)}` : ''}</li>`).join('');
    return `<li class="${milestone.blocked ? 'blocked' : ''}"><strong>${e(milestone.title ?? milestone.id)}</strong> ${item(milestone.id, milestone)}${milestone.feature ? ` · ${e(milestone.feature)}` : ''} · due ${e(milestone.due ?? 'undated')}${state}${gates ? `<ul>${gates}</ul>` : ''}</li>`;
  }).join('')}</ul></section>`;
}

function waitingSection({ waitingRequests }: TruthReport, item: ItemLink): string {
  const title = '<h2 id="waiting">Customers waiting for a decision</h2>';
  if (waitingRequests.length === 0) return `<section aria-labelledby="waiting">${title}<p>Every request has a decision.</p></section>`;
  return `<section aria-labelledby="waiting">${title}<ul class="requests">${waitingRequests.map((request) => `<li><strong>${e(request.customer ?? 'unnamed customer')}</strong>${request.contact ? ` (${e(request.contact)})` : ''} · ${item(request.id, request)} · ${
    request.daysWaiting === null ? 'undated' : `waiting ${e(daysText(request.daysWaiting))}`}${request.quote ? `<blockquote>${e(request.quote)}</blockquote>` : ''}</li>`).join('')}</ul></section>`;
}

const TREND_SERIES: readonly { key: keyof TrendPoint; label: string; unit: ChartUnit }[] = [
  { key: 'truthDistortionIndex', label: 'Truth distortion index', unit: 'rate' },
  { key: 'thermoclineLatencyDays', label: 'Thermocline latency (median)', unit: 'days' },
  { key: 'stillHidden', label: 'Flags still hidden', unit: 'count' },
  { key: 'openFlags', label: 'Unresolved flags', unit: 'count' },
  { key: 'decisionAttributionRate', label: 'Decision attribution rate', unit: 'rate' },
  { key: 'customerToDecisionDays', label: 'Customer to decision (median)', unit: 'days' },
  { key: 'validationRate', label: 'Validation rate', unit: 'rate' },
  { key: 'flagAcknowledgeDays', label: 'Flag acknowledge time (median)', unit: 'days' },
];

function trendSection({ trend, trendUnavailable }: TruthReport): string {
  const title = '<h2 id="trend">Trend, week by week</h2>';
  if (trendUnavailable !== null) return `<section aria-labelledby="trend">${title}<p class="notice">No trend: ${e(trendUnavailable)}.</p></section>`;
  const charts = TREND_SERIES.map((series, index) => {
    const points = trend.map((point) => ({ date: point.date, value: point[series.key] as number | null }));
    const known = points.filter((point) => point.value !== null);
    const first = known[0];
    const last = known[known.length - 1];
    const summary = first && last ? `${formatValue(first.value, series.unit)} on ${first.date} → ${formatValue(last.value, series.unit)} on ${last.date}` : 'no value yet';
    return `<figure><figcaption id="trend-${index}"><span class="name">${e(series.label)}</span> <span class="summary">${e(summary)}</span></figcaption>${trendChartSvg(points, series.unit, `trend-${index}`, 'trend-table')}</figure>`;
  });
  const table = tableHtml('The trend as a table: one row per week end', ['week end', ...TREND_SERIES.map((series) => series.label)],
    trend.map((point) => [e(point.date), ...TREND_SERIES.map((series) => e(formatValue(point[series.key] as number | null, series.unit)))]), { id: 'trend-table' });
  return `<section aria-labelledby="trend">${title}<div class="charts">${charts.join('')}</div>${table}</section>`;
}

function problemsSection({ problems }: TruthReport): string {
  if (problems.length === 0) return '';
  return `<section aria-labelledby="problems"><h2 id="problems">Problems in .alignment/</h2><p>${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: the report shows everything that could be read.</p><ul class="problems">${
    problems.map((p) => `<li><span class="where">${e(`${p.file}:${p.line}:${p.column}`)}</span> ${e(p.severity)} ${e(p.code)}: ${e(p.message)}</li>`).join('')}</ul></section>`;
}

const PAGE_COLOURS = `
:root { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #0969da; --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; --bad-bg: #ffebe9; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; --accent: #4493f8; --good: #3fb950; --warn: #d29922; --bad: #f85149; --bad-bg: #3c1618; }
}
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --line: #999999; --panel: #ffffff; --accent: #0b4fa0; --good: #146c2e; --warn: #7a5200; --bad: #b00020; --bad-bg: #ffffff; }
}`;

const EDITOR_COLOURS = `
:root { --bg: var(--vscode-editor-background); --fg: var(--vscode-editor-foreground); --muted: var(--vscode-descriptionForeground); --line: var(--vscode-panel-border, var(--vscode-widget-border, #8884));
  --panel: var(--vscode-sideBar-background, transparent); --accent: var(--vscode-textLink-foreground); --good: var(--vscode-testing-iconPassed, #3fb950);
  --warn: var(--vscode-editorWarning-foreground); --bad: var(--vscode-editorError-foreground); --bad-bg: var(--vscode-inputValidation-errorBackground, transparent); }`;

/** After the page's style: the editor's own font. */
const EDITOR_FONT = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); }`;

const STYLE = `
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; background: var(--bg); color: var(--fg); }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 26px; margin: 0; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.sub, .muted, .where, footer, caption, .detail, .summary { color: var(--muted); }
.sub { margin: 4px 0 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
.where { display: block; font: 11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.item { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
a.item { color: var(--accent); text-decoration: none; }
a.item:hover { text-decoration: underline; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
.tile { border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; padding: 10px 12px; background: var(--panel); break-inside: avoid; }
.tile.good { border-left-color: var(--good); }
.tile.bad { border-left-color: var(--bad); }
.tile .label { font-weight: 600; }
.tile .value { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
.tile.bad .value, strong.bad { color: var(--bad); }
.tile .detail { font-size: 12px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-size: 12px; padding-bottom: 4px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; font-weight: 600; }
tr { break-inside: avoid; }
tr.disagrees td { background: var(--bad-bg); }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; border: 1px solid currentColor; font-size: 12px; font-weight: 600; }
.badge.good, .g-go { color: var(--good); }
.badge.warn, .sev-medium, .g-pending { color: var(--warn); }
.badge.bad, .sev-high, .sev-critical, .g-no-go { color: var(--bad); }
.sev-critical { font-weight: 700; }
.gate { font-weight: 600; }
.milestones, .requests, .problems { padding-left: 18px; }
.milestones > li, .requests > li { margin-bottom: 8px; break-inside: avoid; }
.milestones > li.blocked { border-left: 4px solid var(--bad); padding-left: 8px; margin-left: -12px; list-style: none; }
blockquote { margin: 4px 0 0; padding: 2px 12px; border-left: 3px solid var(--line); white-space: pre-wrap; font-style: italic; }
.pair { display: grid; grid-template-columns: minmax(260px, 420px) minmax(200px, 1fr); gap: 16px; align-items: start; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px; }
figure { margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; }
figcaption { font-size: 12px; margin-bottom: 2px; }
figcaption .name { font-weight: 600; display: block; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .axis, .chart .value { fill: var(--muted); font-size: 11px; }
.chart .series { stroke: var(--accent); stroke-width: 2; }
.chart .dot { fill: var(--accent); }
.chart .bar { fill: var(--accent); }
.chart .bar.warn { fill: var(--bad); }
.notice { padding: 8px 12px; border: 1px dashed var(--line); border-radius: 6px; }
footer { margin-top: 32px; font-size: 12px; }
@media (max-width: 700px) { .pair { grid-template-columns: 1fr; } }
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  .tiles { grid-template-columns: repeat(3, 1fr); }
  .charts { grid-template-columns: repeat(2, 1fr); }
  h2 { break-after: avoid; }
  a.item { color: inherit; }
}
`;
