// What is kept of an item that breaks the format. Validation reports every problem against the strict
// schema; salvage then drops only what is wrong, as narrowly as it can: an entry of a list (one bad gate,
// not all gates), a key of a nested mapping (`reported.progress`, not all of `reported`), a top-level key.
// Required fields may be dropped too: the lenient schema keeps the item with its `kind` and `id`.
import type { z } from 'zod';
import { LENIENT_SCHEMAS, SCHEMAS, type Kind } from './schemas';

export type ItemPath = readonly (string | number)[];

export interface SalvageIssue {
  /** Path in the item as written (list indices before any entry was dropped). */
  readonly path: ItemPath;
  readonly issue: z.core.$ZodIssue;
}

export interface Salvaged {
  /** The item as the model keeps it; undefined only when even `kind` and `id` do not parse. */
  readonly data: unknown;
  /** Empty for a valid item. */
  readonly issues: readonly SalvageIssue[];
  /** Turns a path in `data` into the path as written (indices shift when list entries are dropped). */
  readonly toWritten: (path: ItemPath) => ItemPath;
}

const MAX_ROUNDS = 8;
const identity = (path: ItemPath): ItemPath => path;

export function salvage(kind: Kind, fields: Record<string, unknown>): Salvaged {
  const strict = SCHEMAS[kind].safeParse(fields);
  if (strict.success) return { data: strict.data, issues: [], toWritten: identity };

  // Kept positions of each list's entries, by the list's path; the schema has no list inside a list entry.
  const origins = new Map<string, number[]>();
  const toWritten = (path: ItemPath): ItemPath => path.map((segment, index) => {
    if (typeof segment !== 'number') return segment;
    return origins.get(listKey(path.slice(0, index)))?.[segment] ?? segment;
  });
  const issues: SalvageIssue[] = [];
  const seen = new Set<string>();
  const note = (issue: z.core.$ZodIssue): void => {
    const path = toWritten(pathOf(issue));
    const key = `${JSON.stringify(path)}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ path, issue });
  };
  strict.error.issues.forEach(note);

  // A deep copy: aliases can share one object between two places, and only one of them may be wrong.
  const working = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
  if (typeof working.id === 'number') working.id = String(working.id);
  const lenient: z.ZodType = LENIENT_SCHEMAS[kind];
  let result = lenient.safeParse(working);
  for (let round = 0; !result.success && round < MAX_ROUNDS; round++) {
    // A refinement the strict pass skipped can speak now; an issue about a value salvage dropped cannot.
    result.error.issues.filter((issue) => valueAt(working, pathOf(issue)) !== undefined).forEach(note);
    dropWhatIsWrong(working, result.error.issues, origins);
    result = lenient.safeParse(working);
  }
  if (!result.success) {
    // Whatever is left, the item itself is kept if its kind and id can be read.
    result = lenient.safeParse({ kind, id: working.id });
    if (!result.success) result.error.issues.forEach(note);
  }
  return { data: result.success ? result.data : undefined, issues, toWritten };
}

function dropWhatIsWrong(working: Record<string, unknown>, issues: readonly z.core.$ZodIssue[], origins: Map<string, number[]>): void {
  const entries = new Map<string, { list: unknown[]; path: ItemPath; indices: Set<number> }>();
  for (const issue of issues) {
    const path = pathOf(issue);
    if (issue.code === 'unrecognized_keys') {
      const parent = valueAt(working, path);
      if (isRecord(parent)) for (const key of issue.keys) delete parent[key];
      continue;
    }
    const lastIndex = findLastIndex(path, (segment) => typeof segment === 'number');
    if (lastIndex >= 0) {
      const listPath = path.slice(0, lastIndex);
      const list = valueAt(working, listPath);
      if (!Array.isArray(list)) continue;
      const key = listKey(listPath);
      const pending = entries.get(key) ?? { list, path: listPath, indices: new Set<number>() };
      pending.indices.add(path[lastIndex] as number);
      entries.set(key, pending);
      continue;
    }
    dropNearest(working, path);
  }
  for (const [key, { list, indices }] of entries) {
    const origin = origins.get(key) ?? list.map((_, index) => index);
    for (const index of [...indices].sort((a, b) => b - a)) {
      list.splice(index, 1);
      origin.splice(index, 1);
    }
    origins.set(key, origin);
  }
}

/** Deletes the key the issue is about or, when it is missing (a required key), the mapping that lacks it. */
function dropNearest(working: Record<string, unknown>, path: ItemPath): void {
  for (let depth = path.length; depth >= 1; depth--) {
    const key = path[depth - 1] as string;
    if (depth === 1 && (key === 'kind' || key === 'id')) return;
    const parent = valueAt(working, path.slice(0, depth - 1));
    if (isRecord(parent) && Object.prototype.hasOwnProperty.call(parent, key)) {
      delete parent[key];
      return;
    }
  }
}

function valueAt(root: unknown, path: ItemPath): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value) && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

function pathOf(issue: z.core.$ZodIssue): ItemPath {
  return issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
}

function listKey(path: ItemPath): string {
  return path.join('\u0000');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
