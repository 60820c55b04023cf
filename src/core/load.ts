// Reads one `.alignment/` file's text into items with their source positions, and problems.
// Nothing here throws on bad input: each defect becomes a Problem at the offending node, and every
// item that can be salvaged is kept, so one typo never hides the rest of the folder.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { CommandTitles } from './commandTitles';
import { LineStarts } from './textPositions';
import { FORBIDDEN_KEYS, toPlain } from './plainValue';
import { problem, START_OF_FILE, type Problem, type SourceRange } from './problems';
import { unreadableFileProblem } from './repoPath';
import { salvage } from './salvage';
import { isKind, SCHEMAS, type ItemOfKind, type Kind } from './schemas';
import { closestWord } from './words';
import { blankDeepDocuments } from './nestingScan';
import { readFast } from './fastLoad';
import { mayHoldCutText, mayHoldForbiddenKey } from './textHints';
import { parseDocuments, type ParsedDocuments } from './yamlDocuments';
import { valueLocator, withoutTrailingNewlines } from './valueOffsets';

export type YamlPath = readonly (string | number)[];

export interface LoadedItem<K extends Kind = Kind> {
  readonly kind: K;
  readonly id: string;
  readonly item: ItemOfKind[K];
  /** Repository-relative path of the YAML file. */
  readonly file: string;
  /** The whole item node. */
  readonly range: SourceRange;
  /**
   * What is wrong with the item as written (schema, unknown keys, YAML errors inside it): empty for a valid
   * item. An item with problems is still kept, with its valid fields, so no truth is hidden by a typo.
   */
  readonly problems: readonly Problem[];
  /** The range of the value at `path` inside the item (e.g. ['gates', 0, 'call']), if present. */
  locate(path: YamlPath): SourceRange | undefined;
}

/** An id written in a document that is not kept as an item (its kind is unknown): still counted for duplicates. */
export interface UnkeptId {
  readonly id: string;
  readonly file: string;
  readonly range: SourceRange;
}

export interface FileParse {
  readonly file: string;
  readonly items: readonly LoadedItem[];
  readonly problems: readonly Problem[];
  readonly unkeptIds?: readonly UnkeptId[];
}

export interface LoadOptions {
  /** Larger files are refused with `file-too-large` (a generated or binary file, not hand-written truth). */
  maxFileBytes?: number;
  /** Alias uses allowed per document; a billion-laughs document is refused with `too-many-aliases`. */
  maxAliasCount?: number;
  /**
   * false: read every file with the `yaml` library, never the fast way (fastLoad.ts). The result is the
   * same either way; tests compare the two.
   */
  fastPath?: boolean;
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

let overLimit: string | undefined;
/**
 * What a reader hands in for a file it found over DEFAULT_MAX_FILE_BYTES without reading it: a text core
 * refuses as `file-too-large` by its length alone. Made once and shared.
 */
export function unreadOverLimitText(): string {
  return (overLimit ??= ' '.repeat(DEFAULT_MAX_FILE_BYTES + 1));
}
const DEFAULT_MAX_ALIAS_COUNT = 100;
/** Collections inside collections; an item needs about five, so this only stops hostile input. */
export const MAX_NESTING_DEPTH = 64;
/** Nodes of one document as written, and values it may expand to through aliases. */
export const MAX_DOCUMENT_NODES = 250_000;
/** YAML errors reported per file; past that the file is broken as a whole and more lines help nobody. */
export const MAX_SYNTAX_PROBLEMS = 100;
/** Documents per file; a hand-written file holds a few dozen. */
export const MAX_DOCUMENTS = 2_000;

export function parseAlignmentFile(file: string, text: string, options: LoadOptions = {}): FileParse {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (utf8Length(text, maxBytes) > maxBytes) {
    return { file, items: [], problems: [problem(file, START_OF_FILE, 'file-too-large', `file is larger than ${Math.round(maxBytes / 1024)} KiB; split it into several files`)] };
  }
  // The editor does not count a byte order mark as a column; neither do we.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstNul = source.indexOf('\u0000');
  if (firstNul !== -1 && firstNul < BINARY_SNIFF_LENGTH && !/^\s*(#|---|[A-Za-z_-]+\s*:|- )/.test(source)) {
    // Not text at all (an image, an archive): one problem, not a screenful of YAML errors.
    return { file, items: [], problems: [problem(file, START_OF_FILE, 'binary-file', 'file holds binary data, not YAML text; move it out of .alignment/')] };
  }
  // Counting lines costs a pass over the text: the fast read asks only when an item is located.
  let lines: LineStarts | undefined;
  const linesOf = (): LineStarts => (lines ??= new LineStarts(source));
  const readInFull = (): FileParse => readAlignmentText(file, source, linesOf(), options);
  return (options.fastPath === false ? undefined : readFast(file, source, linesOf, readInFull)) ?? readInFull();
}

/** The full read, with the `yaml` library: every value's position, every problem. */
function readAlignmentText(file: string, source: string, lines: LineStarts, options: LoadOptions): FileParse {
  const problems: Problem[] = [];
  const items: LoadedItem[] = [];
  const unkeptIds: UnkeptId[] = [];
  const blanked = blankDeepDocuments(source, MAX_NESTING_DEPTH);
  for (const breach of blanked.breaches) {
    problems.push(problem(file, lines.range(breach, breach + 1), 'too-deep', `document nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep; it is not read`));
  }
  const context: FileContext = { file, text: blanked.text, lines, problems, items, unkeptIds, mayHaveForbiddenKeys: mayHoldForbiddenKey(source), mayHaveCutText: mayHoldCutText(source), syntaxProblems: 0 };

  let parsed: ParsedDocuments;
  try {
    parsed = parseDocuments(blanked.text, { maxDepth: MAX_NESTING_DEPTH, maxNodes: MAX_DOCUMENT_NODES, maxErrors: MAX_SYNTAX_PROBLEMS, maxDocuments: MAX_DOCUMENTS });
  } catch (error) {
    // The parser recurses; nesting the scan above does not recognise can still overflow its stack.
    if (!(error instanceof RangeError)) throw error;
    problems.push(problem(file, START_OF_FILE, 'too-deep', 'file nests lists and mappings too deeply for the YAML parser; it is not read'));
    return { file, items, problems };
  }
  const { documents, refused, stopped } = parsed;
  const nuls = nulOffsets(blanked.text);
  for (const breach of refused) {
    problems.push(problem(file, lines.range(breach.at, breach.at + 1), breach.reason === 'depth' ? 'too-deep' : 'too-many-nodes', breach.reason === 'depth'
      ? `document nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep; it is not read`
      : `document holds more than ${MAX_DOCUMENT_NODES.toLocaleString('en-US')} values; split it into several files`));
  }
  for (const document of documents) readOneDocument(context, document, nuls, options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT);
  reportStop(context, stopped);
  if (items.length === 0 && problems.length === 0) {
    problems.push(problem(file, START_OF_FILE, 'empty-file', `file holds no items; add one (see "${CommandTitles.initialize}") or delete it`));
  }
  return unkeptIds.length > 0 ? { file, items, problems, unkeptIds } : { file, items, problems };
}

/** One document of the file: its YAML errors, then its items unless it holds a NUL. */
function readOneDocument(context: FileContext, document: ParsedDocuments['documents'][number], nuls: readonly number[], maxAliasCount: number): void {
  const { file, lines } = context;
  const errors: Problem[] = [];
  for (const error of document.errors) errors.push(problem(file, lines.range(error.pos[0], error.pos[1]), 'yaml-syntax', firstLine(error.message)));
  for (const warning of document.warnings) errors.push(problem(file, lines.range(warning.pos[0], warning.pos[1]), 'yaml-syntax', firstLine(warning.message)));
  const nul = firstAtOrAfter(nuls, document.range[0]);
  if (nul !== undefined && nul < document.range[2]) {
    errors.push(problem(file, lines.range(nul, nul + 1), 'binary-file', 'a NUL character: this document holds binary data, not YAML text; it is not read'));
    reportSyntax(context, errors);
    return;
  }
  reportSyntax(context, errors);
  if (isEmptyDocument(document)) return;
  readDocument(context, document, errors, maxAliasCount);
}

/** Where and why reading stopped early, or how many YAML errors went unlisted. */
function reportStop(context: FileContext, stopped: ParsedDocuments['stopped']): void {
  const { file, lines, problems } = context;
  if (stopped?.reason === 'errors') {
    problems.push(problem(file, lines.range(stopped.at, stopped.at + 1), 'yaml-syntax', `more than ${MAX_SYNTAX_PROBLEMS} YAML errors: reading stopped here; fix the first ones`));
  } else if (stopped?.reason === 'documents') {
    problems.push(problem(file, lines.range(stopped.at, stopped.at + 1), 'too-many-nodes', `more than ${MAX_DOCUMENTS.toLocaleString('en-US')} documents: reading stopped here; split the file`));
  } else if (context.syntaxProblems > MAX_SYNTAX_PROBLEMS) {
    const last = problems[problems.length - 1] ?? problem(file, START_OF_FILE, 'yaml-syntax', '');
    problems.push(problem(file, last, 'yaml-syntax', `${(context.syntaxProblems - MAX_SYNTAX_PROBLEMS).toLocaleString('en-US')} more YAML errors not listed; fix the first ones`));
  }
}

/** A file that is there but could not be read (permissions, a folder where a file was expected, a failed read). */
export function unreadableFile(file: string, reason: string): FileParse {
  return { file, items: [], problems: [unreadableFileProblem(file, reason)] };
}

/** Where the text holds NUL characters, in order: each document asks once, without rescanning the text. */
function nulOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf('\u0000'); at !== -1; at = text.indexOf('\u0000', at + 1)) offsets.push(at);
  return offsets;
}

function firstAtOrAfter(sorted: readonly number[], offset: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return sorted[low];
}

/** How far a NUL character marks a file as binary, as git decides (its first 8,000 bytes). */
const BINARY_SNIFF_LENGTH = 8000;

interface FileContext {
  file: string;
  text: string;
  /** Only files whose text mentions a forbidden key are walked for them. */
  mayHaveForbiddenKeys: boolean;
  /** Only files with text, one space, then `#` and no space are walked for values a comment cut short. */
  mayHaveCutText: boolean;
  lines: LineStarts;
  problems: Problem[];
  items: LoadedItem[];
  unkeptIds: UnkeptId[];
  /** YAML errors seen in the file, listed or not. */
  syntaxProblems: number;
}

function reportSyntax(context: FileContext, errors: readonly Problem[]): void {
  for (const error of errors) {
    if (++context.syntaxProblems <= MAX_SYNTAX_PROBLEMS) context.problems.push(error);
  }
}

function readDocument(context: FileContext, document: Document.Parsed, errors: readonly Problem[], maxAliasCount: number): void {
  const contents = document.contents as Node;
  const plain = toPlain(contents, { maxAliases: maxAliasCount, maxValues: MAX_DOCUMENT_NODES });
  if (!plain.ok) {
    // The document as written is within the node limit (parseDocuments checked), so aliases made it grow.
    context.problems.push(problem(context.file, nodeHead(context, contents), 'too-many-aliases', plain.reason === 'aliases'
      ? `document uses more than ${maxAliasCount} aliases; write the values out instead`
      : `document expands to more than ${MAX_DOCUMENT_NODES.toLocaleString('en-US')} values through aliases; write the values out instead`));
    return;
  }
  const value = plain.value;
  const local: Problem[] = [...errors];
  for (const defect of plain.defects) {
    const range = nodeRange(context, defect.node);
    local.push(defect.kind === 'complex-key'
      ? problem(context.file, range, 'schema', 'a key must be plain text, not a list or a mapping')
      : defect.kind === 'self-alias'
        ? problem(context.file, range, 'yaml-syntax', 'this alias refers to the list or mapping that holds it; write the value out')
        : problem(context.file, range, 'yaml-syntax', `alias *${defect.name} names no anchor before it`));
  }
  context.problems.push(...local.slice(errors.length));
  if (context.mayHaveForbiddenKeys) reportForbiddenKeys(context, contents);
  if (context.mayHaveCutText) reportCutText(context, contents);
  if (isSeq(contents) && Array.isArray(value)) {
    contents.items.forEach((node, index) => readItem(context, node as Node, value[index], local));
  } else if (isMap(contents)) {
    readItem(context, contents, value, local);
  } else {
    context.problems.push(problem(context.file, nodeRange(context, contents), 'schema', 'a document must be an item (a mapping with `kind` and `id`) or a list of items'));
  }
}

function readItem(context: FileContext, node: Node, value: unknown, documentProblems: readonly Problem[]): void {
  const { file } = context;
  if (!isMap(node) || value === null || typeof value !== 'object' || Array.isArray(value)) {
    context.problems.push(problem(file, nodeRange(context, node), 'schema', 'expected an item: a mapping with `kind` and `id`'));
    return;
  }
  const map = node as YAMLMap;
  const fields = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(fields)) {
    if (key.startsWith('x-')) delete fields[key];
  }
  const range = nodeRange(context, map);
  // The YAML errors inside the item belong to it: it keeps what the parser could read, and what the error
  // made unreadable is not reported again as missing or wrong (fix the syntax first).
  const inside = documentProblems.filter((entry) => contains(range, entry));
  const report: Problem[] = [];
  const kind = fields.kind;
  if (kind === undefined) {
    report.push(problem(file, nodeHead(context, map), 'schema', `missing required key "kind" (one of ${Object.keys(SCHEMAS).join(', ')})`));
  } else if (!isKind(kind)) {
    const suggestion = typeof kind === 'string' ? closestWord(kind, Object.keys(SCHEMAS)) : undefined;
    const shown = typeof kind === 'string' || typeof kind === 'number' || typeof kind === 'boolean' ? JSON.stringify(kind) : 'that is not a word';
    report.push(problem(file, locateIn(context, map, ['kind']) ?? nodeHead(context, map), 'schema',
      `unknown kind ${shown}${suggestion ? `; did you mean "${suggestion}"?` : ''} (one of ${Object.keys(SCHEMAS).join(', ')})`));
  }
  if (kind === undefined || !isKind(kind)) {
    if (inside.length === 0) context.problems.push(...report);
    noteUnkeptId(context, map, fields.id);
    return;
  }
  const salvaged = salvage(kind, fields);
  for (const { path, issue } of salvaged.issues) reportIssue(context, map, kind, path, issue, report);
  if (inside.length === 0) context.problems.push(...report);
  if (salvaged.data === undefined) {
    // Not an item, but its id is written: a duplicate of it, or a tag naming it, is told where it is.
    noteUnkeptId(context, map, fields.id);
    return;
  }
  const item = salvaged.data as ItemOfKind[Kind];
  const locate = valueLocator(context.text, context.lines, map);
  context.items.push({
    kind,
    id: item.id,
    item,
    file,
    range,
    problems: inside.length > 0 ? inside : report,
    locate: salvaged.issues.length === 0 ? locate : (path) => locate(salvaged.toWritten(path)),
  });
}

function noteUnkeptId(context: FileContext, map: YAMLMap, id: unknown): void {
  if (typeof id !== 'string' || id === '') return;
  context.unkeptIds.push({ id, file: context.file, range: locateIn(context, map, ['id']) ?? nodeHead(context, map) });
}

function contains(outer: SourceRange, inner: SourceRange): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const startsBefore = inner.line < outer.endLine || (inner.line === outer.endLine && inner.column <= outer.endColumn);
  return startsAfter && startsBefore;
}

function reportIssue(context: FileContext, map: YAMLMap, kind: Kind, writtenPath: YamlPath, issue: z.core.$ZodIssue, report: Problem[]): void {
  const { file } = context;
  const path = [...writtenPath];
  const where = path.length > 0 ? `"${path.join('.')}"` : kind;
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(kind, path);
    for (const key of issue.keys) {
      if (FORBIDDEN_KEYS.has(key)) continue; // already reported as forbidden-key
      const suggestion = closestWord(key, allowed);
      const range = locateKey(context, map, [...path, key]) ?? nodeHead(context, map);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : path.length === 0 ? '; prefix it with "x-" to keep data of your own' : '';
      report.push(problem(file, range, 'unknown-key', `unknown key "${key}" in ${where}${hint}`));
    }
    return;
  }
  const range = locateIn(context, map, path);
  if (range === undefined) {
    const parent = locateIn(context, map, path.slice(0, -1), true) ?? nodeHead(context, map);
    report.push(problem(file, parent, 'schema', `missing required key "${String(path[path.length - 1])}" in ${kind} ${describeParent(path)}`.trimEnd()));
    return;
  }
  report.push(problem(file, range, 'schema', `${where}: ${emptyValueHint(map, path, issue) ?? issue.message}`));
}

/** What to write instead, for a key written with no value (`paths:` uncommented without its entries). */
const EMPTY_VALUE_HINTS: Readonly<Record<string, string>> = {
  array: 'write a list under it, one "- entry" per line indented below the key, or [a, b] on its line',
  object: 'write its keys indented below it',
  string: 'write the text after the colon',
  number: 'write a number after the colon',
  boolean: 'write true or false after the colon',
};

function emptyValueHint(map: YAMLMap, path: YamlPath, issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  const node = map.getIn(path as (string | number)[], true);
  if (!isScalar(node) || node.value !== null || (node.source !== undefined && node.source !== '')) return undefined;
  const hint = path[path.length - 1] === 'paths'
    ? 'write the patterns of the files it covers, one per line indented below the key ("  - src/payments/"), or [src/payments/] on its line'
    : EMPTY_VALUE_HINTS[issue.expected];
  return hint === undefined ? undefined : `has no value: ${hint}`;
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
 * A plain value followed on its line by ` #word` is cut there: YAML reads `#word` as a comment, so
 * `channel: Support ticket #48211` is "Support ticket". A comment written on purpose (`  # why`) is left alone.
 */
function reportCutText(context: FileContext, node: Node | null | undefined): void {
  if (isScalar(node)) {
    const end = node.range?.[1];
    if (node.type === 'PLAIN' && typeof node.comment === 'string' && end !== undefined && /^ #[^\s#]/.test(context.text.slice(end, end + 3))) {
      const lineEnd = context.text.indexOf('\n', end);
      const written = context.text.slice(node.range?.[0] ?? end, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
      context.problems.push(problem(context.file, context.lines.range(node.range?.[0] ?? end, end), 'comment-cuts-text',
        `YAML reads " #${firstLine(node.comment).trim()}" as a comment, so this value is "${String(node.value)}"; if the "#" belongs to the text, put the value in quotes: ${JSON.stringify(written)}`));
    }
  } else if (isMap(node)) {
    for (const pair of node.items) reportCutText(context, pair.value as Node);
  } else if (isSeq(node)) {
    for (const child of node.items) reportCutText(context, child as Node);
  }
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
  return withoutTrailingNewlines(context.text, start, end);
}

/** No contents, or the empty null that yaml gives a bare `---` (a leading or trailing separator). */
function isEmptyDocument(document: Document.Parsed): boolean {
  const contents = document.contents as Node | null;
  if (contents === null) return true;
  const range = contents.range;
  return isScalar(contents) && contents.value === null && !!range && range[0] === range[1];
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
