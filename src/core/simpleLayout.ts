// A one-pass check that a YAML text is written in the simple shapes every `.alignment/` file generated or
// typed by hand mostly uses, and where each item starts and ends. Inside those shapes js-yaml and the `yaml`
// library read the same values, and the `yaml` library's ranges follow from the lines alone; anything
// else (block scalars, multi-line or tagged values, anchors, tabs, odd keys, deep nesting) is refused here,
// and the file is read by the `yaml` library instead. Refusing is always safe: it only costs time.
import type { SourceRange } from './problems';

/** Where an item's mapping is written: from its first key to the end of its last line with content. */
export interface ItemSpan {
  /** Where the line of its first key starts (before `- `, in a list). */
  readonly lineStart: number;
  readonly start: number;
  readonly end: number;
  /** The same as lines and columns, as LineStarts counts them (no lone `\r` gets here). */
  readonly range: SourceRange;
}

/** A document with content: a list of items (`- kind: …`) or one item written as the document's mapping. */
export interface SimpleDocument {
  readonly shape: 'list' | 'map';
  readonly items: readonly ItemSpan[];
}

/**
 * Bounds well inside the loader's limits, so a text accepted here never meets one of them: nesting (each
 * indentation holds at most a mapping and a list, plus flow collections on a line) stays under 64 levels,
 * values under 250,000 per document (every value takes two characters or more), documents under 2,000.
 */
export const MAX_SIMPLE_CHARS = 400_000;
const MAX_INDENT = 16;
const MAX_FLOW_DEPTH = 6;
const MAX_KEY_LENGTH = 100;
const MAX_DOCUMENTS = 1_000;

/**
 * Characters both parsers treat alike: printable ASCII, most of the rest of Unicode in whole pairs, and
 * `\r` only before `\n`. Tabs, control characters, NUL, NEL, Unicode spaces and line separators, a byte
 * order mark inside the text and lone surrogates are refused.
 */
const ODD_CHARACTER = /[^\n\r\x20-\x7E\u00A1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF\u3001-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\uD800-\uDFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Keys `yaml` reads as null (a key of "") where js-yaml reads "null". */
const NULL_KEY = /^(?:null|Null|NULL)$/;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const CR = 0x0d;

export function scanSimpleLayout(text: string): SimpleDocument[] | undefined {
  if (text.length > MAX_SIMPLE_CHARS || ODD_CHARACTER.test(text)) return undefined;
  const documents: SimpleDocument[] = [];
  let shape: 'list' | 'map' | undefined;
  let items: ItemSpan[] = [];
  let itemStart = -1;
  let itemLineStart = 0;
  let itemLine = 0;
  let itemColumn = 0;
  let lastContentEnd = -1;
  let lastContentLine = 0;
  let lastContentLineStart = 0;
  let lineNumber = 0;
  // A comment indented deeper than the item after its last line is part of the item's range in `yaml`.
  let deeperCommentAfterContent = false;
  let markers = 0;

  const closeItem = (): boolean => {
    if (itemStart >= 0) {
      if (deeperCommentAfterContent) return false;
      const range = { line: itemLine, column: itemColumn + 1, endLine: lastContentLine, endColumn: lastContentEnd - lastContentLineStart + 1 };
      items.push({ lineStart: itemLineStart, start: itemStart, end: lastContentEnd, range });
    }
    itemStart = -1;
    deeperCommentAfterContent = false;
    return true;
  };
  const closeDocument = (): boolean => {
    if (!closeItem()) return false;
    if (shape !== undefined) documents.push({ shape, items });
    shape = undefined;
    items = [];
    return true;
  };

  for (let lineStart = 0; lineStart <= text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const next = newline === -1 ? text.length : newline;
    const end = next > lineStart && text.charCodeAt(next - 1) === CR ? next - 1 : next;
    lineNumber++;
    let at = lineStart;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    const indent = at - lineStart;
    if (at === end) {
      // blank
    } else if (text.charCodeAt(at) === HASH) {
      if (itemStart >= 0 && indent > itemColumn) deeperCommentAfterContent = true;
    } else if (indent === 0 && end - lineStart === 3 && text.startsWith('---', lineStart)) {
      if (++markers > MAX_DOCUMENTS || !closeDocument()) return undefined;
    } else {
      if (indent > MAX_INDENT) return undefined;
      const line = readContentLine(text, at, end);
      if (line === undefined) return undefined;
      if (indent === 0) {
        if (shape === undefined) shape = line.dash ? 'list' : 'map';
        if (shape === 'list') {
          // Every line at the left margin of a list document starts an item, written as a mapping.
          if (!line.dash || line.keyStart < 0 || !closeItem()) return undefined;
          itemStart = line.keyStart;
          itemLineStart = lineStart;
          itemLine = lineNumber;
          itemColumn = line.keyStart - lineStart;
        } else if (itemStart < 0) {
          if (line.keyStart < 0) return undefined;
          itemStart = line.keyStart;
          itemLineStart = lineStart;
          itemLine = lineNumber;
          itemColumn = 0;
        }
      } else if (shape === undefined) {
        return undefined;
      }
      lastContentEnd = end;
      lastContentLine = lineNumber;
      lastContentLineStart = lineStart;
      deeperCommentAfterContent = false;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return closeDocument() ? documents : undefined;
}

interface ContentLine {
  /** The line starts with `- `. */
  readonly dash: boolean;
  /** Where its key starts, or -1 when it holds a value only (`- text`). */
  readonly keyStart: number;
}

/** A line of `key: value`, `key:`, `- key: value`, `- key:` or `- value`, with an optional comment; else undefined. */
function readContentLine(text: string, start: number, end: number): ContentLine | undefined {
  let at = start;
  let dash = false;
  if (text.charCodeAt(at) === DASH && text.charCodeAt(at + 1) === SPACE) {
    dash = true;
    at += 2;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    if (at === end || text.charCodeAt(at) === HASH) return undefined;
  }
  const keyEnd = readKey(text, at, end);
  if (keyEnd >= 0) {
    let after = keyEnd + 1;
    while (after < end && text.charCodeAt(after) === SPACE) after++;
    if (after === end || (text.charCodeAt(after) === HASH && after > keyEnd + 1)) return { dash, keyStart: at };
    const valueEnd = readBlockValue(text, after, end);
    return valueEnd >= 0 && endsLine(text, valueEnd, end) ? { dash, keyStart: at } : undefined;
  }
  if (!dash) return undefined;
  const valueEnd = readBlockValue(text, at, end);
  return valueEnd >= 0 && endsLine(text, valueEnd, end) ? { dash, keyStart: -1 } : undefined;
}

/** Only spaces, then the end of the line or a comment. */
function endsLine(text: string, from: number, end: number): boolean {
  let at = from;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at === end || (text.charCodeAt(at) === HASH && at > from);
}

/**
 * A key of letters, digits, `_`, `.` and `-` starting with a letter or `_`, followed by `:` and a space or
 * the line end: the offset of its colon, or -1. Such keys read as the same text in both parsers.
 */
function readKey(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  if (!(isLetter(first) || first === 0x5f)) return -1;
  let at = start + 1;
  while (at < end && isKeyCharacter(text.charCodeAt(at))) at++;
  if (at - start > MAX_KEY_LENGTH || text.charCodeAt(at) !== COLON) return -1;
  if (at + 1 < end && text.charCodeAt(at + 1) !== SPACE) return -1;
  return NULL_KEY.test(text.slice(start, at)) ? -1 : at;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isKeyCharacter(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2e || code === DASH;
}

/** A value on one line in block context: quoted, a flow collection, or plain. Its end offset, or -1. */
function readBlockValue(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  if (first === 0x22) return readDoubleQuoted(text, start, end);
  if (first === 0x27) return readSingleQuoted(text, start, end);
  if (first === 0x5b || first === 0x7b) return readFlow(text, start, end, 1);
  return readPlain(text, start, end, false);
}

/** Characters that give a plain value's first character another meaning (indicators). */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`'.split('').map((character) => character.charCodeAt(0)));

/**
 * A plain value: no indicator first (but `-` before a digit or `.`), no `: ` or ` #` inside, no `:` but
 * before `/` or a digit, no opening bracket (the nesting scan would count it), no quote after a space or
 * bracket (the nesting scan would read a quoted value there), and in a flow collection no `:` and none
 * of `,]}` (they end it).
 */
function readPlain(text: string, start: number, end: number, inFlow: boolean): number {
  const first = text.charCodeAt(start);
  if (INDICATORS.has(first) && !(first === DASH && isDigitOrDot(text.charCodeAt(start + 1)))) return -1;
  let at = start;
  let lastNonSpace = start;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === SPACE) {
      if (text.charCodeAt(at + 1) === HASH) break;
      continue;
    }
    if (inFlow && (code === 0x2c || code === 0x5d || code === 0x7d)) break;
    if (code === COLON) {
      const after = text.charCodeAt(at + 1);
      if (inFlow || !(after === 0x2f || (after >= 0x30 && after <= 0x39))) return -1;
    } else if (code === 0x5b || code === 0x7b) {
      return -1;
    } else if ((code === 0x22 || code === 0x27) && /[\s[{,:?-]/.test(text[at - 1] as string)) {
      return -1;
    }
    lastNonSpace = at;
  }
  if (inFlow && at === end) return -1;
  return lastNonSpace + 1;
}

function isDigitOrDot(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2e;
}

/** `"…"` on one line, with the escapes both parsers read alike. */
function readDoubleQuoted(text: string, start: number, end: number): number {
  for (let at = start + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) return at + 1;
    if (code !== 0x5c) continue;
    const escaped = text[at + 1] ?? '';
    if ('"\\/bfnrt0'.includes(escaped) && escaped !== '') at++;
    else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 5;
    else return -1;
  }
  return -1;
}

/** `'…'` on one line, `''` standing for a quote. */
function readSingleQuoted(text: string, start: number, end: number): number {
  for (let at = start + 1; at < end; at++) {
    if (text.charCodeAt(at) !== 0x27) continue;
    if (text.charCodeAt(at + 1) === 0x27) at++;
    else return at + 1;
  }
  return -1;
}

/** `[a, b]` or `{ key: value }`, closed on the same line, nested a few levels at most. */
function readFlow(text: string, start: number, end: number, depth: number): number {
  if (depth > MAX_FLOW_DEPTH) return -1;
  const isMap = text.charCodeAt(start) === 0x7b;
  const close = isMap ? 0x7d : 0x5d;
  let at = skipSpaces(text, start + 1, end);
  if (text.charCodeAt(at) === close) return at + 1;
  for (;;) {
    if (isMap) {
      const colon = readKey(text, at, end);
      if (colon < 0 || text.charCodeAt(colon + 1) !== SPACE) return -1;
      at = skipSpaces(text, colon + 1, end);
    }
    at = readFlowEntry(text, at, end, depth);
    if (at < 0) return -1;
    at = skipSpaces(text, at, end);
    const code = text.charCodeAt(at);
    if (code === close) return at + 1;
    if (code !== 0x2c) return -1;
    at = skipSpaces(text, at + 1, end);
    if (text.charCodeAt(at) === close) return -1; // a trailing comma
  }
}

function readFlowEntry(text: string, start: number, end: number, depth: number): number {
  if (start >= end) return -1;
  const first = text.charCodeAt(start);
  if (first === 0x22) return readDoubleQuoted(text, start, end);
  if (first === 0x27) return readSingleQuoted(text, start, end);
  if (first === 0x5b || first === 0x7b) return readFlow(text, start, end, depth + 1);
  return readPlain(text, start, end, true);
}

function skipSpaces(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at;
}
