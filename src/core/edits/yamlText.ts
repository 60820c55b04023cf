// Edits one item of a YAML text in place. The yaml Document API finds the item and its values and renders
// the new ones; only the changed key's text is replaced, and everything else is kept byte for byte, so the
// author's comments, key order, folded lines and blank lines survive (re-printing the whole document
// would re-fold every long line). Every edit is checked by parsing the result again.
import { Document, isMap, isScalar, isSeq, parse, parseAllDocuments, Scalar, visit, type Node, type Pair, type YAMLMap } from 'yaml';

export type EditResult = { ok: true; text: string } | { ok: false; message: string };

/** A value written into YAML: text, numbers, or a mapping of them (an anchor). */
export type YamlValue = string | number | boolean | { readonly [key: string]: YamlValue | undefined };

export interface SetOperation {
  /** Keys (and list indexes) from the item down to the value, e.g. ['gates', 1, 'call']. */
  path: readonly (string | number)[];
  /** undefined removes the key. */
  value: YamlValue | undefined;
  /** The keys of the mapping in their usual order: a new key goes after the last one before it present. */
  order?: readonly string[];
}

/** Long prose is written folded (`>-`), at most this wide; code is written literally (`|`). */
const LINE_WIDTH = 100;
const FOLD_AFTER = 80;
/** Keys whose text is code: written as a literal block, never folded. Other long or multi-paragraph text is folded. */
const LITERAL_KEYS = new Set(['text']);
const BOM = '\uFEFF';

/** Applies `operations` to the item with `id` in `text`, one after the other. */
export function editItem(text: string, id: string, operations: readonly SetOperation[]): EditResult {
  const bom = text.startsWith(BOM) ? BOM : '';
  // Edit with "\n" line ends and give the file back the ones it had.
  const crlf = text.includes('\r\n');
  let current = (bom ? text.slice(1) : text).replace(/\r\n/g, '\n');
  const before = snapshotOthers(current, id);
  for (const operation of operations) {
    const result = applyOperation(current, id, operation);
    if (!result.ok) return result;
    current = result.text;
  }
  const check = verify(current, id, operations, before);
  return check ?? { ok: true, text: bom + (crlf ? current.replace(/\n/g, '\r\n') : current) };
}

/** The item's mapping node in `text`, or why it cannot be edited. */
export function findItem(text: string, id: string): { ok: true; map: YAMLMap } | { ok: false; message: string } {
  const found: { map: YAMLMap; document: Document.Parsed }[] = [];
  for (const document of parseAllDocuments(text)) {
    const contents = document.contents as Node | null;
    const candidates = isSeq(contents) ? contents.items : [contents];
    for (const candidate of candidates) {
      if (isMap(candidate) && candidate.get('id') === id) found.push({ map: candidate, document });
    }
  }
  if (found.length === 0) return { ok: false, message: `no item with id "${id}" in this file` };
  if (found.length > 1) return { ok: false, message: `id "${id}" appears ${found.length} times in this file; make it unique first` };
  const [{ map, document }] = found as [{ map: YAMLMap; document: Document.Parsed }];
  if (document.errors.length > 0) return { ok: false, message: `the YAML around "${id}" has syntax errors; fix them first` };
  if (map.flow) return { ok: false, message: `"${id}" is written in flow style ({ … }); edit it by hand` };
  return { ok: true, map };
}

function applyOperation(text: string, id: string, operation: SetOperation): EditResult {
  const item = findItem(text, id);
  if (!item.ok) return item;
  const { path, value } = operation;
  const key = path[path.length - 1];
  if (typeof key !== 'string') return { ok: false, message: `cannot set a list element directly (${path.join('.')})` };
  // Walk down to the mapping that holds (or will hold) the key.
  let parent: YAMLMap = item.map;
  for (let depth = 0; depth < path.length - 1; depth++) {
    const segment = path[depth];
    const where = path.slice(0, depth + 1).join('.');
    if (typeof segment !== 'string') return { ok: false, message: `"${where}" is not a list` };
    const child = parent.get(segment, true) as Node | undefined;
    if (isSeq(child)) {
      const index = path[depth + 1];
      const element = typeof index === 'number' && depth + 1 < path.length - 1 ? child.items[index] : undefined;
      if (!isMap(element)) return { ok: false, message: `no mapping at "${path.slice(0, depth + 2).join('.')}"` };
      parent = element;
      depth++;
    } else if (isMap(child) && !child.flow) {
      parent = child;
    } else {
      // The mapping is missing, or written in flow style ({ … }): write it out whole, as a block.
      const existing = child === undefined ? {} : isMap(child) ? (child.toJSON() as Record<string, YamlValue>) : undefined;
      const rest = path.slice(depth + 1);
      if (existing === undefined || !rest.every((part): part is string => typeof part === 'string')) return { ok: false, message: `"${where}" is not a mapping` };
      return setPair(text, parent, segment, withValue(existing, rest, value), undefined);
    }
  }
  return setPair(text, parent, key, value, operation.order);
}

/** `object` with the value at `path` set (or removed when undefined). */
function withValue(object: Record<string, YamlValue>, path: readonly string[], value: YamlValue | undefined): Record<string, YamlValue> {
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, YamlValue> = { ...object };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    const child = copy[head];
    copy[head] = withValue(typeof child === 'object' && child !== null ? (child as Record<string, YamlValue>) : {}, rest, value);
  }
  return copy;
}

function setPair(text: string, map: YAMLMap, key: string, value: YamlValue | undefined, order: readonly string[] | undefined): EditResult {
  const pair = map.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key) as Pair<Scalar, Node | null> | undefined;
  if (pair && value !== undefined && JSON.stringify(toData(pair.value)) === JSON.stringify(value)) {
    // The same value again (a reason kept with Enter): keep its text, and how it was written, untouched.
    return { ok: true, text };
  }
  if (map.flow) return setFlowPair(text, map, pair, key, value);
  const indent = ' '.repeat(columnOf(text, firstKeyStart(map)));
  if (pair) {
    const start = (pair.key as Scalar).range?.[0];
    if (start === undefined) return { ok: false, message: `cannot find "${key}" in the text` };
    const end = valueEnd(text, pair);
    if (value === undefined) return removeLines(text, start, end, key);
    const rendered = renderPair(key, value, indent);
    if (!rendered.includes('\n')) return { ok: true, text: text.slice(0, start) + rendered + text.slice(end) };
    // A comment after the old value, or on a block scalar's header, would otherwise end up inside (or
    // after) the new block: it moves to the key's line, where it still reads as a comment on the key.
    const lineEnd = endOfLine(text, end);
    const after = text.slice(end, lineEnd);
    const sameLine = after.trim().startsWith('#') ? after : '';
    const header = isScalar(pair.value) && pair.value.comment && /^BLOCK/.test(String(pair.value.type)) ? ` #${pair.value.comment}` : '';
    const [first, ...rest] = rendered.split('\n');
    const moved = [`${first}${header}${sameLine}`, ...rest].join('\n');
    return { ok: true, text: text.slice(0, start) + moved + text.slice(sameLine ? lineEnd : end) };
  }
  if (value === undefined) return { ok: true, text };
  const after = pairBefore(map, key, order);
  const end = after ? valueEnd(text, after) : trimEnd(text, map.range?.[1] ?? text.length, 0);
  const lineEnd = endOfLine(text, end);
  return { ok: true, text: `${text.slice(0, lineEnd)}\n${indent}${renderPair(key, value, indent)}${text.slice(lineEnd)}` };
}

/** A key of a flow mapping (`{ role: Security, call: pending }`, a gate in a list): set in place, on its line. */
function setFlowPair(text: string, map: YAMLMap, pair: Pair<Scalar, Node | null> | undefined, key: string, value: YamlValue | undefined): EditResult {
  if (value === undefined || typeof value === 'object') return { ok: false, message: `"${key}" is in a { … } mapping; edit it by hand` };
  const scalar = flowScalar(value);
  const valueRange = pair?.value?.range;
  if (pair && valueRange) return { ok: true, text: text.slice(0, valueRange[0]) + scalar + text.slice(valueRange[1]) };
  const close = map.range ? text.lastIndexOf('}', map.range[1]) : -1;
  if (close === -1) return { ok: false, message: `cannot find the end of the { … } mapping holding "${key}"` };
  const before = trimEnd(text, close, 0);
  const separator = text[before - 1] === '{' ? ' ' : ', ';
  return { ok: true, text: `${text.slice(0, before)}${separator}${key}: ${scalar}${text.slice(before)}` };
}

/** A value as it can stand inside { … }: plain when it reads back the same, else double-quoted. */
function flowScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[^\s,[\]{}#&*!|>'"%@`:?-][^,[\]{}#]*$/.test(value) && !value.includes(': ') && !/\s$/.test(value);
  return plain && parse(value) === value ? value : JSON.stringify(value);
}

function toData(node: Node | null): unknown {
  return node && typeof (node as { toJSON?: unknown }).toJSON === 'function' ? (node as { toJSON(): unknown }).toJSON() : node;
}

/** The pair after which a new `key` goes: the last present key that comes before it in `order`, else the last pair. */
function pairBefore(map: YAMLMap, key: string, order: readonly string[] | undefined): Pair | undefined {
  const pairs = map.items as Pair[];
  const keyOf = (pair: Pair): unknown => (isScalar(pair.key) ? pair.key.value : undefined);
  const position = order?.indexOf(key) ?? -1;
  if (position > 0) {
    const earlier = new Set(order?.slice(0, position));
    const candidates = pairs.filter((pair) => earlier.has(keyOf(pair) as string));
    if (candidates.length > 0) return candidates[candidates.length - 1];
  }
  return pairs[pairs.length - 1];
}

function removeLines(text: string, start: number, end: number, key: string): EditResult {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return { ok: false, message: `"${key}" does not start its line; remove it by hand` };
  const lineEnd = endOfLine(text, end);
  return { ok: true, text: text.slice(0, lineStart) + text.slice(Math.min(text.length, lineEnd + 1)) };
}

/** Where the pair's value ends in the text, before any trailing comment, blank lines or newline. */
function valueEnd(text: string, pair: Pair): number {
  const keyRange = (pair.key as Node | null)?.range;
  const valueRange = (pair.value as Node | null)?.range;
  const start = keyRange?.[0] ?? 0;
  const end = Math.max(keyRange?.[1] ?? start, valueRange?.[1] ?? 0);
  return trimEnd(text, end, start);
}

function trimEnd(text: string, end: number, floor: number): number {
  let trimmed = Math.min(end, text.length);
  while (trimmed > floor && /\s/.test(text[trimmed - 1] as string)) trimmed--;
  return trimmed;
}

function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

function firstKeyStart(map: YAMLMap): number {
  const first = map.items[0] as Pair | undefined;
  return (first?.key as Node | null)?.range?.[0] ?? map.range?.[0] ?? 0;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** `key: value` as yaml writes it, with every line after the first indented to sit under `key`. */
export function renderPair(key: string, value: YamlValue, indent: string): string {
  const document = new Document({ [key]: value });
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.value) || typeof pair.value.value !== 'string') return;
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const content = pair.value.value;
      if (LITERAL_KEYS.has(name)) pair.value.type = Scalar.BLOCK_LITERAL;
      else if (content.length > FOLD_AFTER || content.includes('\n')) pair.value.type = Scalar.BLOCK_FOLDED;
    },
  });
  const rendered = document.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40 }).replace(/\n$/, '');
  return rendered.split('\n').map((line, index) => (index === 0 || line === '' ? line : indent + line)).join('\n');
}

/** Every other item's data, to prove an edit touched nothing else. */
function snapshotOthers(text: string, id: string): string {
  const others: unknown[] = [];
  for (const document of parseAllDocuments(text)) {
    const data: unknown = document.errors.length > 0 ? null : document.toJS();
    const list = Array.isArray(data) ? data : [data];
    for (const entry of list) if (!(entry && typeof entry === 'object' && (entry as { id?: unknown }).id === id)) others.push(entry);
  }
  return JSON.stringify(others);
}

function verify(text: string, id: string, operations: readonly SetOperation[], othersBefore: string): EditResult | undefined {
  const item = findItem(text, id);
  const failed: EditResult = { ok: false, message: `could not edit "${id}" safely; edit the file by hand` };
  if (!item.ok) return failed;
  if (snapshotOthers(text, id) !== othersBefore) return failed;
  const data = item.map.toJSON() as unknown;
  for (const { path, value } of operations) {
    let at: unknown = data;
    for (const segment of path) at = at && typeof at === 'object' ? (at as Record<string | number, unknown>)[segment] : undefined;
    if (JSON.stringify(at) !== JSON.stringify(value === undefined ? undefined : stripUndefined(value))) return failed;
  }
  return undefined;
}

function stripUndefined(value: YamlValue): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
