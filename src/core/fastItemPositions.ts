// Positions inside an item that was read fast (fastLoad.ts), asked rarely: a jump, or a problem a check of
// the model reports at one value. Each top-level key's lines are parsed alone by the `yaml` library, at
// their columns and offsets (`- ` before the first key becomes spaces), so the positions are those of the
// full read, at a fraction of its cost: a key on one line parses in microseconds, a whole file in
// milliseconds.
import { Composer, isMap, isScalar, Parser } from 'yaml';
import type { SourceRange } from './problems';
import type { ItemSpan } from './simpleLayout';
import type { LineStarts } from './textPositions';
import { valueLocator, type ValuePath } from './valueOffsets';

type Locate = (path: ValuePath) => SourceRange | undefined;

/** A key at the start of a line, as simpleLayout.ts reads keys. */
const KEY_AT_START = /^[A-Za-z_][A-Za-z0-9_.-]*(?=:(?: |\r?$))/;

/**
 * `locate` for the item written at `span`; `inFull` answers from the full read of the file when the parse
 * of a key's lines alone is not a clean one-key mapping (not seen in tests; it keeps positions exact).
 */
export function fastItemLocator(source: string, linesOf: () => LineStarts, span: ItemSpan, inFull: Locate): Locate {
  // Made on the first call: most items are never located, and a load makes one locator per item.
  let regions: Map<string, { start: number; end: number }> | undefined;
  let locators: Map<string, Locate> | undefined;
  return (path) => {
    if (path.length === 0) return span.range;
    const key = String(path[0]);
    regions ??= keyRegions(source, span);
    const region = regions.get(key);
    if (region === undefined) return undefined;
    locators ??= new Map();
    let locate = locators.get(key);
    if (!locate) locators.set(key, (locate = keyLocator(source, linesOf(), span, region, key) ?? inFull));
    return locate(path);
  };
}

/** Where each top-level key's lines are: from its line to the next key at the item's column. */
function keyRegions(source: string, span: ItemSpan): Map<string, { start: number; end: number }> {
  const column = span.start - span.lineStart;
  const starts: { key: string; start: number }[] = [];
  for (let lineStart = span.lineStart; lineStart < span.end;) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > span.end ? span.end : newline;
    const at = lineStart === span.lineStart ? span.start : lineStart + column;
    if (lineStart === span.lineStart || (source.slice(lineStart, at).trim() === '' && source.charCodeAt(at) !== 0x20)) {
      const key = KEY_AT_START.exec(source.slice(at, lineEnd))?.[0];
      if (key !== undefined) starts.push({ key, start: lineStart });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  // A key's lines end where the next key starts, after its indentation: after a comment, the `yaml`
  // library ends a nested list or mapping there (its range takes in the next line's indentation).
  const regions = new Map<string, { start: number; end: number }>();
  starts.forEach(({ key, start }, index) => {
    const next = starts[index + 1];
    regions.set(key, { start, end: next === undefined ? span.end : next.start + column });
  });
  return regions;
}

function keyLocator(source: string, lines: LineStarts, span: ItemSpan, region: { start: number; end: number }, key: string): Locate | undefined {
  const text = region.start === span.lineStart
    ? ' '.repeat(span.start - span.lineStart) + source.slice(span.start, region.end)
    : source.slice(region.start, region.end);
  const documents = [...new Composer().compose(new Parser().parse(text), true, text.length)];
  const document = documents[0];
  if (documents.length !== 1 || !document || document.errors.length > 0 || document.warnings.length > 0) return undefined;
  const map = document.contents;
  if (!isMap(map) || map.items.length !== 1 || !isScalar(map.items[0]?.key) || String(map.items[0].key.value) !== key) return undefined;
  return valueLocator(text, lines, map, region.start);
}
