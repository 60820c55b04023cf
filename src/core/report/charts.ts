// The report's charts as SVG markup, drawn when the report is written (no script in the page): d3-scale
// places every value and picks the ticks, d3-shape draws the lines. Pure: no DOM, so the CLI and the
// extension host draw the same charts, and the page prints and passes a script-less CSP. Colours come from
// classes the page's stylesheet defines, so light, dark, print and the editor's theme all apply.
import { scaleBand, scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { escapeHtml } from './htmlText';

export type ChartUnit = 'rate' | 'days' | 'count';

export interface ChartPoint {
  /** YYYY-MM-DD */
  date: string;
  value: number | null;
}

const WIDTH = 280;
const HEIGHT = 140;
const MARGIN = { top: 10, right: 12, bottom: 24, left: 40 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function shortDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

export function formatValue(value: number | null, unit: ChartUnit): string {
  if (value === null) return 'n/a';
  if (unit === 'rate') return `${Math.round(value * 100)}%`;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit === 'days' ? `${text} d` : text;
}

const round = (value: number): string => String(Math.round(value * 10) / 10);

/**
 * A line chart of one metric over the weeks. `labelledBy` and `describedBy` name the elements holding its
 * title and its table alternative.
 */
export function trendChartSvg(points: readonly ChartPoint[], unit: ChartUnit, labelledBy: string, describedBy: string): string {
  const dates = points.map((point) => utcDay(point.date));
  const first = dates[0] ?? utcDay('1970-01-01');
  const last = dates[dates.length - 1] ?? first;
  const x = scaleUtc().domain(first.getTime() === last.getTime() ? [new Date(first.getTime() - 3.5 * 864e5), new Date(last.getTime() + 3.5 * 864e5)] : [first, last])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const y = scaleLinear().domain(unit === 'rate' ? [0, 1] : [0, Math.max(1, ...values)]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  if (unit !== 'rate') y.nice(4);
  const yTicks = unit === 'rate' ? [0, 0.5, 1] : y.ticks(4).filter((tick) => Number.isInteger(tick));
  const allTicks = x.ticks(6);
  const step = Math.ceil(allTicks.length / 4);
  const xTicks = allTicks.filter((_, index) => index % step === 0);
  const path = line<ChartPoint>().defined((point) => point.value !== null)
    .x((point) => x(utcDay(point.date)))
    .y((point) => y(point.value ?? 0));
  const parts = [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${escapeHtml(labelledBy)}" aria-describedby="${escapeHtml(describedBy)}" xmlns="http://www.w3.org/2000/svg">`,
    ...yTicks.map((tick) => `<g class="tick"><line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${round(y(tick))}" y2="${round(y(tick))}"/>`
      + `<text class="axis" x="${MARGIN.left - 6}" y="${round(y(tick))}" text-anchor="end" dominant-baseline="middle">${escapeHtml(formatValue(tick, unit))}</text></g>`),
    ...xTicks.map((tick) => `<text class="axis" x="${round(x(tick))}" y="${HEIGHT - 6}" text-anchor="middle">${escapeHtml(shortDate(tick))}</text>`),
    `<path class="series" fill="none" d="${path(points) ?? ''}"/>`,
    ...points.flatMap((point) => (point.value === null ? [] : [
      `<circle class="dot" r="2.5" cx="${round(x(utcDay(point.date)))}" cy="${round(y(point.value))}"><title>${escapeHtml(`${point.date}: ${formatValue(point.value, unit)}`)}</title></circle>`,
    ])),
    '</svg>',
  ];
  return parts.join('');
}

/** Horizontal bars, one per bucket, with the count written at the end of each bar. */
export function barChartSvg(bars: readonly { label: string; value: number; warn?: boolean }[], labelledBy: string, describedBy: string): string {
  const rowHeight = 24;
  const left = 96;
  const width = WIDTH;
  const height = bars.length * rowHeight + 8;
  const y = scaleBand<string>().domain(bars.map((bar) => bar.label)).range([4, height - 4]).padding(0.2);
  const x = scaleLinear().domain([0, Math.max(1, ...bars.map((bar) => bar.value))]).range([left, width - 36]);
  const parts = [`<svg class="chart bars" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${escapeHtml(labelledBy)}" aria-describedby="${escapeHtml(describedBy)}" xmlns="http://www.w3.org/2000/svg">`];
  for (const bar of bars) {
    const top = y(bar.label) ?? 0;
    const middle = round(top + y.bandwidth() / 2);
    const end = x(bar.value);
    parts.push(`<text class="axis" x="${left - 6}" y="${middle}" text-anchor="end" dominant-baseline="middle">${escapeHtml(bar.label)}</text>`,
      `<rect class="bar${bar.warn ? ' warn' : ''}" x="${left}" y="${round(top)}" width="${round(Math.max(0, end - left))}" height="${round(y.bandwidth())}"><title>${escapeHtml(`${bar.label}: ${bar.value}`)}</title></rect>`,
      `<text class="value" x="${round(end + 4)}" y="${middle}" dominant-baseline="middle">${bar.value}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
