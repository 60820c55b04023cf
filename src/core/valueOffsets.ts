// Where each value of an item is written, for `locate(path)`.
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { SourceRange } from './problems';
import type { LineStarts } from './textPositions';

export type ValuePath = readonly (string | number)[];

/**
 * Where each value of the item is, kept as plain offsets: holding on to the YAML nodes instead would keep
 * every file's whole syntax tree alive, which costs more in garbage collection than the parse itself.
 * `text` is what `map` was parsed from, and `base` where that text starts in the file `lines` counts.
 */
export function valueLocator(text: string, lines: LineStarts, map: YAMLMap, base = 0): (path: ValuePath) => SourceRange | undefined {
  const offsets = new Map<string, number>();
  const record = (node: unknown, key: string): void => {
    if (!node || typeof node !== 'object' || !('range' in node)) return;
    const range = (node as Node).range;
    if (range) {
      offsets.set(key, base + range[0]);
      offsets.set(`${key}\u0001`, base + withoutTrailingNewlines(text, range[0], range[1]));
    }
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) record(pair.value, `${key}\u0000${String(pair.key.value)}`);
    } else if (isSeq(node)) {
      node.items.forEach((child, index) => record(child, `${key}\u0000${index}`));
    }
  };
  record(map, '');
  return (path) => {
    const key = path.length === 0 ? '' : `\u0000${path.join('\u0000')}`;
    const start = offsets.get(key);
    const end = offsets.get(`${key}\u0001`);
    return start === undefined || end === undefined ? undefined : lines.range(start, end);
  };
}

/** `end`, moved back over the line ends just before it (a node's range takes in the line end after it). */
export function withoutTrailingNewlines(text: string, start: number, end: number): number {
  let trimmed = Math.max(start, end);
  while (trimmed > start && (text[trimmed - 1] === '\n' || text[trimmed - 1] === '\r')) trimmed--;
  return trimmed;
}
