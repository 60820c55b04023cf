// The id a new item of a kind would take: the folder's own numbering continued (CR-109 after CR-108,
// M3 after M2), or the usual prefix when the kind has no numbered item yet. Never one that exists.
import type { AlignmentModel } from './model';
import type { Kind } from './schemas';

/** The prefixes the examples and the starter use, for a kind with no numbered item yet. */
export const ID_PREFIXES: { readonly [K in Exclude<Kind, 'feature' | 'flag'>]: string } = {
  request: 'CR-',
  assumption: 'A-',
  risk: 'R-',
  milestone: 'M',
  decision: 'D-',
};

export function nextItemId(model: AlignmentModel, kind: Exclude<Kind, 'feature' | 'flag'>): string {
  // The prefix most items of the kind use, and the highest number written with it.
  // BigInt: a hostile id with 30 digits must still give a larger one, not loop on a rounded number.
  const numbers = new Map<string, bigint>();
  const counts = new Map<string, number>();
  for (const entry of model.byKind[kind]) {
    const match = /^(.*?)(\d+)$/.exec(entry.id);
    if (!match) continue;
    const prefix = match[1] as string;
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    const number = BigInt(match[2] as string);
    if (number > (numbers.get(prefix) ?? 0n)) numbers.set(prefix, number);
  }
  const prefix = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? ID_PREFIXES[kind];
  let next = (numbers.get(prefix) ?? 0n) + 1n;
  while (model.byId.has(`${prefix}${next}`)) next++; // an item of another kind may hold it
  return `${prefix}${next}`;
}
