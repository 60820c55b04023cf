// (f) A model built from the one before (buildModel's `previous`, src/core/modelUpdate.ts) is the model a
// full build gives. Checked on each case by changing its first file two ways, there and back: cut to its
// first half (items go and come: ids change), and with its values turned (statuses, gate calls,
// likelihoods, customers: the same ids, other answers). The other files keep their parses, as in an editor.
import { buildModel, parseAlignmentFile, type AlignmentModel, type FileParse, type LoadedItem } from '../../src/core';
import type { FuzzFile } from './coreArbitraries';

export interface UpdateDifference {
  /** Which change, and which way: `cut` or `values`, `there` (to the case's files) or `back`. */
  change: string;
  detail: string;
}

const TURNED: [RegExp, (found: string, ...groups: string[]) => string][] = [
  [/\b(on-track|at-risk|off-track|done)\b/g, (status) => ({ 'on-track': 'at-risk', 'at-risk': 'off-track', 'off-track': 'done', done: 'on-track' })[status] ?? status],
  [/\b(validated|untested|invalidated)\b/g, (status) => ({ validated: 'invalidated', untested: 'validated', invalidated: 'untested' })[status] ?? status],
  [/(call:\s*)(no-go|go|pending)\b/g, (_, key: string, call: string) => `${key}${({ go: 'no-go', 'no-go': 'pending', pending: 'go' })[call] ?? call}`],
  [/(likelihood:\s*)(low|medium|high)\b/g, (_, key: string, value: string) => `${key}${({ low: 'high', medium: 'low', high: 'medium' })[value] ?? value}`],
  [/^(\s*-?\s*customer:\s*)([A-Za-z][^\n#"']*)$/gm, (_, key: string, name: string) => `${key}${name.trimEnd()} Two`],
];

const CHANGES: Record<string, (text: string) => string> = {
  cut: (text) => {
    const lines = text.split('\n');
    return lines.slice(0, Math.ceil(lines.length / 2)).join('\n');
  },
  values: (text) => TURNED.reduce((turned, [pattern, turn]) => turned.replace(pattern, turn as (found: string) => string), text),
};

/** Where an update from another state of the first file differs from a full build; none when equal. */
export function checkUpdates(files: readonly FuzzFile[], parses: readonly FileParse[], repoFiles?: readonly string[]): UpdateDifference[] {
  const first = files[0];
  if (!first) return [];
  const differences: UpdateDifference[] = [];
  const options = repoFiles ? { repoFiles } : {};
  const now = buildModel(parses, options);
  for (const [name, change] of Object.entries(CHANGES)) {
    const changedText = change(first.text);
    if (changedText === first.text) continue;
    const other = [parseAlignmentFile(first.path, changedText), ...parses.slice(1)];
    const before = buildModel(other, options);
    const there = modelDifference(buildModel(parses, { ...options, previous: before }), now);
    if (there) differences.push({ change: `${name} there`, detail: there });
    const back = modelDifference(buildModel(other, { ...options, previous: now }), before);
    if (back) differences.push({ change: `${name} back`, detail: back });
  }
  return differences;
}

/** The first way `updated` differs from `full`, or undefined. Items are compared as the same objects. */
export function modelDifference(updated: AlignmentModel, full: AlignmentModel): string | undefined {
  const ids = (entries: Iterable<LoadedItem>): string => [...entries].map((entry) => `${entry.kind}:${entry.id}@${entry.file}:${entry.range.line}`).join(', ');
  const same = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((value, index) => value === b[index]);
  if (!same(updated.files, full.files)) return 'files differ';
  if (!same(updated.items, full.items)) return `items differ: ${ids(updated.items)} | ${ids(full.items)}`;
  if (!same([...updated.byId.entries()].flat(), [...full.byId.entries()].flat())) return `byId differs: ${ids(updated.byId.values())} | ${ids(full.byId.values())}`;
  for (const kind of Object.keys(full.byKind) as (keyof typeof full.byKind)[]) {
    if (!same<LoadedItem>(updated.byKind[kind], full.byKind[kind])) return `byKind.${kind} differs: ${ids(updated.byKind[kind])} | ${ids(full.byKind[kind])}`;
  }
  const problems = (model: AlignmentModel): string => JSON.stringify(model.problems);
  if (problems(updated) !== problems(full)) return `problems differ:\n  updated ${problems(updated)}\n  full    ${problems(full)}`;
  const groups = (model: AlignmentModel): string[] => [...model.itemsOfFeature].map(([feature, members]) => `${feature}: ${ids(members)}`).sort();
  if (groups(updated).join('\n') !== groups(full).join('\n')) return `itemsOfFeature differs:\n  updated ${groups(updated).join('; ')}\n  full    ${groups(full).join('; ')}`;
  if ([...updated.customers].sort().join('|') !== [...full.customers].sort().join('|')) return 'customers differ';
  // Every path an item's patterns name, as written and with a file name below it.
  const paths = new Set<string>();
  for (const entry of full.items) {
    const patterns = (entry.item as { paths?: unknown }).paths;
    for (const pattern of Array.isArray(patterns) ? patterns : []) {
      if (typeof pattern !== 'string') continue;
      const literal = pattern.replace(/^!/, '').replace(/[*?[{].*$/, '');
      paths.add(literal || 'a.ts').add(`${literal.replace(/\/?$/, '/')}x/y.ts`);
    }
  }
  for (const path of paths) {
    if (!same(updated.pathIndex.lookup(path), full.pathIndex.lookup(path))) return `pathIndex.lookup("${path}") differs: ${ids(updated.pathIndex.lookup(path))} | ${ids(full.pathIndex.lookup(path))}`;
  }
  return undefined;
}
