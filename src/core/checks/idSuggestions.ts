// "did you mean …?" for an id no item has: the closest id of a kind the field accepts. Bounded, because a
// folder where thousands of references dangle (the features file deleted, or not read yet) asked every
// unknown id against every id: 8,000 references against 8,000 ids froze a rebuild for 45 s.
import type { LoadedItem } from '../load';
import type { Kind } from '../schemas';
import { closestWord } from '../words';

/**
 * Up to this many ids of the accepted kinds, every one is a candidate (in the model's order). Past it, the
 * candidates are the ids nearest the unknown one in alphabetical order, and nearest read backwards (a typo
 * near the end keeps the start, one near the start keeps the end): WINDOW on each side of each.
 */
export const ALL_CANDIDATES_UP_TO = 200;
const WINDOW = 25;

interface Candidates {
  /** The ids in the model's order. */
  readonly ids: readonly string[];
  /** Lower-cased, sorted; and lower-cased read backwards, sorted (with the id each stands for). */
  readonly forwards?: readonly (readonly [string, string])[];
  readonly backwards?: readonly (readonly [string, string])[];
}

export class IdSuggestions {
  private readonly candidates = new Map<string, Candidates>();
  private readonly answers = new Map<string, string | undefined>();

  constructor(private readonly byId: ReadonlyMap<string, LoadedItem>) {}

  /** The closest id among the items of `kinds`, or undefined: the same for the same id, kinds and items, whatever was asked before. */
  closest(id: string, kinds: readonly Kind[]): string | undefined {
    const key = `${kinds.join(',')}\u0000${id}`;
    if (this.answers.has(key)) return this.answers.get(key);
    const { ids, forwards, backwards } = this.candidatesOf(kinds);
    const lower = id.toLowerCase();
    const tried = forwards && backwards ? [...near(forwards, lower), ...near(backwards, reversed(lower))] : ids;
    const answer = closestWord(id, tried);
    this.answers.set(key, answer);
    return answer;
  }

  private candidatesOf(kinds: readonly Kind[]): Candidates {
    const key = kinds.join(',');
    let found = this.candidates.get(key);
    if (!found) {
      const ids: string[] = [];
      for (const entry of this.byId.values()) if (kinds.includes(entry.kind)) ids.push(entry.id);
      const sorted = (read: (id: string) => string): [string, string][] => ids.map((each): [string, string] => [read(each.toLowerCase()), each]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      found = ids.length <= ALL_CANDIDATES_UP_TO ? { ids } : { ids, forwards: sorted((each) => each), backwards: sorted(reversed) };
      this.candidates.set(key, found);
    }
    return found;
  }
}

/** The ids of the WINDOW entries on each side of where `text` would sort. */
function near(sorted: readonly (readonly [string, string])[], text: string): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as readonly [string, string])[0] < text) low = middle + 1;
    else high = middle;
  }
  return sorted.slice(Math.max(0, low - WINDOW), low + WINDOW).map(([, id]) => id);
}

function reversed(text: string): string {
  return [...text].reverse().join('');
}
