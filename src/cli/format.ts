import * as path from 'node:path';
import type { CheckResult } from './check';
import { itemCounts } from './check';
import { featureRows } from '../core/report';

/** `path:line:col: severity code: message` lines (clickable in terminals and editors), then a summary. */
export function formatText(result: CheckResult, displayPath: (file: string) => string): string {
  const lines = result.problems.map((p) => `${displayPath(p.file)}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}`);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const counts = Object.entries(itemCounts(result.model)).map(([kind, count]) => `${count} ${plural(kind, count)}`).join(', ');
  lines.push(`${errors} ${plural('error', errors)}, ${warnings} ${plural('warning', warnings)} (${counts})`);
  return lines.join('\n') + '\n';
}

export function formatJson(result: CheckResult): string {
  const problems = result.problems.map(({ file, line, column, endLine, endColumn, severity, code, message }) => ({ file, line, column, endLine, endColumn, severity, code, message }));
  // Each feature's reported status beside its reality, as the All Features view and the report show it: for dashboards.
  const features = featureRows(result.model).map(({ id, title, reported, reality }) => ({ id, title, reported: reported?.status ?? null, reality, disagrees: reality.disagrees }));
  return JSON.stringify({ items: itemCounts(result.model), features, problems }, null, 2) + '\n';
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

/** A repository file as a line of output names it: relative to the current folder when inside it, else absolute. */
export function displayPathFrom(root: string, cwd = process.cwd()): (file: string) => string {
  return (file) => {
    const absolute = path.join(root, file);
    const relative = path.relative(cwd, absolute);
    return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
  };
}
