// Comment tags tie code to items: `// @serves CR-101`, `# @risk R-12`, `/* @assumes A-3, A-4 */`.
// Text in, tags with positions out; any language whose comments start with //, #, /*, --, <!--, or a line
// starting with * or ;.
import type { AlignmentModel } from './model';
import type { UnkeptId } from './load';
import { problem, type Problem } from './problems';
import type { Kind } from './schemas';
import { article } from './words';

export const TAG_KINDS = {
  serves: 'request',
  risk: 'risk',
  assumes: 'assumption',
  milestone: 'milestone',
  flag: 'flag',
} as const satisfies Record<string, Kind>;

export type TagKeyword = keyof typeof TAG_KINDS;
export const TAG_KEYWORDS = Object.keys(TAG_KINDS) as TagKeyword[];

export interface Tag {
  keyword: TagKeyword;
  id: string;
  /** 1-based line of the tag. */
  line: number;
  /** 1-based column of the `@`. */
  tagColumn: number;
  /** 1-based columns of the id; the end is exclusive. */
  column: number;
  endColumn: number;
}

/**
 * The tags in a text, in one pass: the time grows with the length of the text, whatever it holds (a branch
 * can commit any file, and the editor and CI scan every one).
 *
 * A tag is `@keyword`, spaces or tabs, then ids separated by commas (spaces or tabs around them), not after a
 * letter, digit, `_` or `@`; an id is a letter, then letters, digits, `_`, `.`, `-`. (As a regex:
 * `(?<![\w@])@(serves|risk|…)[ \t]+(ID(?:[ \t]*,[ \t]*ID)*)`, ID being `[A-Za-z][A-Za-z0-9_.-]*`; read by
 * hand here, as the grammar in syntaxes/ reads it by regex.)
 *
 * It counts when it is in a comment. On its own line, the text before it (after dropping block comments
 * opened and closed there: `/* … *\/`, `<!-- … -->`) holds `//`, `/*` or `<!--`; or `#` or `--` at its start
 * or after a space (not "#fff", this.#x or i--); or it starts with `*` or `;` after spaces (`;` elsewhere ends
 * a statement). Or the tag is inside a block comment opened on an earlier line: the last `/*` before it
 * comes after the last `*\/`.
 */
export function scanTags(text: string): Tag[] {
  const tags: Tag[] = [];
  const comments = new CommentState(text);
  for (let at = text.indexOf('@'), next = 0; at !== -1; at = text.indexOf('@', next)) {
    next = at + 1;
    const before = at > 0 ? text.charCodeAt(at - 1) : -1;
    if (isWordChar(before) || before === AT) continue;
    const keyword = TAG_KEYWORDS.find((candidate) => text.startsWith(candidate, at + 1));
    if (!keyword) continue;
    let listStart = at + 1 + keyword.length;
    if (!isBlank(text.charCodeAt(listStart))) continue;
    while (isBlank(text.charCodeAt(listStart))) listStart++;
    if (!isLetter(text.charCodeAt(listStart))) continue;
    const listEnd = endOfList(text, listStart);
    next = listEnd;
    comments.moveTo(at);
    if (!comments.inComment(at)) continue;
    const { line, lineStart } = comments;
    for (let i = listStart; i < listEnd;) {
      let end = i + 1;
      while (end < listEnd && isIdChar(text.charCodeAt(end))) end++;
      let idEnd = end;
      while (text.charCodeAt(idEnd - 1) === DOT) idEnd--; // "see @risk R-12." ends a sentence, not the id
      const column = i - lineStart + 1;
      tags.push({ keyword, id: text.slice(i, idEnd), line, tagColumn: at - lineStart + 1, column, endColumn: column + idEnd - i });
      i = end;
      while (i < listEnd && !isLetter(text.charCodeAt(i))) i++;
    }
  }
  return tags;
}

/** The end of `id`, then any `, id` (spaces or tabs around the comma), from the id at `start`. */
function endOfList(text: string, start: number): number {
  let end = start + 1;
  for (;;) {
    while (isIdChar(text.charCodeAt(end))) end++;
    let i = end;
    while (isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== COMMA) return end;
    i++;
    while (isBlank(text.charCodeAt(i))) i++;
    if (!isLetter(text.charCodeAt(i))) return end;
    end = i + 1;
  }
}

const AT = 0x40;
const COMMA = 0x2c;
const DOT = 0x2e;
const SLASH = 0x2f;
const STAR = 0x2a;
const LESS = 0x3c;
const BANG = 0x21;
const DASH = 0x2d;
const HASH = 0x23;
const SEMICOLON = 0x3b;

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function isWordChar(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

function isIdChar(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === DOT || code === DASH;
}

const SPACE = /\s/;
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || (code > 0x7f || (code >= 0x0a && code <= 0x0d) ? SPACE.test(String.fromCharCode(code)) : false);
}

/** The first index at or after `from` where `needle` starts; remembered, so that asking again from further on costs nothing. */
class NextIndex {
  private from = -1;
  private found = -1;

  constructor(private readonly text: string, private readonly needle: string | RegExp) {}

  /** Calls must not go backwards much: each call past the remembered answer searches again from there. */
  at(from: number): number {
    if (from >= this.from && (this.found === -1 ? this.from >= 0 : this.found >= from)) return this.found;
    this.from = from;
    if (typeof this.needle === 'string') {
      this.found = this.text.indexOf(this.needle, from);
    } else {
      this.needle.lastIndex = from;
      this.found = this.needle.exec(this.text)?.index ?? -1;
    }
    return this.found;
  }
}

/**
 * Walks the text once, forward only, as the tags are met in order: the line the tag is on, whether a block
 * comment opened on an earlier line is still open, and how much of the current line is read.
 */
class CommentState {
  line = 1;
  lineStart = 0;
  /** The last character of the next line break (`\n`, the `\n` of `\r\n`, or a lone `\r`, as the editor counts lines). */
  private nextNewline: number;
  private readonly lineBreaks: NextIndex;
  // The last `/*` and `*/` before the tag (overlapping ones count: `/*/` holds both), and the next of each.
  private lastOpen = -1;
  private lastClose = -1;
  private readonly opens: NextIndex;
  private readonly closes: NextIndex;
  // Closings of block comments opened on the current line; `.` in a regex stops at these line ends too.
  private readonly lineCloses: NextIndex;
  private readonly htmlCloses: NextIndex;
  private readonly lineEnds: NextIndex;
  // The current line, read from lineStart up to `read`, with closed comments dropped: what is kept so far
  // (only its last three characters matter), and whether it already makes the rest of the line a comment.
  private read = 0;
  private kept = 0;
  private last1 = -1;
  private last2 = -1;
  private last3 = -1;
  private onlySpaces = true;
  private commented = false;

  constructor(private readonly text: string) {
    this.lineBreaks = new NextIndex(text, /\r\n?|\n/g);
    this.nextNewline = this.lineBreakEnd(0);
    this.opens = new NextIndex(text, '/*');
    this.closes = new NextIndex(text, '*/');
    this.lineCloses = new NextIndex(text, '*/');
    this.htmlCloses = new NextIndex(text, '-->');
    this.lineEnds = new NextIndex(text, /[\n\r\u2028\u2029]/g);
  }

  private lineBreakEnd(from: number): number {
    const at = this.lineBreaks.at(from);
    return at !== -1 && this.text.charCodeAt(at) === 13 && this.text.charCodeAt(at + 1) === 10 ? at + 1 : at;
  }

  moveTo(at: number): void {
    if (this.nextNewline !== -1 && this.nextNewline < at) {
      while (this.nextNewline !== -1 && this.nextNewline < at) {
        this.line++;
        this.lineStart = this.nextNewline + 1;
        this.nextNewline = this.lineBreakEnd(this.lineStart);
      }
      this.read = this.lineStart;
      this.kept = 0;
      this.last1 = this.last2 = this.last3 = -1;
      this.onlySpaces = true;
      this.commented = false;
    }
    for (let open = this.opens.at(this.lastOpen + 1); open !== -1 && open <= at; open = this.opens.at(open + 1)) this.lastOpen = open;
    for (let close = this.closes.at(this.lastClose + 1); close !== -1 && close <= at; close = this.closes.at(close + 1)) this.lastClose = close;
  }

  inComment(at: number): boolean {
    return this.lineCommentBefore(at) || this.lastOpen > this.lastClose;
  }

  /** Whether the current line before `at`, closed comments dropped, opens a comment. */
  private lineCommentBefore(at: number): boolean {
    const text = this.text;
    while (!this.commented && this.read < at) {
      const code = text.charCodeAt(this.read);
      if (code === SLASH && text.charCodeAt(this.read + 1) === STAR) {
        // A block comment closed before the tag is dropped; one still open at the tag makes it a comment.
        const end = this.closingEnd(this.lineCloses, this.read + 2, 2);
        if (end === -1) this.commented = true; // not closed on this line: nothing after it on the line is code
        if (end === -1 || end > at) return true; // closed after the tag: a later tag on the line may be past it
        this.read = end;
      } else if (code === LESS && text.startsWith('<!--', this.read)) {
        const end = this.closingEnd(this.htmlCloses, this.read + 4, 3);
        if (end === -1) this.commented = true;
        if (end === -1 || end > at) return true;
        this.read = end;
      } else {
        this.keep(code);
        this.read++;
      }
    }
    return this.commented;
  }

  /** The end of the first closing at or after `from` on this line (it cannot span a line end), or -1. */
  private closingEnd(closings: NextIndex, from: number, length: number): number {
    const closing = closings.at(from);
    if (closing === -1) return -1;
    const lineEnd = this.lineEnds.at(from);
    return lineEnd !== -1 && lineEnd < closing ? -1 : closing + length;
  }

  /** One more character of the line that is not in a closed comment: does it open a comment? */
  private keep(code: number): void {
    const afterSpace = this.kept === 0 || isSpace(this.last1);
    if ((code === SLASH || code === STAR) && this.last1 === SLASH) this.commented = true; // `//`, or `/` `/* … */` `*`
    else if (code === DASH && this.last1 === DASH && this.last2 === BANG && this.last3 === LESS) this.commented = true; // `<!--`
    else if (code === HASH && afterSpace) this.commented = true;
    else if (code === DASH && this.last1 === DASH && (this.kept === 1 || isSpace(this.last2))) this.commented = true;
    else if ((code === STAR || code === SEMICOLON) && this.onlySpaces) this.commented = true;
    this.onlySpaces = this.onlySpaces && isSpace(code);
    this.last3 = this.last2;
    this.last2 = this.last1;
    this.last1 = code;
    this.kept++;
  }
}

/** Where an id is written that is no item (it failed its schema, or has no known kind); looked up only for a tag naming no item. */
function unkeptId(model: AlignmentModel, id: string): UnkeptId | undefined {
  for (const file of model.files) for (const unkept of file.unkeptIds ?? []) if (unkept.id === id) return unkept;
  return undefined;
}

/** Tags naming an id that does not exist, or an item of another kind than the keyword says. */
export function checkTags(file: string, tags: readonly Tag[], model: AlignmentModel): Problem[] {
  const problems: Problem[] = [];
  for (const tag of tags) {
    const expected = TAG_KINDS[tag.keyword];
    const target = model.byId.get(tag.id);
    if (target?.kind === expected) continue;
    const range = { line: tag.line, column: tag.column, endLine: tag.line, endColumn: tag.endColumn };
    const unkept = target ? undefined : unkeptId(model, tag.id);
    const message = target
      ? `@${tag.keyword} expects ${article(expected)} ${expected}, but "${tag.id}" is ${article(target.kind)} ${target.kind}`
      : unkept
        ? `@${tag.keyword} names "${tag.id}", which is written at ${unkept.file}:${unkept.range.line} but is not a valid item: fix the problems there`
        : `@${tag.keyword} names "${tag.id}", but no ${expected} in .alignment/ has that id`;
    problems.push(problem(file, range, 'unknown-tag-id', message));
  }
  return problems;
}
