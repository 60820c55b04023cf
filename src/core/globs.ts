// CODEOWNERS-like path patterns, compiled once.
//  - `*.ts`, `docs`        no "/" (but a trailing one): matches at any depth
//  - `/src/app.ts`, `src/api/*.ts`   a "/" at the start or in the middle: anchored at the repository root
//  - `src/payments/`, `src/payments` a pattern naming a folder covers everything below it
//  - `**` any number of folders, `*` and `?` within one name, `{a,b}` alternatives
//  - `!pattern`            excludes; among a list, the last matching pattern wins (as in .gitignore)
import picomatch from 'picomatch';

export interface CompiledGlob {
  readonly pattern: string;
  readonly negated: boolean;
  /** The literal folder the pattern is anchored under ('' when it can match anywhere): used to index patterns. */
  readonly baseDir: string;
  readonly test: (path: string) => boolean;
}

const OPTIONS: picomatch.PicomatchOptions = { dot: true };

export function compileGlob(raw: string): CompiledGlob {
  const negated = raw.startsWith('!');
  let pattern = (negated ? raw.slice(1) : raw).trim().replace(/\\/g, '/');
  const directoryOnly = pattern.endsWith('/');
  pattern = pattern.replace(/\/+$/, '');
  const anchored = pattern.startsWith('/') || pattern.includes('/');
  // `./src` is `/src`: strip the prefix so the literal base folder ('src') is where paths are filed.
  pattern = pattern.replace(/^(\.?\/+)+/, '');
  if (!anchored && !pattern.startsWith('**')) pattern = `**/${pattern}`;
  // A pattern also covers everything below what it names, so `src/payments` covers `src/payments/x.ts`.
  const self = picomatch(pattern, OPTIONS);
  const below = picomatch(`${pattern}/**`, OPTIONS);
  const test = directoryOnly ? below : (path: string) => self(path) || below(path);
  return { pattern: raw, negated, baseDir: anchored ? literalBase(pattern) : '', test };
}

function literalBase(pattern: string): string {
  const segments = pattern.split('/');
  const literal: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    literal.push(segment);
  }
  return literal.join('/');
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
