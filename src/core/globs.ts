// CODEOWNERS-like path patterns, compiled once.
//  - `*.ts`, `docs`        no "/" (but a trailing one): matches at any depth
//  - `/src/app.ts`, `src/api/*.ts`   a "/" at the start or in the middle: anchored at the repository root
//  - `src/payments/`, `src/payments` a pattern naming a folder covers everything below it
//  - `**` any number of folders, `*` and `?` within one name, `{a,b}` alternatives
//  - `!pattern`            excludes; among a list, the last matching pattern wins (as in .gitignore)
import picomatch from 'picomatch';

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
}

const OPTIONS: picomatch.PicomatchOptions = { dot: true };
const WILDCARD = /[*?[\]{}()!+@]/;
const MIN_TAIL = 2;

export function compileGlob(raw: string): CompiledGlob {
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
  const below = picomatch.makeRe(`${pattern}/**`, OPTIONS);
  const self = folderOnly ? undefined : picomatch.makeRe(pattern, OPTIONS);
  // A pattern also covers everything below what it names, so `src/payments` covers `src/payments/x.ts`.
  const test = self ? (path: string) => self.test(path) || below.test(path) : (path: string) => below.test(path);
  return { pattern: raw, negated, key, test };
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
