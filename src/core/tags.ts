// Comment tags tie code to items: `// @serves CR-101`, `# @risk R-12`, `/* @assumes A-3, A-4 */`.
// Text in, tags with positions out; any language whose comments start with //, #, /*, --, <!--, or a line
// starting with * or ;.
import type { AlignmentModel } from './model';
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

const ID = '[A-Za-z][A-Za-z0-9_.-]*';
const TAG = new RegExp(`(?<![\\w@])@(${TAG_KEYWORDS.join('|')})[ \\t]+(${ID}(?:[ \\t]*,[ \\t]*${ID})*)`, 'g');
const ID_IN_LIST = new RegExp(ID, 'g');
// `;` starts a comment only at the start of a line: elsewhere it ends a statement (`f(); g("@risk R-1")`).
// `#` and `--` open a comment only at the start of a line or after a space: not in "#fff", this.#x or i--.
const LINE_COMMENT = /(\/\/|\/\*|<!--|(^|\s)(#|--)|^\s*[*;])/;
/** Block comments opened and closed before the tag on its line: the tag is after them, in code. */
const CLOSED_COMMENTS = /\/\*.*?\*\/|<!--.*?-->/g;

export function scanTags(text: string): Tag[] {
  const tags: Tag[] = [];
  if (!text.includes('@')) return tags;
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  for (const match of text.matchAll(TAG)) {
    const at = match.index;
    // Advance the line count only as far as this match: cheap on files with few tags.
    for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    counted = Math.max(counted, lineStart);
    if (!inComment(text, lineStart, at)) continue;
    const keyword = match[1] as TagKeyword;
    const list = match[2] as string;
    const listStart = at + match[0].length - list.length;
    for (const idMatch of list.matchAll(ID_IN_LIST)) {
      const id = idMatch[0].replace(/[.]+$/, ''); // "see @risk R-12." ends a sentence, not the id
      const column = listStart + idMatch.index - lineStart + 1;
      tags.push({ keyword, id, line, tagColumn: at - lineStart + 1, column, endColumn: column + id.length });
    }
  }
  return tags;
}

function inComment(text: string, lineStart: number, at: number): boolean {
  if (LINE_COMMENT.test(text.slice(lineStart, at).replace(CLOSED_COMMENTS, ''))) return true;
  // Inside a block comment opened on an earlier line.
  return text.lastIndexOf('/*', at) > text.lastIndexOf('*/', at);
}

/** Tags naming an id that does not exist, or an item of another kind than the keyword says. */
export function checkTags(file: string, tags: readonly Tag[], model: AlignmentModel): Problem[] {
  const problems: Problem[] = [];
  for (const tag of tags) {
    const expected = TAG_KINDS[tag.keyword];
    const target = model.byId.get(tag.id);
    if (target?.kind === expected) continue;
    const range = { line: tag.line, column: tag.column, endLine: tag.line, endColumn: tag.endColumn };
    const message = target
      ? `@${tag.keyword} expects ${article(expected)} ${expected}, but "${tag.id}" is ${article(target.kind)} ${target.kind}`
      : `@${tag.keyword} names "${tag.id}", but no ${expected} in .alignment/ has that id`;
    problems.push(problem(file, range, 'unknown-tag-id', message));
  }
  return problems;
}
