// The fast read of a file (src/core/fastLoad.ts) must give exactly what the full read gives: the same items
// (kind, id, value, file, range, problems), the same problems and unkept ids, and the same position for
// every path of every item. This compares the two on one text, and says whether the fast read answered.
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_MAX_FILE_BYTES, parseAlignmentFile, type FileParse, type YamlPath } from '../../src/core';
import { readFast } from '../../src/core/fastLoad';
import { LineStarts } from '../../src/core/textPositions';

export interface FastPathComparison {
  /** The fast read answered for this text (else the file was read in full both times). */
  readonly accepted: boolean;
  /** The first difference between the two reads, if any. */
  readonly difference?: string;
}

export function compareFastPath(file: string, text: string): FastPathComparison {
  const full = parseAlignmentFile(file, text, { fastPath: false });
  const loaded = parseAlignmentFile(file, text);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The loader refuses files over the size limit before the fast read is tried. Lines are counted once,
  // as the loader does: counting them for every located path makes a 12,000-item file take minutes.
  let lines: LineStarts | undefined;
  const direct = Buffer.byteLength(text, 'utf8') > DEFAULT_MAX_FILE_BYTES ? undefined
    : readFast(file, source, () => (lines ??= new LineStarts(source)), () => parseAlignmentFile(file, text, { fastPath: false }));
  const difference = parseDifference(loaded, full) ?? (direct ? parseDifference(direct, full) : undefined);
  return difference === undefined ? { accepted: direct !== undefined } : { accepted: direct !== undefined, difference };
}

function parseDifference(fast: FileParse, full: FileParse): string | undefined {
  if (!isDeepStrictEqual(Object.keys(fast).sort(), Object.keys(full).sort())) return `fields ${Object.keys(fast)} != ${Object.keys(full)}`;
  if (fast.file !== full.file) return `file ${fast.file} != ${full.file}`;
  if (!isDeepStrictEqual(fast.problems, full.problems)) return `problems ${JSON.stringify(fast.problems)} != ${JSON.stringify(full.problems)}`;
  if (!isDeepStrictEqual(fast.unkeptIds, full.unkeptIds)) return `unkeptIds ${JSON.stringify(fast.unkeptIds)} != ${JSON.stringify(full.unkeptIds)}`;
  if (fast.items.length !== full.items.length) return `${fast.items.length} items != ${full.items.length}`;
  for (let index = 0; index < full.items.length; index++) {
    const a = fast.items[index];
    const b = full.items[index];
    if (!a || !b) return `item ${index} missing`;
    for (const key of ['kind', 'id', 'item', 'file', 'range', 'problems'] as const) {
      if (!isDeepStrictEqual(a[key], b[key])) return `item ${index} ${key}: ${JSON.stringify(a[key])} != ${JSON.stringify(b[key])}`;
    }
    for (const path of [...pathsIn(b.item), ['no-such-key'], ['gates', 99], ['id', 0], ['paths', 0, 'x']]) {
      const at = a.locate(path);
      const expected = b.locate(path);
      if (!isDeepStrictEqual(at, expected)) return `item ${index} locate(${JSON.stringify(path)}): ${JSON.stringify(at)} != ${JSON.stringify(expected)}`;
    }
  }
  return undefined;
}

/** Every path in a value: [], then each key or index, depth first. */
export function pathsIn(value: unknown, prefix: YamlPath = []): YamlPath[] {
  const paths: YamlPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((entry, index) => paths.push(...pathsIn(entry, [...prefix, index])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) paths.push(...pathsIn(entry, [...prefix, key]));
  }
  return paths;
}
