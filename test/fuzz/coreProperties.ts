// The properties core's entry points keep on any input (issue #16), checked on one case at a time:
//   (a) parseAlignmentFile and buildModel never throw;
//   (b) every problem has a position inside its file: 1 <= line <= lines, 1 <= column <= that line's
//       length + 1, the end likewise and not before the start (lines as an editor counts them);
//   (c) an item whose kind and id are readable is kept: a mapping (a document, or an entry of a document
//       that is a list) with a scalar `kind` naming a known kind and a scalar `id` matching the id pattern,
//       in a document with no YAML error overlapping it, that core did not refuse with a limit problem
//       (too-deep, too-many-nodes, too-many-aliases, reading stopped) inside that document or before it;
//   (d) a document that loads cleanly on its own keeps its items when later documents of the file fail;
//   (e) the fast read of a file (src/core/fastLoad.ts), when it answers, gives what the full read gives;
//   (f) a model built from the one before (an editor's rebuild) is the model a full build gives (updateOracle.ts).
// Time (each file parses in bounded time) is measured by the long run (`npm run fuzz`), never asserted here.
import { isMap, isScalar, isSeq, parseAllDocuments, type Node, type YAMLMap } from 'yaml';
import { buildModel, ID_PATTERN, KINDS, parseAlignmentFile, type FileParse, type Problem } from '../../src/core';
import type { FuzzFile } from './coreArbitraries';
import { compareFastPath } from './fastPathOracle';
import { checkUpdates } from './updateOracle';

/** `inside-file-lone-cr` is (b) in files with a lone \r, which ends a line for an editor (VS Code) but not for YAML. */
export type PropertyName = 'inside-file' | 'inside-file-lone-cr' | 'has-position' | 'keeps-readable-items' | 'keeps-earlier-documents' | 'fast-equals-full' | 'update-equals-full';

export const PROPERTIES: readonly PropertyName[] = ['has-position', 'inside-file', 'inside-file-lone-cr', 'keeps-readable-items', 'keeps-earlier-documents', 'fast-equals-full', 'update-equals-full'];

export interface Violation {
  property: PropertyName;
  /** What failures of the same kind share, to count and shrink them together. */
  group: string;
  file: string;
  detail: string;
}

export interface Evaluation {
  violations: Violation[];
  items: number;
  problems: number;
}

/** An exception from core, with the phase it came from. */
export class CoreCrash extends Error {
  constructor(readonly phase: 'parse' | 'model', readonly file: string | undefined, readonly original: unknown) {
    const error = original instanceof Error ? original : new Error(String(original));
    super(`${phase === 'parse' ? `parseAlignmentFile(${file})` : 'buildModel'} threw ${error.name}: ${error.message}`);
    this.name = 'CoreCrash';
    this.stack = error.stack;
  }
}

/** The whole-file refusals the loader makes on purpose; (c) and (d) do not apply to such files. */
const MAX_FILE_BYTES = 1024 * 1024;
const KIND_NAMES = new Set<string>(KINDS);

export interface EvaluateOptions {
  repoFiles?: readonly string[];
  /** Which of (b) to (e) to check; (a) is always checked. Default: all. */
  properties?: readonly PropertyName[];
}

export function evaluate(files: readonly FuzzFile[], options: EvaluateOptions = {}): Evaluation {
  return checkProperties(files, runCore(files, options), options);
}

export interface CoreResult {
  parses: FileParse[];
  problems: readonly Problem[];
  items: number;
}

/** (a): what core makes of the files; an exception is a CoreCrash. The part of a case that is timed. */
export function runCore(files: readonly FuzzFile[], options: EvaluateOptions = {}): CoreResult {
  const parses: FileParse[] = files.map((file) => {
    try {
      return parseAlignmentFile(file.path, file.text);
    } catch (error) {
      throw new CoreCrash('parse', file.path, error);
    }
  });
  try {
    const model = buildModel(parses, options.repoFiles ? { repoFiles: options.repoFiles } : {});
    return { parses, problems: model.problems, items: model.items.length };
  } catch (error) {
    throw new CoreCrash('model', undefined, error);
  }
}

/** (b) to (e) on what core made of the files. */
export function checkProperties(files: readonly FuzzFile[], core: CoreResult, options: EvaluateOptions = {}): Evaluation {
  const { parses, problems, items } = core;
  const wanted = new Set<PropertyName>(options.properties ?? PROPERTIES);
  const violations: Violation[] = [];
  const texts = new Map(files.map((file) => [file.path, file.text]));
  if (wanted.has('inside-file') || wanted.has('inside-file-lone-cr') || wanted.has('has-position')) {
    const seen = new Set<Problem>();
    const lines = new Map<string, FileLines>();
    const linesOf = (file: string): FileLines | undefined => {
      const text = texts.get(file);
      if (text === undefined) return undefined;
      let known = lines.get(file);
      if (!known) lines.set(file, (known = { lengths: editorLines(text), loneCr: /\r(?!\n)/.test(text) }));
      return known;
    };
    for (const problem of [...problems, ...parses.flatMap((parse) => parse.problems)]) {
      if (seen.has(problem)) continue;
      seen.add(problem);
      const violation = checkPosition(problem, linesOf(problem.file));
      if (violation && wanted.has(violation.property)) violations.push(violation);
    }
  }
  if (wanted.has('fast-equals-full')) {
    for (const file of files) {
      const { difference } = compareFastPath(file.path, file.text);
      if (difference !== undefined) violations.push({ property: 'fast-equals-full', group: `fast read differs: ${difference.split(/[:(]/)[0]}`, file: file.path, detail: difference.slice(0, 2000) });
    }
  }
  if (wanted.has('update-equals-full')) {
    for (const { change, detail } of checkUpdates(files, parses, options.repoFiles)) {
      violations.push({ property: 'update-equals-full', group: `update differs (${change}): ${detail.split(/[:(]/)[0]}`, file: files[0]?.path ?? '', detail: detail.slice(0, 2000) });
    }
  }
  files.forEach((file, index) => {
    const parse = parses[index] as FileParse;
    if (!wholeFileRead(file.text)) return;
    if (wanted.has('keeps-readable-items')) violations.push(...checkReadableItemsKept(file, parse));
    if (wanted.has('keeps-earlier-documents')) violations.push(...checkEarlierDocumentKept(file, parse));
  });
  return { violations, items, problems: problems.length };
}

/** Files the loader refuses as a whole on purpose (too large, binary) hold no items by design. */
function wholeFileRead(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') <= MAX_FILE_BYTES && !text.includes('\u0000');
}

// (b) positions.

/** Line lengths as an editor sees the text: a leading byte order mark is no character; \r\n, \r, \n end lines. */
export function editorLines(text: string): number[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return source.split(/\r\n|\r|\n/).map((line) => line.length);
}

interface FileLines {
  lengths: number[];
  loneCr: boolean;
}

function checkPosition(problem: Problem, file: FileLines | undefined): Violation | undefined {
  const { line, column, endLine, endColumn } = problem;
  const where = `${line}:${column}-${endLine}:${endColumn}`;
  const detail = `${problem.code} at ${where}: ${problem.message.slice(0, 160)}`;
  if (![line, column, endLine, endColumn].every((value) => Number.isInteger(value))) {
    return { property: 'has-position', group: `problem without a position: ${problem.code}`, file: problem.file, detail };
  }
  if (file === undefined) {
    return { property: 'inside-file', group: `problem in a file that was not given: ${problem.code}`, file: problem.file, detail };
  }
  const lines = file.lengths;
  const lengthOf = (n: number): number => lines[n - 1] ?? -1;
  let shape: string | undefined;
  if (line < 1 || endLine < 1) shape = 'line before 1';
  else if (line > lines.length || endLine > lines.length) shape = 'line past the last line';
  else if (column < 1 || endColumn < 1) shape = 'column before 1';
  else if (column > lengthOf(line) + 1) shape = 'start column past the end of its line';
  else if (endColumn > lengthOf(endLine) + 1) shape = 'end column past the end of its line';
  else if (endLine < line || (endLine === line && endColumn < column)) shape = 'end before start';
  if (!shape) return undefined;
  // A lone \r ends a line for an editor, not for the yaml library (nor for a count of \n): a property of its own.
  const { loneCr } = file;
  return {
    property: loneCr ? 'inside-file-lone-cr' : 'inside-file',
    group: `problem outside its file: ${problem.code}, ${shape}${loneCr ? ' (file has a lone \\r)' : ''}`,
    file: problem.file,
    detail: `${detail} (the file has ${lines.length} lines)`,
  };
}

// (c) readable items.

interface Readable {
  kind: string;
  id: string;
  start: number;
  end: number;
  /** The document that holds the item: from its first character up to the next document's first. */
  documentStart: number;
  documentEnd: number;
}

/** Items whose kind and id anyone reading the YAML could see, by the definition in the header. */
export function readableItems(text: string): Readable[] {
  return readableItemsIn(withoutBom(text));
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `readableItems` of a text without its byte order mark: offsets are core's. */
function readableItemsIn(source: string): Readable[] {
  const readable: Readable[] = [];
  const documents = Array.from(parseAllDocuments(source, { uniqueKeys: true }));
  for (const [index, document] of documents.entries()) {
    // A document's text runs up to the next one: what the parser could not fit into it (stray tokens) too.
    const documentEnd = documents[index + 1]?.range[0] ?? source.length;
    const contents = document.contents as Node | null;
    const candidates: Node[] = isMap(contents) ? [contents] : isSeq(contents) ? (contents.items as Node[]) : [];
    for (const candidate of candidates) {
      if (!isMap(candidate) || !candidate.range) continue;
      const [start, , end] = candidate.range;
      if (document.errors.some((error) => error.pos[0] <= end && error.pos[1] >= start)) continue;
      const kind = scalarString(candidate, 'kind');
      const id = scalarString(candidate, 'id');
      if (kind !== undefined && KIND_NAMES.has(kind) && id !== undefined && ID_PATTERN.test(id)) {
        readable.push({ kind, id, start, end, documentStart: document.range[0], documentEnd });
      }
    }
  }
  return readable;
}

function scalarString(map: YAMLMap, key: string): string | undefined {
  const pairs = map.items.filter((pair) => isScalar(pair.key) && pair.key.value === key);
  if (pairs.length !== 1) return undefined;
  const value = pairs[0]?.value;
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

/** The oracle parses with the same YAML library as core: where that library itself fails, (c) says nothing. */
function readableItemsOrNone(source: string): Readable[] {
  try {
    return readableItemsIn(source);
  } catch {
    return []; // (a) reports a crash of the library through core, if core lets it through
  }
}

/**
 * The problems with which core refuses a document on purpose, at that document: nested too deeply, too many
 * values, too many aliases. Any other problem (a schema problem, a YAML error) never excuses a dropped item.
 */
const LIMIT_CODES = new Set<string>(['too-deep', 'too-many-nodes', 'too-many-aliases']);
/** Where core stops reading a file (too many documents, too many YAML errors): what follows is not read. */
const STOPPED_READING = /reading stopped here/;
/** The parser's own stack ran out: the whole file is refused, at its start. */
const WHOLE_FILE_TOO_DEEP = /too deeply for the YAML parser/;

export interface Refusals {
  /** Offsets of limit problems: the document holding one is refused. */
  at: number[];
  /** Where reading stopped, if it did: documents that end after it are not read. */
  stoppedAt: number | undefined;
  wholeFile: boolean;
}

/** The limit problems core reported for the file, as offsets into its text without BOM (the editor's lines). */
function refusals(source: string, problems: readonly Problem[]): Refusals {
  const limits = problems.filter((problem) => LIMIT_CODES.has(problem.code) || STOPPED_READING.test(problem.message));
  const refused: Refusals = { at: [], stoppedAt: undefined, wholeFile: false };
  if (limits.length === 0) return refused;
  const starts = [0];
  for (const match of source.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  for (const problem of limits) {
    const offset = (starts[problem.line - 1] ?? source.length) + problem.column - 1;
    if (problem.code === 'too-deep' && WHOLE_FILE_TOO_DEEP.test(problem.message)) refused.wholeFile = true;
    else if (STOPPED_READING.test(problem.message)) refused.stoppedAt = Math.min(refused.stoppedAt ?? offset, offset);
    else refused.at.push(offset);
  }
  return refused;
}

function refusedByLimit(item: Readable, refused: Refusals): boolean {
  if (refused.wholeFile) return true;
  if (refused.stoppedAt !== undefined && item.documentEnd > refused.stoppedAt) return true;
  return refused.at.some((offset) => offset >= item.documentStart && offset < item.documentEnd);
}

/**
 * The text with the documents core refused blanked (all but line ends become spaces) and cut where core
 * stopped reading: their items are exempt anyway, and the YAML library takes seconds on the hostile ones
 * (20,000 nested flow collections) that core's limits refuse in milliseconds. Documents are found as core's
 * nesting scan finds them: between lines that start with `---` or `...`.
 */
export function withoutRefusedDocuments(source: string, refused: Refusals): string {
  if (refused.wholeFile) return '';
  if (refused.at.length === 0 && refused.stoppedAt === undefined) return source;
  const starts = [0];
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) {
    if (DOCUMENT_MARKER.test(source.slice(at + 1, at + 5))) starts.push(at + 1);
  }
  const regionOf = (offset: number): number => {
    let index = 0;
    while (index + 1 < starts.length && (starts[index + 1] as number) <= offset) index++;
    return index;
  };
  let text = source;
  if (refused.stoppedAt !== undefined) text = text.slice(0, starts[regionOf(refused.stoppedAt)]);
  for (const region of new Set(refused.at.map(regionOf))) {
    const start = starts[region] as number;
    if (start >= text.length) continue;
    const end = Math.min(starts[region + 1] ?? text.length, text.length);
    const from = DOCUMENT_MARKER.test(text.slice(start, start + 4)) ? start + 3 : start; // keep the marker
    text = text.slice(0, from) + text.slice(from, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
  }
  return text;
}

const DOCUMENT_MARKER = /^(---|\.\.\.)(?=[ \t\r\n]|$)/;

function checkReadableItemsKept(file: FuzzFile, parse: FileParse): Violation[] {
  const source = withoutBom(file.text);
  const refused = refusals(source, parse.problems);
  const readable = readableItemsOrNone(withoutRefusedDocuments(source, refused));
  const kept = new Map<string, number>();
  for (const item of parse.items) kept.set(`${item.kind} ${item.id}`, (kept.get(`${item.kind} ${item.id}`) ?? 0) + 1);
  const violations: Violation[] = [];
  for (const item of readable) {
    if (refusedByLimit(item, refused)) continue;
    const key = `${item.kind} ${item.id}`;
    const left = kept.get(key) ?? 0;
    if (left > 0) {
      kept.set(key, left - 1);
      continue;
    }
    const codes = [...new Set(parse.problems.map((problem) => problem.code))].sort();
    violations.push({
      property: 'keeps-readable-items',
      group: `readable item dropped: file problems ${codes.join(', ') || 'none'}`,
      file: file.path,
      detail: `${item.kind} "${item.id}" (characters ${item.start}-${item.end}) is not among the items; problems: ${parse.problems.slice(0, 3).map((problem) => `${problem.code} ${problem.line}:${problem.column} ${problem.message.slice(0, 80)}`).join(' | ')}`,
    });
  }
  return violations;
}

// (d) earlier documents.

/** The text of the file's first document: up to the first `---` or `...` line that follows some content. */
export function firstDocument(text: string): string | undefined {
  const lines = text.split('\n');
  let content = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      if (content) return `${lines.slice(0, index).join('\n')}\n`;
      continue;
    }
    if (/^\s*[^\s#]/.test(line)) content = true;
  }
  return undefined;
}

function checkEarlierDocumentKept(file: FuzzFile, parse: FileParse): Violation[] {
  const first = firstDocument(file.text);
  if (first === undefined) return [];
  let alone: FileParse;
  try {
    alone = parseAlignmentFile(file.path, first);
  } catch (error) {
    throw new CoreCrash('parse', `${file.path} (its first document alone)`, error);
  }
  if (alone.problems.length > 0 || alone.items.length === 0) return [];
  const kept = new Set(parse.items.map((item) => `${item.kind} ${item.id}`));
  const lost = alone.items.filter((item) => !kept.has(`${item.kind} ${item.id}`));
  if (lost.length === 0) return [];
  const later = parse.problems.filter((problem) => problem.line > first.split('\n').length - 1);
  const codes = [...new Set(later.map((problem) => problem.code))].sort();
  return [{
    property: 'keeps-earlier-documents',
    group: `valid first document lost: later problems ${codes.join(', ') || 'none'}`,
    file: file.path,
    detail: `${lost.map((item) => `${item.kind} "${item.id}"`).join(', ')} load alone but not in the whole file; ${parse.problems.slice(0, 3).map((problem) => `${problem.code} ${problem.line}:${problem.column} ${problem.message.slice(0, 80)}`).join(' | ')}`,
  }];
}

// Crashes, grouped.

/** The message with numbers and quoted text generalised, and the first stack frame: what a crash group shares. */
export function crashGroup(error: unknown): { group: string; message: string; frames: string[] } {
  const original = error instanceof CoreCrash ? (error.original instanceof Error ? error.original : new Error(String(error.original))) : error instanceof Error ? error : new Error(String(error));
  const phase = error instanceof CoreCrash ? error.phase : 'harness';
  const frames = (original.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).map((line) => line.trim().replace(/^at /, '').replace(/\(?\/[^()]*\/(src|test|node_modules)\//, '($1/'));
  const top = frames[0]?.replace(/:\d+(:\d+)?\)?$/, ')') ?? 'no stack';
  const message = original.message.split('\n')[0]?.slice(0, 300) ?? '';
  const general = message.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').replace(/\/.{20,}\//g, '/…/').slice(0, 120);
  return { group: `${phase}: ${original.name}: ${general} at ${top}`, message: `${original.name}: ${message}`, frames: frames.slice(0, 6) };
}
