// Reads one `.alignment/` file's text into items with their source positions, and problems.
// Nothing here throws on bad input: each defect becomes a Problem at the offending node, and every
// item that can be salvaged is kept, so one typo never hides the rest of the folder.
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { LineStarts } from './textPositions';
import { problem, START_OF_FILE, type Problem, type SourceRange } from './problems';
import { isKind, SCHEMAS, type ItemOfKind, type Kind } from './schemas';
import { closestWord } from './words';

export type YamlPath = readonly (string | number)[];

export interface LoadedItem<K extends Kind = Kind> {
  readonly kind: K;
  readonly id: string;
  readonly item: ItemOfKind[K];
  /** Repository-relative path of the YAML file. */
  readonly file: string;
  /** The whole item node. */
  readonly range: SourceRange;
  /** The range of the value at `path` inside the item (e.g. ['gates', 0, 'call']), if present. */
  locate(path: YamlPath): SourceRange | undefined;
}

export interface FileParse {
  readonly file: string;
  readonly items: readonly LoadedItem[];
  readonly problems: readonly Problem[];
}

export interface LoadOptions {
  /** Larger files are refused with `file-too-large` (a generated or binary file, not hand-written truth). */
  maxFileBytes?: number;
  /** Alias expansions allowed per document; a billion-laughs document is refused with `too-many-aliases`. */
  maxAliasCount?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
const DEFAULT_MAX_ALIAS_COUNT = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const SALVAGE_ROUNDS = 3;

export function parseAlignmentFile(file: string, text: string, options: LoadOptions = {}): FileParse {
  const problems: Problem[] = [];
  const items: LoadedItem[] = [];
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (utf8Length(text, maxBytes) > maxBytes) {
    problems.push(problem(file, START_OF_FILE, 'file-too-large', `file is larger than ${Math.round(maxBytes / 1024)} KiB; split it into several files`));
    return { file, items, problems };
  }
  if (text.includes('\u0000')) {
    problems.push(problem(file, START_OF_FILE, 'binary-file', 'file holds binary data, not YAML text; move it out of .alignment/'));
    return { file, items, problems };
  }
  // The editor does not count a byte order mark as a column; neither do we.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineStarts(source);
  const context: FileContext = { file, text: source, lines, problems, items, mayHaveForbiddenKeys: /__proto__|constructor|prototype/.test(source) };

  const documents = parseAllDocuments(source, { uniqueKeys: true });
  let anyContent = false;
  for (const document of documents) {
    const errorRanges: [number, number][] = [];
    for (const error of document.errors) {
      errorRanges.push(error.pos);
      problems.push(problem(file, lines.range(error.pos[0], error.pos[1]), 'yaml-syntax', firstLine(error.message)));
    }
    for (const warning of document.warnings) {
      problems.push(problem(file, lines.range(warning.pos[0], warning.pos[1]), 'yaml-syntax', firstLine(warning.message)));
    }
    if (isEmptyDocument(document)) continue;
    anyContent = true;
    readDocument(context, document, errorRanges, options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT);
  }
  if (!anyContent && problems.length === 0) {
    problems.push(problem(file, START_OF_FILE, 'empty-file', 'file holds no items; add one (see `Truthline: Initialize`) or delete it'));
  }
  return { file, items, problems };
}

interface FileContext {
  file: string;
  text: string;
  /** Only files whose text mentions a forbidden key are walked for them. */
  mayHaveForbiddenKeys: boolean;
  lines: LineStarts;
  problems: Problem[];
  items: LoadedItem[];
}

function readDocument(context: FileContext, document: Document.Parsed, errorRanges: [number, number][], maxAliasCount: number): void {
  const contents = document.contents as Node;
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount });
  } catch (error) {
    // yaml throws a ReferenceError when alias expansion exceeds maxAliasCount (billion laughs).
    const message = error instanceof Error ? error.message : String(error);
    const code = /alias/i.test(message) ? 'too-many-aliases' : 'yaml-syntax';
    context.problems.push(problem(context.file, nodeHead(context, contents), code, code === 'too-many-aliases'
      ? `document expands more than ${maxAliasCount} aliases; write the values out instead of nesting aliases`
      : firstLine(message)));
    return;
  }
  if (context.mayHaveForbiddenKeys) reportForbiddenKeys(context, contents);
  if (isSeq(contents) && Array.isArray(value)) {
    contents.items.forEach((node, index) => {
      if (!overlaps(node as Node, errorRanges)) readItem(context, node as Node, value[index]);
    });
  } else if (isMap(contents)) {
    if (!overlaps(contents, errorRanges)) readItem(context, contents, value);
  } else {
    context.problems.push(problem(context.file, nodeRange(context, contents), 'schema', 'a document must be an item (a mapping with `kind` and `id`) or a list of items'));
  }
}

function readItem(context: FileContext, node: Node, value: unknown): void {
  const { file } = context;
  if (!isMap(node) || value === null || typeof value !== 'object' || Array.isArray(value)) {
    context.problems.push(problem(file, nodeRange(context, node), 'schema', 'expected an item: a mapping with `kind` and `id`'));
    return;
  }
  const map = node as YAMLMap;
  const fields = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(fields)) {
    if (key.startsWith('x-') || FORBIDDEN_KEYS.has(key)) delete fields[key];
  }
  const kind = fields.kind;
  if (kind === undefined) {
    context.problems.push(problem(file, nodeHead(context, map), 'schema', `missing required key "kind" (one of ${Object.keys(SCHEMAS).join(', ')})`));
    return;
  }
  if (!isKind(kind)) {
    const suggestion = typeof kind === 'string' ? closestWord(kind, Object.keys(SCHEMAS)) : undefined;
    context.problems.push(problem(file, locateIn(context, map, ['kind']) ?? nodeHead(context, map), 'schema',
      `unknown kind ${JSON.stringify(kind)}${suggestion ? `; did you mean "${suggestion}"?` : ''} (one of ${Object.keys(SCHEMAS).join(', ')})`));
    return;
  }
  const schema: z.ZodType = SCHEMAS[kind];
  let result = schema.safeParse(fields);
  for (let round = 0; !result.success && round < SALVAGE_ROUNDS; round++) {
    for (const issue of result.error.issues) reportIssue(context, map, kind, issue, round === 0);
    // Drop what is wrong and try again: an item with a bad optional field is still worth showing.
    for (const issue of result.error.issues) {
      const top = issue.path[0];
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) for (const key of issue.keys) delete fields[key];
      else if (typeof top === 'string' && top !== 'kind' && top !== 'id') delete fields[top];
    }
    result = schema.safeParse(fields);
  }
  if (!result.success) return;
  const item = result.data as ItemOfKind[Kind];
  context.items.push({
    kind,
    id: item.id,
    item,
    file,
    range: nodeRange(context, map),
    locate: offsetsLocator(context, map),
  });
}

function reportIssue(context: FileContext, map: YAMLMap, kind: Kind, issue: z.core.$ZodIssue, firstRound: boolean): void {
  if (!firstRound) return; // later rounds only confirm what was already said
  const { file } = context;
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const where = path.length > 0 ? `"${path.join('.')}"` : kind;
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(kind, path);
    for (const key of issue.keys) {
      if (FORBIDDEN_KEYS.has(key)) continue; // already reported as forbidden-key
      const suggestion = closestWord(key, allowed);
      const range = locateKey(context, map, [...path, key]) ?? nodeHead(context, map);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : path.length === 0 ? '; prefix it with "x-" to keep data of your own' : '';
      context.problems.push(problem(file, range, 'unknown-key', `unknown key "${key}" in ${where}${hint}`));
    }
    return;
  }
  const range = locateIn(context, map, path);
  if (range === undefined) {
    const parent = locateIn(context, map, path.slice(0, -1), true) ?? nodeHead(context, map);
    context.problems.push(problem(file, parent, 'schema', `missing required key "${String(path[path.length - 1])}" in ${kind} ${describeParent(path)}`.trimEnd()));
    return;
  }
  context.problems.push(problem(file, range, 'schema', `${where}: ${issue.message}`));
}

function describeParent(path: (string | number)[]): string {
  return path.length > 1 ? `at "${path.slice(0, -1).join('.')}"` : '';
}

function allowedKeys(kind: Kind, path: (string | number)[]): string[] {
  let shape: unknown = SCHEMAS[kind];
  for (const segment of path) {
    shape = unwrap(shape);
    if (typeof segment === 'number') shape = (shape as { element?: unknown }).element;
    else shape = (shape as { shape?: Record<string, unknown> }).shape?.[segment];
  }
  const object = unwrap(shape) as { shape?: Record<string, unknown> } | undefined;
  return object?.shape ? Object.keys(object.shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown; def?: { innerType?: unknown } } | undefined;
  while (current) {
    if (typeof current.unwrap === 'function') current = current.unwrap() as typeof current;
    else if (current.def?.innerType) current = current.def.innerType as typeof current;
    else break;
  }
  return current;
}

function reportForbiddenKeys(context: FileContext, node: Node | null | undefined): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.has(pair.key.value)) {
        context.problems.push(problem(context.file, nodeRange(context, pair.key), 'forbidden-key',
          `key "${pair.key.value}" is not allowed: it would change how objects behave; rename it`));
      }
      reportForbiddenKeys(context, pair.value as Node);
    }
  } else if (isSeq(node)) {
    for (const child of node.items) reportForbiddenKeys(context, child as Node);
  }
}

/**
 * Where each value of the item is, kept as plain offsets: holding on to the YAML nodes instead would keep
 * every file's whole syntax tree alive, which costs more in garbage collection than the parse itself.
 */
function offsetsLocator(context: FileContext, map: YAMLMap): (path: YamlPath) => SourceRange | undefined {
  const offsets = new Map<string, number>();
  const record = (node: unknown, key: string): void => {
    if (!node || typeof node !== 'object' || !('range' in node)) return;
    const range = (node as Node).range;
    if (range) {
      offsets.set(key, range[0]);
      offsets.set(`${key}\u0001`, trimTrailingNewlines(context, range[0], range[1]));
    }
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) record(pair.value, `${key}\u0000${String(pair.key.value)}`);
    } else if (isSeq(node)) {
      node.items.forEach((child, index) => record(child, `${key}\u0000${index}`));
    }
  };
  record(map, '');
  const lines = context.lines;
  return (path) => {
    const key = path.length === 0 ? '' : `\u0000${path.join('\u0000')}`;
    const start = offsets.get(key);
    const end = offsets.get(`${key}\u0001`);
    return start === undefined || end === undefined ? undefined : lines.range(start, end);
  };
}

function locateIn(context: FileContext, map: YAMLMap, path: YamlPath, allowEmpty = false): SourceRange | undefined {
  if (path.length === 0) return allowEmpty ? nodeHead(context, map) : nodeRange(context, map);
  const node = map.getIn(path as (string | number)[], true) as Node | undefined;
  if (node === undefined || node === null || typeof node !== 'object' || !('range' in node) || !node.range) return undefined;
  return allowEmpty && (isMap(node) || isSeq(node)) ? nodeHead(context, node) : nodeRange(context, node);
}

function locateKey(context: FileContext, map: YAMLMap, path: YamlPath): SourceRange | undefined {
  const parent = path.length > 1 ? map.getIn(path.slice(0, -1) as (string | number)[], true) : map;
  if (!isMap(parent)) return undefined;
  const key = path[path.length - 1];
  const pair = parent.items.find((candidate) => isPair(candidate) && isScalar(candidate.key) && candidate.key.value === key);
  return pair && isScalar(pair.key) && pair.key.range ? nodeRange(context, pair.key) : undefined;
}

function nodeRange(context: FileContext, node: Node): SourceRange {
  const range = node.range;
  if (!range) return START_OF_FILE;
  return context.lines.range(range[0], trimTrailingNewlines(context, range[0], range[1]));
}

/** The first line of a node: where an editor should underline a problem about the node as a whole. */
function nodeHead(context: FileContext, node: Node): SourceRange {
  const full = nodeRange(context, node);
  if (full.endLine === full.line) return full;
  const firstPair = isMap(node) ? node.items[0] : undefined;
  if (firstPair && isScalar(firstPair.key) && firstPair.key.range) return nodeRange(context, firstPair.key);
  return { line: full.line, column: full.column, endLine: full.line, endColumn: full.column + 1 };
}

function trimTrailingNewlines(context: FileContext, start: number, end: number): number {
  let trimmed = Math.max(start, end);
  while (trimmed > start && (context.text[trimmed - 1] === '\n' || context.text[trimmed - 1] === '\r')) trimmed--;
  return trimmed;
}

/** No contents, or the empty null that yaml gives a bare `---` (a leading or trailing separator). */
function isEmptyDocument(document: Document.Parsed): boolean {
  const contents = document.contents as Node | null;
  if (contents === null) return true;
  const range = contents.range;
  return isScalar(contents) && contents.value === null && !!range && range[0] === range[1];
}

function overlaps(node: Node, ranges: [number, number][]): boolean {
  const range = node.range;
  if (!range || ranges.length === 0) return false;
  return ranges.some(([start, end]) => start <= range[2] && end >= range[0]);
}

/** The UTF-8 size of `text`, counted only as far as needed to know whether it exceeds `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length; // even all 3-byte characters would fit
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
