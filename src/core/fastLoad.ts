// The fast way to read an `.alignment/` file with nothing wrong in it: js-yaml for the values (about ten
// times quicker than the `yaml` library's composer) and a line scan for each item's range. It answers only
// when it is sure to give what the full read would: the text keeps to the simple shapes both parsers read
// alike (simpleLayout.ts), js-yaml reads it without complaint, and every item is valid as written. Anything
// else (a problem to report, an odd construct) returns undefined, and the file is read in full: problems
// always come from the full read, with their exact positions. Positions inside an item (`locate`) are
// asked rarely, and found then (fastItemPositions.ts).
import { loadAll } from 'js-yaml';
import { fastItemLocator } from './fastItemPositions';
import type { FileParse, LoadedItem, YamlPath } from './load';
import type { SourceRange } from './problems';
import { salvage } from './salvage';
import { isKind, type ItemOfKind, type Kind } from './schemas';
import { mayHoldCutText, mayHoldForbiddenKey } from './textHints';
import { scanSimpleLayout, type ItemSpan } from './simpleLayout';
import type { LineStarts } from './textPositions';
import { YAML_CORE_SCHEMA } from './yamlCoreTypes';

/**
 * The file read fast, or undefined when it must be read in full. `readInFull` is that full read of the
 * same text, for a `locate` the item's own parse cannot answer; `linesOf` counts the text's lines, asked
 * only by `locate` (the scan counts lines for the items' ranges itself).
 */
export function readFast(file: string, source: string, linesOf: () => LineStarts, readInFull: () => FileParse): FileParse | undefined {
  // Problems the fast read does not look for: the full read walks for them.
  if (mayHoldForbiddenKey(source) || mayHoldCutText(source)) return undefined;
  const layout = scanSimpleLayout(source);
  if (layout === undefined) return undefined;
  let values: unknown[];
  try {
    values = loadAll(source, null, { schema: YAML_CORE_SCHEMA, onWarning: (warning) => { throw warning; } });
  } catch {
    return undefined;
  }
  const documents = values.filter((value) => value !== null && value !== undefined);
  if (documents.length !== layout.length) return undefined;
  const items: LoadedItem[] = [];
  let full: FileParse | undefined;
  const locateInFull = (index: number, path: YamlPath): SourceRange | undefined => (full ??= readInFull()).items[index]?.locate(path);
  for (let index = 0; index < layout.length; index++) {
    const { shape, items: spans } = layout[index] as (typeof layout)[number];
    const value = documents[index];
    const written = shape === 'list' ? value : [value];
    if (!Array.isArray(written) || written.length !== spans.length) return undefined;
    for (let at = 0; at < spans.length; at++) {
      const item = validItem(written[at]);
      if (item === undefined) return undefined;
      const position = items.length;
      const span = spans[at] as ItemSpan;
      const locate = fastItemLocator(source, linesOf, span, (path) => locateInFull(position, path));
      items.push({ ...item, file, range: span.range, problems: [], locate });
    }
  }
  return items.length > 0 ? { file, items, problems: [] } : undefined;
}

/** The item as the full read keeps it when it has no problem (`x-` keys left out); undefined otherwise. */
function validItem(value: unknown): { kind: Kind; id: string; item: ItemOfKind[Kind] } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  // js-yaml made this object for this read alone: no copy is needed to leave out the `x-` keys.
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    if (key.startsWith('x-')) delete fields[key];
  }
  const kind = fields.kind;
  if (!isKind(kind)) return undefined;
  const salvaged = salvage(kind, fields);
  if (salvaged.issues.length > 0 || salvaged.data === undefined) return undefined;
  const item = salvaged.data as ItemOfKind[Kind];
  return { kind, id: item.id, item };
}
