// Small pieces of Markdown the report and the review share. Customers' words are written verbatim: a quote
// becomes a block quote line by line, a table cell only loses what would break the table.
import type { Rate } from './stats';

export function percent(rate: Rate, of: string): string {
  if (rate.value === null) return `n/a (no ${of})`;
  return `${Math.round(rate.value * 100)}% (${rate.count} of ${rate.of} ${of})`;
}

export function days(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? 'day' : 'days'}`;
}

/** `of` names what was measured, singular and plural: ['decision', 'decisions']. */
export function medianDays(median: number | null, count: number, of: readonly [string, string]): string {
  return median === null ? `n/a (no ${of[1]})` : `median ${days(median)} (${count} ${count === 1 ? of[0] : of[1]})`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A table cell: one line, pipes escaped. */
export function cell(text: string | null | undefined): string {
  return (text ?? '—').replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

/** Their words, verbatim, as a block quote. */
export function blockQuote(text: string): string[] {
  return text.split(/\r\n?|\n/).map((line) => (line.length > 0 ? `> ${line}` : '>'));
}
