// The options of `truthline report` and `truthline review`, checked before anything is read: a bad date or
// week is a usage error (exit 2) that says what was expected.
import * as path from 'node:path';
import { localDate } from '../../core';
import { dayOf, isoWeekOf, parseCalendarDate, parseIsoWeek, type IsoWeek } from '../../core/report';
import { parseCommandLine, type OptionSpecs } from '../arguments';
import { UsageError } from '../check';

export const REPORT_USAGE = `Usage: truthline report [root] [--format html|markdown|json] [--as-of YYYY-MM-DD] [--out FILE]
       truthline review [root] [--week YYYY-Www] [--as-of YYYY-MM-DD] [--out FILE]

report: the truth report of <root>/.alignment/ (root defaults to the current folder): the metrics,
every feature's reported status beside its reality, open flags by age, milestone gates, customers
waiting for a decision, and the weekly trend read from git history. Markdown to stdout by default;
with --out, an HTML page (one self-contained file: no network, light and dark, prints) unless --format says.
review: the weekly Customer Truth Review in Markdown, for the ISO week given (default: the week of
--as-of). --as-of fixes "today" (default: today) so the output is reproducible.
Exit code: 0 the report was written (problems in .alignment/ are listed in it), 2 usage error.`;

export interface ReportOptions {
  command: 'report';
  root: string;
  format: 'html' | 'markdown' | 'json';
  asOf: number;
  out: string | undefined;
}

export interface ReviewOptions {
  command: 'review';
  root: string;
  week: IsoWeek;
  asOf: number;
  out: string | undefined;
}

/** Today by the local calendar. */
export function today(now = new Date()): number {
  return dayOf(localDate(now)) as number;
}

function parse(args: readonly string[], extra: OptionSpecs): { values: Readonly<Record<string, string | undefined>>; help: boolean; root: string } {
  const line = parseCommandLine(args, { ...extra, 'as-of': undefined, out: undefined });
  if (line.positionals.length > 1) throw new UsageError(`unexpected argument "${line.positionals[1]}": give one root folder`);
  return { values: line.values, help: line.help, root: path.resolve(line.positionals[0] ?? '.') };
}

function asOfOption(value: string | boolean | undefined): number {
  if (value === undefined) return today();
  const day = typeof value === 'string' ? parseCalendarDate(value) : undefined;
  if (day === undefined) throw new UsageError(`--as-of takes a calendar date like 2026-11-30, not "${String(value)}"`);
  return day;
}

export function parseReportOptions(args: readonly string[]): ReportOptions | 'help' {
  const { values, help, root } = parse(args, { format: ['html', 'markdown', 'json'] });
  if (help) return 'help';
  const format = (values.format ?? (values.out === undefined ? 'markdown' : 'html')) as ReportOptions['format'];
  return { command: 'report', root, format, asOf: asOfOption(values['as-of']), out: values.out };
}

/**
 * Without --week, the week holding as-of. With --week and no --as-of, as-of is the week's end, or today
 * while the week is not over.
 */
export function parseReviewOptions(args: readonly string[]): ReviewOptions | 'help' {
  const { values, help, root } = parse(args, { week: undefined });
  if (help) return 'help';
  const weekText = values.week;
  const week = typeof weekText === 'string' ? parseIsoWeek(weekText) : undefined;
  if (weekText !== undefined && week === undefined) throw new UsageError(`--week takes an ISO week like 2026-W48, not "${String(weekText)}"`);
  const asOf = values['as-of'] !== undefined ? asOfOption(values['as-of']) : week ? Math.min(week.end, today()) : today();
  return { command: 'review', root, week: week ?? isoWeekOf(asOf), asOf, out: values.out };
}
