// The problems a cross-check finds, kept by the item they are about: a rebuild after one file changed checks
// that file's items again and keeps every other item's answer (see modelUpdate.ts).
import type { LoadedItem } from '../load';
import type { Problem } from '../problems';

/** Only items with problems are keys. */
export type ItemProblems = ReadonlyMap<LoadedItem, readonly Problem[]>;

export const NO_ITEM_PROBLEMS: ItemProblems = new Map();

/** What a check gives for an item without problems: one shared empty list, not one per item. */
export const NONE: readonly Problem[] = Object.freeze([]);

/** Each entry's problems, for the entries that have some. */
export function problemsByItem<T extends LoadedItem>(entries: Iterable<T>, problemsOf: (entry: T) => readonly Problem[]): Map<LoadedItem, readonly Problem[]> {
  const found = new Map<LoadedItem, readonly Problem[]>();
  for (const entry of entries) {
    const problems = problemsOf(entry);
    if (problems.length > 0) found.set(entry, problems);
  }
  return found;
}

/** `previous` without the `removed` items' problems, with `added`'s. `previous` does not change. */
export function replaceItemProblems(previous: ItemProblems, removed: Iterable<LoadedItem>, added: ItemProblems): ItemProblems {
  const next = new Map(previous);
  for (const entry of removed) next.delete(entry);
  for (const [entry, problems] of added) next.set(entry, problems);
  return next;
}

export function allItemProblems(problems: ItemProblems): Problem[] {
  return [...problems.values()].flat();
}
