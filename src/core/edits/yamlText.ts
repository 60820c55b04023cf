// Edits one item of a YAML text in place. The yaml Document API finds the item and its values and renders
// the new ones; only the changed key's text is replaced, and everything else is kept byte for byte, so the
// author's comments, key order, folded lines, blank lines, line ends (each line its own) and byte order mark
// survive (re-printing the whole document would re-fold every long line).
//
// The promise is "only the edited value changes", and every step is checked before it is kept: the text
// outside the replaced span is the same bytes, the file parsed again means the same with the edited path
// set to the new value (every document, every item, every other key of the item), and every comment is
// still there. An edit that cannot keep that promise is refused with a message, never written.
import { Document, isAlias, isMap, isScalar, isSeq, Lexer, CST, parseAllDocuments, parse, Scalar, visit, type Alias, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

export type EditResult = { ok: true; text: string } | { ok: false; message: string };

/** A value written into YAML: text, numbers, a list or a mapping of them (an anchor, a list of paths). */
export type YamlValue = string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

export interface SetOperation {
  /** Keys (and list indexes) from the item down to the value, e.g. ['gates', 1, 'call']. */
  path: readonly (string | number)[];
  /** undefined removes the key. */
  value: YamlValue | undefined;
  /** The keys of the mapping in their usual order: a new key goes after the last one before it present. */
  order?: readonly string[];
}

/** The item's mapping node, and the document it belongs to (aliases resolve within it). */
export interface FoundItem {
  ok: true;
  map: YAMLMap;
  document: Document.Parsed;
}

/** Long prose is written folded (`>-`), at most this wide; code is written literally (`|`). */
const LINE_WIDTH = 100;
const FOLD_AFTER = 80;
/** Keys whose text is code: written as a literal block, never folded. Other long or multi-paragraph text is folded. */
const LITERAL_KEYS = new Set(['text']);
const BOM = '\uFEFF';
/** As the loader: a document that expands more aliases than this is refused (billion laughs). */
const MAX_ALIAS_COUNT = 100;

/** Applies `operations` to the item with `id` in `text`, one after the other; each step is verified. */
export function editItem(text: string, id: string, operations: readonly SetOperation[]): EditResult {
  try {
    return editChecked(text, id, operations);
  } catch (error) {
    // The yaml library throws on what it cannot resolve (an alias count beyond the limit, a broken
    // document): that is a refusal with its reason, never a failed command.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, message: `could not edit "${id}" safely (${reason}); nothing was changed, edit the file by hand` };
  }
}

function editChecked(text: string, id: string, operations: readonly SetOperation[]): EditResult {
  const bom = text.startsWith(BOM) ? BOM : '';
  let current = text.slice(bom.length);
  for (const operation of operations) {
    // Text is written as a block (`>-`, `|`) where it is long; when the lines around would change how that
    // block reads (blanks indented deeper after it), it is written double-quoted instead.
    let step = editStep(current, id, operation, 'block');
    if (step.ok === false && step.retry) step = editStep(current, id, operation, 'quoted');
    if (!step.ok) return { ok: false, message: step.message };
    current = step.text;
  }
  return { ok: true, text: bom + current };
}

type Step = { ok: true; text: string } | { ok: false; message: string; retry?: boolean };

function editStep(current: string, id: string, operation: SetOperation, style: Style): Step {
  // Edits are planned on "\n" line ends; the splice is applied to the text as it is, each line keeping its end.
  const normalized = current.replace(/\r\n/g, '\n');
  const planned = planOperation(normalized, id, operation, style);
  if (!planned.ok) return planned;
  if (!planned.splice) return { ok: true, text: current };
  const splice = toOriginal(current, planned.splice);
  const next = current.slice(0, splice.start) + splice.insert + current.slice(splice.end);
  const problem = verifyStep(current, next, splice, id, operation);
  if (problem === undefined) return { ok: true, text: next };
  return {
    ok: false,
    message: `could not edit "${id}" safely: ${problem}; nothing was changed, edit the file by hand`,
    retry: style === 'block' && /\n/.test(planned.splice.insert.replace(/^\n/, '')),
  };
}

/**
 * Appends `value` to the list at `key` of the item: a line after the last entry of a block list, an entry
 * before the `]` of a flow list, a new list when the key is missing or empty. Verified as every edit is.
 */
export function appendToList(text: string, id: string, key: string, value: string, order?: readonly string[]): EditResult {
  try {
    const bom = text.startsWith(BOM) ? BOM : '';
    const current = text.slice(bom.length);
    const normalized = current.replace(/\r\n/g, '\n');
    const item = findItem(normalized, id);
    if (!item.ok) return item;
    const existing = itemFields(item)[key];
    if (existing === undefined || existing === null) return editItem(text, id, [{ path: [key], value: [value], order }]);
    const node = item.map.get(key, true) as Node | undefined;
    if (isAlias(node)) return { ok: false, message: `"${key}" of ${id} is an alias (*${node.source}); edit it by hand` };
    if (!isSeq(node) || !Array.isArray(existing)) return { ok: false, message: `"${key}" of ${id} is not a list` };
    const planned = planAppend(normalized, node, value);
    if (!planned.ok) return planned;
    const splice = toOriginal(current, planned.splice);
    const next = current.slice(0, splice.start) + splice.insert + current.slice(splice.end);
    const problem = verifyStep(current, next, splice, id, { path: [key], value: [...(existing as YamlValue[]), value] });
    if (problem !== undefined) return { ok: false, message: `could not edit "${id}" safely: ${problem}; nothing was changed, edit the file by hand` };
    return { ok: true, text: bom + next };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, message: `could not edit "${id}" safely (${reason}); nothing was changed, edit the file by hand` };
  }
}

function planAppend(text: string, list: YAMLSeq, value: string): { ok: true; splice: Splice } | { ok: false; message: string } {
  // A one-line value as it can stand in either style; text of several lines is double-quoted.
  const scalar = value.includes('\n') ? JSON.stringify(value) : flowScalar(value);
  const start = list.range?.[0];
  if (start === undefined) return { ok: false, message: 'cannot find the list in the text' };
  const items = list.items as (Node | Pair)[];
  const last = items[items.length - 1];
  if (list.flow) {
    if (last === undefined) {
      const open = text.indexOf('[', start);
      return open === -1 ? { ok: false, message: 'cannot find the [ of the list' } : { ok: true, splice: { start: open + 1, end: open + 1, insert: scalar } };
    }
    const end = (last as Node).range?.[1];
    if (end === undefined) return { ok: false, message: 'the list holds something other than values; edit it by hand' };
    return { ok: true, splice: { start: end, end, insert: `, ${scalar}` } };
  }
  const final = lastNode(last as Node | null);
  const end = trimEnd(text, final?.range?.[1] ?? list.range?.[1] ?? start, start);
  const lineEnd = endOfLine(text, end);
  return { ok: true, splice: { start: lineEnd, end: lineEnd, insert: `\n${' '.repeat(columnOf(text, start))}- ${scalar}` } };
}

/** The item's mapping node in `text` (its ranges count from after a byte order mark), or why it cannot be edited. */
export function findItem(text: string, id: string): FoundItem | { ok: false; message: string } {
  const found: { map: YAMLMap; document: Document.Parsed }[] = [];
  for (const document of parseAllDocuments(text.startsWith(BOM) ? text.slice(BOM.length) : text)) {
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
  return { ok: true, map, document };
}

/** The item's keys and values as the loader reads them, aliases resolved. */
export function itemFields(item: FoundItem): Record<string, unknown> {
  return item.map.toJS(item.document, { maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------
// Planning: which span of the ("\n"-only) text an operation replaces, and with what.

/** Replace `end - start` characters at `start` with `insert` ("\n" line ends). */
interface Splice {
  start: number;
  end: number;
  insert: string;
}

type Planned = { ok: true; splice?: Splice } | { ok: false; message: string };

/** How text values are written: long ones as blocks (`>-`, `|`), or every one double-quoted. */
type Style = 'block' | 'quoted';

interface Context {
  text: string;
  style: Style;
  document: Document.Parsed;
  /** Every comment of the text, in order. */
  comments: readonly Comment[];
}

function planOperation(text: string, id: string, operation: SetOperation, style: Style): Planned {
  const item = findItem(text, id);
  if (!item.ok) return item;
  const context: Context = { text, document: item.document, comments: commentsOf(text), style };
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
    if (isAlias(child)) return { ok: false, message: `"${where}" is an alias (*${child.source}); edit it by hand` };
    if (isSeq(child)) {
      const index = path[depth + 1];
      const element = typeof index === 'number' && depth + 1 < path.length - 1 ? child.items[index] : undefined;
      if (isAlias(element)) return { ok: false, message: `"${path.slice(0, depth + 2).join('.')}" is an alias (*${element.source}); edit it by hand` };
      if (!isMap(element)) return { ok: false, message: `no mapping at "${path.slice(0, depth + 2).join('.')}"` };
      parent = element;
      depth++;
    } else if (isMap(child) && !child.flow) {
      parent = child;
    } else {
      // The mapping is missing, empty, or written in flow style ({ … }): write it out whole, as a block.
      if (value === undefined && (child === undefined || (isScalar(child) && child.value === null))) return { ok: true };
      const existing = child === undefined || (isScalar(child) && child.value === null) ? {}
        : isMap(child) ? (child.toJS(context.document, { maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, YamlValue>) : undefined;
      const rest = path.slice(depth + 1);
      if (existing === undefined || !rest.every((part): part is string => typeof part === 'string')) return { ok: false, message: `"${where}" is not a mapping` };
      return setPair(context, parent, segment, withValue(existing, rest, value), undefined);
    }
  }
  return setPair(context, parent, key, value, operation.order);
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

function setPair(context: Context, map: YAMLMap, key: string, value: YamlValue | undefined, order: readonly string[] | undefined): Planned {
  const { text } = context;
  const pair = map.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key) as Pair<Scalar, Node | null> | undefined;
  if (pair && value !== undefined && JSON.stringify(dataOf(context, pair.value)) === JSON.stringify(value)) {
    // The same value again (a reason kept with Enter): keep its text, and how it was written, untouched.
    return { ok: true };
  }
  if (map.flow) return setFlowPair(context, map, pair, key, value);
  const indent = ' '.repeat(columnOf(text, firstKeyStart(map)));
  if (pair) {
    const start = (pair.key as Scalar).range?.[0];
    if (start === undefined) return { ok: false, message: `cannot find "${key}" in the text` };
    if (/\?\s*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))) return { ok: false, message: `"${key}" is written as an explicit key (? …); edit it by hand` };
    const end = valueEnd(text, pair);
    const shared = anchorUsedOutside(context, start, end, key);
    if (shared) return shared;
    if (value === undefined) return removePair(context, start, end, key);
    return replacePair(context, start, end, renderPair(key, value, indent, context.style));
  }
  if (value === undefined) return { ok: true };
  const after = pairBefore(map, key, order);
  const end = after ? valueEnd(text, after) : trimEnd(text, map.range?.[1] ?? text.length, 0);
  const lineEnd = endOfLine(text, end);
  return { ok: true, splice: { start: lineEnd, end: lineEnd, insert: `\n${indent}${renderPair(key, value, indent, context.style)}` } };
}

/**
 * The key and its value become the new pair. A comment on the key's line (between the key and its value,
 * on a block scalar's header, or after a one-line value) or after the value's last line stays on the
 * key's line; any other comment inside the old value moves above the key, so no comment is lost.
 */
function replacePair(context: Context, start: number, end: number, rendered: string): Planned {
  const { text } = context;
  const lineEnd = endOfLine(text, end);
  const trailing = context.comments.find((comment) => comment.start >= end && comment.start < lineEnd);
  // Blanks after the old value go with it: after a new block they would be its text, after a moved comment part of it.
  const blanksEnd = end + (/^[ \t]*/.exec(text.slice(end, lineEnd))?.[0].length ?? 0);
  let spanEnd = trailing ? trailing.end : blanksEnd === lineEnd ? blanksEnd : end;
  const inside = context.comments.filter((comment) => comment.start >= start && comment.start < spanEnd);
  const keyLineEnd = endOfLine(text, start);
  const onKeyLine = inside.find((comment) => comment.start < keyLineEnd) ?? trailing;
  const [first = '', ...rest] = rendered.split('\n');
  // A comment can end the first line when nothing of the value follows on the next (`key:`, `key: >-`).
  const opens = rest.length === 0 || /:$|: [|>][0-9+-]*$/.test(first);
  const onFirst = opens ? onKeyLine : undefined;
  const above = inside.filter((comment) => comment !== onFirst);
  const kept = onFirst ? `${first}${spaceBefore(text, onFirst.start)}${onFirst.text}` : first;
  const replaced = [kept, ...rest].join('\n');
  // A one-line value with nothing after it keeps the blanks that followed the old one.
  if (!trailing && !onFirst && rest.length === 0) spanEnd = end;
  if (above.length === 0) return { ok: true, splice: { start, end: spanEnd, insert: replaced } };
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = ' '.repeat(start - lineStart);
  const moved = above.map((comment) => `${indent}${comment.text}\n`).join('');
  return { ok: true, splice: { start: lineStart, end: spanEnd, insert: `${moved}${text.slice(lineStart, start)}${replaced}` } };
}

/** The pair's lines go; a comment among them stays, on a line of its own where the pair was. */
function removePair(context: Context, start: number, end: number, key: string): Planned {
  const { text } = context;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return { ok: false, message: `"${key}" does not start its line; remove it by hand` };
  const lineEnd = endOfLine(text, end);
  const spanEnd = Math.min(text.length, lineEnd + 1);
  const indent = ' '.repeat(start - lineStart);
  const kept = context.comments.filter((comment) => comment.start >= start && comment.start < spanEnd).map((comment) => `${indent}${comment.text}`);
  const insert = kept.length === 0 ? '' : `${kept.join('\n')}${spanEnd > lineEnd ? '\n' : ''}`;
  return { ok: true, splice: { start: lineStart, end: spanEnd, insert } };
}

/** A key of a flow mapping (`{ role: Security, call: pending }`, a gate in a list): set in place, on its line. */
function setFlowPair(context: Context, map: YAMLMap, pair: Pair<Scalar, Node | null> | undefined, key: string, value: YamlValue | undefined): Planned {
  const { text } = context;
  if (value === undefined || typeof value === 'object') return { ok: false, message: `"${key}" is in a { … } mapping; edit it by hand` };
  const scalar = flowScalar(value);
  const valueRange = pair?.value?.range;
  if (pair && valueRange) {
    const shared = anchorUsedOutside(context, valueRange[0], valueRange[1], key);
    return shared ?? { ok: true, splice: { start: valueRange[0], end: valueRange[1], insert: scalar } };
  }
  const close = map.range ? text.lastIndexOf('}', map.range[1]) : -1;
  if (close === -1) return { ok: false, message: `cannot find the end of the { … } mapping holding "${key}"` };
  const before = trimEnd(text, close, 0);
  const separator = text[before - 1] === '{' ? ' ' : ', ';
  return { ok: true, splice: { start: before, end: before, insert: `${separator}${key}: ${scalar}` } };
}

/**
 * Refuses to replace or remove a span holding an anchor (`&name`) that an alias (`*name`) outside it
 * uses: the alias would follow the edit, or fall back to an earlier anchor of the same name.
 */
function anchorUsedOutside(context: Context, start: number, end: number, key: string): Planned | undefined {
  let refusal: Planned | undefined;
  visit(context.document, {
    Alias(_, alias: Alias) {
      const at = alias.range?.[0];
      if (at === undefined || (at >= start && at <= end)) return undefined;
      const target = alias.resolve(context.document) as Node | undefined;
      const targetAt = target?.range?.[0];
      if (targetAt === undefined || targetAt < start || targetAt > end) return undefined;
      refusal = {
        ok: false,
        message: `"${key}" carries the anchor &${alias.source}, and *${alias.source} elsewhere in the document repeats it, so the edit would change that value too; `
          + `edit the YAML by hand (write the value out in place of *${alias.source}, or remove the alias) and run the command again`,
      };
      return visit.BREAK;
    },
  });
  return refusal;
}

/** A value as it can stand inside { … }: plain when it reads back the same, else double-quoted. */
function flowScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[^\s,[\]{}#&*!|>'"%@`:?-][^,[\]{}#]*$/.test(value) && !value.includes(': ') && !/\s$/.test(value);
  return plain && parse(value) === value ? value : JSON.stringify(value);
}

function dataOf(context: Context, node: Node | null): unknown {
  return node === null ? null : node.toJS(context.document, { maxAliasCount: MAX_ALIAS_COUNT });
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

/**
 * Where the pair's value ends in the text, on its last line and before that line's end: before any
 * trailing comment or blank lines, except that the kept trailing lines of a `|+` / `>+` block scalar
 * are its value and end it.
 */
function valueEnd(text: string, pair: Pair): number {
  const keyRange = (pair.key as Node | null)?.range;
  const valueRange = (pair.value as Node | null)?.range;
  const start = keyRange?.[0] ?? 0;
  const end = Math.max(keyRange?.[1] ?? start, valueRange?.[1] ?? 0);
  const last = lastNode(pair.value as Node | null);
  if (isScalar(last) && last.range && /^BLOCK/.test(String(last.type)) && keepsTrailingLines(text, last.range[0]) && last.range[1] >= end) {
    return end > start && text[end - 1] === '\n' ? end - 1 : end;
  }
  return trimEnd(text, end, start);
}

/** The node a value's text ends with: itself, or the last value of its last entry, all the way down. */
function lastNode(node: Node | null): Node | null {
  if (isMap(node) && !node.flow) {
    const last = node.items[node.items.length - 1];
    return last ? lastNode((last.value ?? last.key) as Node | null) : node;
  }
  if (isSeq(node) && !node.flow) {
    const last = node.items[node.items.length - 1] as Node | undefined;
    return last ? lastNode(last) : node;
  }
  return node;
}

/** Whether the block scalar whose header starts at `offset` keeps its trailing blank lines (`|+`, `>2+`). */
function keepsTrailingLines(text: string, offset: number): boolean {
  const header = /^[|>]([0-9+-]*)/.exec(text.slice(offset, offset + 4));
  return header?.[1]?.includes('+') ?? false;
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

/** The blanks between a comment and what comes before it on its line (at least one space). */
function spaceBefore(text: string, commentStart: number): string {
  let from = commentStart;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  return text.slice(from, commentStart) || ' ';
}

function firstKeyStart(map: YAMLMap): number {
  const first = map.items[0] as Pair | undefined;
  return (first?.key as Node | null)?.range?.[0] ?? map.range?.[0] ?? 0;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** `key: value` as yaml writes it, with every line after the first indented to sit under `key`. */
export function renderPair(key: string, value: YamlValue, indent: string, style: Style = 'block'): string {
  const document = new Document({ [key]: value });
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.value) || typeof pair.value.value !== 'string') return;
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const content = pair.value.value;
      const long = content.length > FOLD_AFTER || content.includes('\n');
      // A block scalar's trailing newlines depend on the lines after it; a double-quoted one says them itself.
      if (style === 'quoted' || content.endsWith('\n')) {
        if (long) pair.value.type = Scalar.QUOTE_DOUBLE;
      } else if (LITERAL_KEYS.has(name)) {
        pair.value.type = Scalar.BLOCK_LITERAL;
      } else if (long) {
        pair.value.type = Scalar.BLOCK_FOLDED;
      }
    },
  });
  const rendered = document.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40 }).replace(/\n$/, '');
  return rendered.split('\n').map((line, index) => (index === 0 || line === '' ? line : indent + line)).join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Line ends: the splice planned on "\n" text, applied to the text as it is.

/** The splice in the coordinates of `original` (which may hold "\r\n"), its new lines ending like their neighbours. */
function toOriginal(original: string, splice: Splice): Splice {
  const map = (offset: number): number => {
    let mapped = offset;
    for (let at = original.indexOf('\r\n'); at !== -1 && at < mapped; at = original.indexOf('\r\n', at + 2)) mapped++;
    return mapped;
  };
  const start = map(splice.start);
  const end = map(splice.end);
  const ending = lineEndingNear(original, start, end);
  return { start, end, insert: ending === '\n' ? splice.insert : splice.insert.replace(/\n/g, ending) };
}

/** The end of the line the span ends on; at the end of a file without one, the end of the line before. */
function lineEndingNear(text: string, start: number, end: number): string {
  const next = text.indexOf('\n', end);
  if (next !== -1) return text[next - 1] === '\r' ? '\r\n' : '\n';
  const previous = text.lastIndexOf('\n', Math.max(0, start - 1));
  return previous > 0 && text[previous - 1] === '\r' ? '\r\n' : '\n';
}

// ---------------------------------------------------------------------------------------------------
// Verification of one step: bytes outside the span, meaning outside the path, every comment.

function verifyStep(before: string, after: string, splice: Splice, id: string, operation: SetOperation): string | undefined {
  const where = operation.path.join('.');
  const tail = before.length - splice.end;
  if (after.slice(0, splice.start) !== before.slice(0, splice.start) || after.slice(after.length - tail) !== before.slice(splice.end)) {
    return `the edit of "${where}" would change text around it`;
  }
  const old = meaningOf(before);
  const now = meaningOf(after);
  if (now.errors > old.errors) return `the edit of "${where}" would make the YAML invalid`;
  const expected = withPathSet(old.documents, id, operation);
  if (expected === undefined) return `"${id}" is not a single item of its document`;
  const difference = firstDifference(expected, now.documents, []);
  if (difference !== undefined) {
    const { owner, inside } = locate(old.documents, difference);
    const own = owner === id && operation.path.every((segment, index) => inside[index] === segment);
    return own ? `the edit of "${where}" would not read back as written` : `the edit of "${where}" would also change ${describe(owner, inside, difference)}`;
  }
  const lost = missingComments(commentsOf(before), commentsOf(after));
  if (lost !== undefined) return `the edit of "${where}" would lose the comment "${lost}"`;
  return undefined;
}

interface Meaning {
  /** Each document's data, aliases resolved; undefined for one that cannot be read. */
  documents: unknown[];
  errors: number;
}

function meaningOf(text: string): Meaning {
  const documents: unknown[] = [];
  let errors = 0;
  for (const document of parseAllDocuments(text)) {
    errors += document.errors.length;
    documents.push(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  }
  return { documents, errors };
}

/** The documents' data with the operation's path of item `id` set (or removed); undefined if the item is not found once. */
function withPathSet(documents: readonly unknown[], id: string, operation: SetOperation): unknown[] | undefined {
  const copy = structuredClone(documents as unknown[]);
  const items: Record<string, unknown>[] = [];
  for (const data of copy) {
    for (const entry of Array.isArray(data) ? data : [data]) {
      if (isRecord(entry) && entry.id === id) items.push(entry);
    }
  }
  if (items.length !== 1) return undefined;
  let at: Record<string | number, unknown> = items[0] as Record<string, unknown>;
  const { path, value } = operation;
  for (let depth = 0; depth < path.length - 1; depth++) {
    const segment = path[depth] as string | number;
    const child = at[segment];
    if (!isRecord(child) && value === undefined) return copy;
    if (!isRecord(child)) at[segment] = {};
    at = at[segment] as Record<string | number, unknown>;
  }
  const key = path[path.length - 1] as string | number;
  if (value === undefined) delete at[key];
  else at[key] = JSON.parse(JSON.stringify(value)) as unknown;
  return copy;
}

/** The path (document index first) of the first difference between two data trees, if any. */
function firstDifference(a: unknown, b: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return path;
    for (let index = 0; index < a.length; index++) {
      const found = firstDifference(a[index], b[index], [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (isRecord(a) && isRecord(b) && !Array.isArray(a) && !Array.isArray(b) && Object.getPrototypeOf(a) === Object.getPrototypeOf(b)) {
    if (a instanceof Map || a instanceof Set || b instanceof Map || b instanceof Set) return path;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!(key in a) || !(key in b)) return [...path, key];
      const found = firstDifference(a[key], b[key], [...path, key]);
      if (found) return found;
    }
    return undefined;
  }
  return path;
}

/** The item a difference is in (by id), and the path inside it. */
function locate(documents: readonly unknown[], difference: readonly (string | number)[]): { owner: string | undefined; inside: (string | number)[] } {
  const data = documents[difference[0] as number];
  const list = Array.isArray(data);
  const item = list ? (typeof difference[1] === 'number' ? data[difference[1]] : undefined) : data;
  const owner = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
  return { owner, inside: difference.slice(list ? 2 : 1) };
}

function describe(owner: string | undefined, inside: readonly (string | number)[], difference: readonly (string | number)[]): string {
  if (owner && inside.length > 0) return `"${inside.join('.')}" of ${owner}`;
  if (owner) return owner;
  return `document ${(difference[0] as number) + 1}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// ---------------------------------------------------------------------------------------------------
// Comments, found by the YAML lexer (a `#` inside a quoted or block scalar is not one).

interface Comment {
  /** Offset of the `#`. */
  start: number;
  end: number;
  /** From `#` to the end of its line, as written. */
  text: string;
}

/** Every comment of a YAML text, in order. */
function commentsOf(text: string): Comment[] {
  const comments: Comment[] = [];
  let offset = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    // The lexer's markers for "a document starts", "a flow ended early" and "a scalar comes next" take no room.
    if (token === '\x02' || token === '\x18') continue;
    if (token === '\x1f') {
      scalarNext = true;
      continue;
    }
    if (!scalarNext && CST.tokenType(token) === 'comment') comments.push({ start: offset, end: offset + token.length, text: token });
    scalarNext = false;
    offset += token.length;
  }
  return comments;
}

/** A comment of `before` that `after` no longer has (each counted as often as it appears), if any. */
function missingComments(before: readonly Comment[], after: readonly Comment[]): string | undefined {
  const counts = new Map<string, number>();
  for (const comment of after) counts.set(comment.text, (counts.get(comment.text) ?? 0) + 1);
  for (const comment of before) {
    const left = counts.get(comment.text) ?? 0;
    if (left === 0) return comment.text.trimEnd();
    counts.set(comment.text, left - 1);
  }
  return undefined;
}
