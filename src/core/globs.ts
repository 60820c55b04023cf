// CODEOWNERS-like path patterns, compiled once.
//  - `*.ts`, `docs`        no "/" (but a trailing one): matches at any depth
//  - `/src/app.ts`, `src/api/*.ts`   a "/" at the start or in the middle: anchored at the repository root
//  - `src/payments/`, `src/payments` a pattern naming a folder covers everything below it
//  - `**` any number of folders, `*` and `?` within one name, `{a,b}` alternatives
//  - `!pattern`            excludes; among a list, the last matching pattern wins (as in .gitignore)
import picomatch from 'picomatch';
import { errorMessage } from './errors';

/**
 * Where a pattern can be found without testing it against every path:
 * - folder: anchored under this literal folder ('' = could match anywhere)
 * - segment: unanchored literal name (`docs`), matches when a path segment equals it
 * - tail: unanchored name ending in a literal (`*.spec.ts` -> `.spec.ts`), matches when a segment ends with it
 */
export type GlobKey = { type: 'folder'; value: string } | { type: 'segment'; value: string } | { type: 'tail'; value: string };

export interface CompiledGlob {
  readonly pattern: string;
  readonly negated: boolean;
  readonly key: GlobKey;
  readonly test: (path: string) => boolean;
  /** Why the pattern cannot be used (see checkGlobPattern); such a pattern matches nothing and is not indexed. */
  readonly error?: string;
}

/**
 * The longest pattern accepted. picomatch refuses 65,536 characters, but long before that its parser takes
 * quadratic time (4,000 unclosed "(" take seconds) and V8 refuses the regular expression it makes (a stack
 * overflow from about 15,000 characters of "[a]"). No real path pattern comes near 1,024 characters.
 */
export const MAX_GLOB_LENGTH = 1024;
/**
 * How much backtracking a pattern may cost when a path does not match it. Measured on paths built to be
 * the worst case for each pattern (a 250-character name, or 150 folders), the regular expression tries:
 * - every combination of its "{…}" and "(…)" groups (alternations): 38 "{,}" take hours on one path;
 * - every way of splitting the path among its "*" and "**" wildcards, which grows with the power of their
 *   number: four take seconds, three take 30 to 60 ms;
 * - and both at once: three wildcards and three groups take 400 ms, two wildcards and six groups 50 ms.
 * A pattern may have at most 8 groups and 3 wildcards (consecutive stars count once), and groups plus four
 * times wildcards at most 14. Real patterns are far below: "*.{ts,tsx}" below "src/**" has one group and two wildcards.
 */
export const MAX_GLOB_GROUPS = 8;
export const MAX_GLOB_WILDCARDS = 3;
const GLOB_COST_BUDGET = 14;
const WILDCARD_COST = 4;

const OPTIONS: picomatch.PicomatchOptions = { dot: true };
/** `debug` makes picomatch throw a pattern's regular expression error instead of silently matching nothing. */
const STRICT_OPTIONS: picomatch.PicomatchOptions = { ...OPTIONS, debug: true };
const WILDCARD = /[*?[\]{}()!+@]/;
/** Patterns without brackets, braces or parentheses (nearly all of them) always compile: they are not compiled twice to check. */
const ORDINARY = /^[^()[\]{}]*$/;
const MIN_TAIL = 2;
/** Only these make a pattern's matching cost more than its length: wildcards and groups. */
const MAY_COST = /[*{(+]/;

/**
 * Whether a `paths` pattern can be used, and if not why, in words for the person who wrote it: a pattern
 * that would take too long to compile or to match (too long, too many groups or wildcards, a repeated
 * group), or one the glob compiler or the regular expression engine refuses (such as `a{b`, whose unclosed
 * brace picomatch would otherwise turn into a pattern that silently matches nothing, or the range `[z-a]`).
 * Cheap for ordinary patterns: one pass over the characters; only patterns with brackets, braces or
 * parentheses are compiled to find out more.
 */
export function checkGlobPattern(raw: string): string | undefined {
  return refusal(raw) ?? (ORDINARY.test(raw) ? undefined : compileGlob(raw).error);
}

/**
 * Every pattern is compiled once and kept: an editor rebuilds the model on every change with the same
 * patterns (2,000 features' globs took ~45 ms of each 10k-item rebuild), and the schema checks a pattern
 * before the index compiles it. Compiled globs are immutable, so models share them.
 */
const compiledGlobs = new Map<string, CompiledGlob>();
/** Past this many distinct patterns the cache starts again (a repository has far fewer). */
const MAX_CACHED = 50_000;

export function compileGlob(raw: string): CompiledGlob {
  let glob = compiledGlobs.get(raw);
  if (!glob) {
    glob = compileFresh(raw);
    if (compiledGlobs.size >= MAX_CACHED) compiledGlobs.clear();
    compiledGlobs.set(raw, glob);
  }
  return glob;
}

function compileFresh(raw: string): CompiledGlob {
  const refused = refusal(raw);
  if (refused !== undefined) return unusable(raw, refused);
  // Patterns with groups are compiled strictly, to find out whether they can be.
  const compiled = compileOrExplain(raw, ORDINARY.test(raw) ? OPTIONS : STRICT_OPTIONS);
  return compiled.error === undefined ? compiled.glob : unusable(raw, compiled.error);
}

/** What makes a pattern unusable before compiling it: compiling or matching it could take too long. */
function refusal(raw: string): string | undefined {
  if (raw.length > MAX_GLOB_LENGTH) {
    return `the pattern is ${count(raw.length)} characters long, and a pattern may have at most ${count(MAX_GLOB_LENGTH)}: split it into shorter patterns`;
  }
  if (!MAY_COST.test(raw)) return undefined;
  const pattern = raw.startsWith('!') ? raw.slice(1) : raw;
  let groups = 0;
  let wildcards = 0;
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at];
    if (char === '[') {
      const close = pattern.indexOf(']', at + 2);
      if (close !== -1) at = close; // a class matches one character: nothing inside it repeats
    } else if (char === '*') {
      if (pattern[at + 1] === '(') {
        return 'the pattern repeats a group with "*(…)", which can make matching take exponential time: write the alternatives out with "{a,b}", or use "*"';
      }
      if (pattern[at - 1] !== '*') wildcards++;
    } else if (char === '+' && pattern[at + 1] === '(') {
      return 'the pattern repeats a group with "+(…)", which can make matching take exponential time: write the alternatives out with "{a,b}", or use "*"';
    } else if (char === '{' || char === '(') {
      groups++;
    }
  }
  if (groups > MAX_GLOB_GROUPS) {
    return `the pattern has ${count(groups)} "{…}" and "(…)" groups, and a pattern may have at most ${MAX_GLOB_GROUPS} (matching takes time exponential in their number): split it into several patterns`;
  }
  if (wildcards > MAX_GLOB_WILDCARDS) {
    return `the pattern has ${count(wildcards)} "*" and "**" wildcards, and a pattern may have at most ${MAX_GLOB_WILDCARDS} (matching takes time that grows with the power of their number): name more of the folders, or split it into several patterns`;
  }
  if (groups + WILDCARD_COST * wildcards > GLOB_COST_BUDGET) {
    return `the pattern has ${groups} "{…}" and "(…)" groups and ${wildcards} "*" and "**" wildcards: together they could make matching take seconds; use fewer groups or wildcards, or split it into several patterns`;
  }
  return undefined;
}

function compileOrExplain(raw: string, options = STRICT_OPTIONS): { glob: CompiledGlob; error?: undefined } | { error: string } {
  try {
    return { glob: compile(raw, options) };
  } catch (error) {
    return { error: explain(raw, error) };
  }
}

function compile(raw: string, options: picomatch.PicomatchOptions): CompiledGlob {
  const negated = raw.startsWith('!');
  let pattern = (negated ? raw.slice(1) : raw).trim().replace(/\\/g, '/');
  const folderOnly = pattern.endsWith('/');
  pattern = pattern.replace(/\/+$/, '');
  const anchored = pattern.startsWith('/') || pattern.includes('/');
  // `./src` is `/src`: strip the prefix so the pattern is filed under the literal folder ('src') paths have.
  pattern = pattern.replace(/^(\.?\/+)+/, '');
  const key = anchored ? { type: 'folder' as const, value: literalBase(pattern) } : unanchoredKey(pattern);
  if (!anchored && !pattern.startsWith('**')) pattern = `**/${pattern}`;
  // Plain RegExps: picomatch's matcher functions cost microseconds a call, a RegExp test a fraction of that.
  const below = regExp(`${pattern}/**`, options);
  const self = folderOnly || pattern === '' ? undefined : regExp(pattern, options);
  // A pattern also covers everything below what it names, so `src/payments` covers `src/payments/x.ts`.
  const test = self ? (path: string) => self.test(path) || below.test(path) : (path: string) => below.test(path);
  return { pattern: raw, negated, key, test };
}

function regExp(pattern: string, options: picomatch.PicomatchOptions): RegExp {
  const compiled = picomatch.makeRe(pattern, options);
  // V8 compiles a regular expression when it first runs it, and only then says it is too large: run it now.
  if (options.debug) compiled.test('');
  return compiled;
}

function unusable(raw: string, error: string): CompiledGlob {
  return { pattern: raw, negated: raw.startsWith('!'), key: { type: 'folder', value: '' }, test: () => false, error };
}

/** The reason the compiler gave, and where to look in the pattern. */
function explain(raw: string, error: unknown): string {
  const message = errorMessage(error);
  // V8: "Invalid regular expression: /<the whole expression>/: Range out of order in character class".
  const reason = error instanceof RangeError ? 'it nests too deeply' : (message.slice(message.lastIndexOf('/: ') + 1).replace(/^[:\s]+/, '') || message);
  const unclosed = unclosedGroup(raw);
  const hint = unclosed !== undefined
    ? `the "${unclosed.char}" at character ${unclosed.at + 1} is never closed: close it with "${CLOSERS[unclosed.char]}", or write "[${unclosed.char}]" for a literal "${unclosed.char}"`
    : 'check its "[...]" ranges, "{...}" alternatives and "(...)" groups';
  return `the pattern cannot be compiled (${reason.charAt(0).toLowerCase()}${reason.slice(1)}): ${hint}`;
}

const CLOSERS: Record<string, string> = { '{': '}', '(': ')', '[': ']' };

/** The first "{", "(" or "[" that nothing closes (a backslash is a path separator here, not an escape). */
function unclosedGroup(raw: string): { char: string; at: number } | undefined {
  const open: Record<string, number[]> = { '{': [], '(': [], '[': [] };
  for (let at = 0; at < raw.length; at++) {
    const char = raw[at] as string;
    if (char in open) open[char]?.push(at);
    else if (char === '}') open['{']?.pop();
    else if (char === ')') open['(']?.pop();
    else if (char === ']') open['[']?.pop();
  }
  let first: { char: string; at: number } | undefined;
  for (const [char, positions] of Object.entries(open)) {
    const at = positions[0];
    if (at !== undefined && (first === undefined || at < first.at)) first = { char, at };
  }
  return first;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function literalBase(pattern: string): string {
  // A fully literal pattern (`src/payments`) is filed under itself: it names one file or folder.
  if (!WILDCARD.test(pattern)) return pattern;
  const literal: string[] = [];
  for (const segment of pattern.split('/').slice(0, -1)) {
    if (WILDCARD.test(segment)) break;
    literal.push(segment);
  }
  return literal.join('/');
}

function unanchoredKey(name: string): GlobKey {
  if (!WILDCARD.test(name)) return { type: 'segment', value: name };
  const tail = name.slice(lastWildcard(name) + 1);
  return tail.length >= MIN_TAIL ? { type: 'tail', value: tail } : { type: 'folder', value: '' };
}

function lastWildcard(name: string): number {
  let last = -1;
  for (let i = 0; i < name.length; i++) if (WILDCARD.test(name[i] as string)) last = i;
  return last;
}

/** Whether the last matching pattern of the list is a positive one. */
export function matchesGlobList(globs: readonly CompiledGlob[], path: string): boolean {
  for (let i = globs.length - 1; i >= 0; i--) {
    const glob = globs[i] as CompiledGlob;
    if (glob.test(path)) return !glob.negated;
  }
  return false;
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
}

/** Characters a pattern reads as wildcards, classes, alternatives or groups. */
const GLOB_SPECIAL = /[*?[\]{}()]/g;

/**
 * The pattern that names exactly this repository-relative file or folder (a folder ends with "/"): each
 * wildcard character, and a leading "!" (an exclusion), is written as a class of itself (`app/[[]slug[]]/`
 * for the folder `app/[slug]`), and a name without a "/" inside is anchored at the root (`/Makefile`, not
 * every Makefile at any depth).
 */
export function literalGlob(path: string): string {
  const folder = path.endsWith('/');
  const name = normalizePath(path).replace(/\/+$/, '');
  const escaped = name.replace(GLOB_SPECIAL, (char) => `[${char}]`).replace(/^!/, '[!]');
  const anchored = name.includes('/') ? escaped : `/${escaped}`;
  return folder ? `${anchored}/` : anchored;
}
