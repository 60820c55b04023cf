// `files.exclude` and `search.exclude` entries with a `when` clause, as VS Code's search reads them:
// `"**/*.js": { "when": "$(basename).ts" }` hides `a/b.js` only while `a/b.ts` exists. A listing cannot pass
// such an entry to findFiles; the listed paths are filtered here instead.
import picomatch from 'picomatch';
import { checkGlobPattern } from './globs';

export interface SiblingExclude {
  /** The glob of the files it may hide, relative to the workspace folder. */
  readonly pattern: string;
  /** The sibling's name; `$(basename)` stands for the file's name without its extension. */
  readonly when: string;
}

const BASENAME = /\$\(basename\)/g;

/** The settings' entries that are `{ when: "…" }` clauses (`true` and `false` entries are not). */
export function siblingExcludesOf(settings: Readonly<Record<string, unknown>>): SiblingExclude[] {
  const found: SiblingExclude[] = [];
  for (const [pattern, value] of Object.entries(settings)) {
    const when = (value as { when?: unknown } | null)?.when;
    // A pattern the glob check refuses (too costly to match, or broken) hides nothing, as in a search that cannot run it.
    if (typeof value === 'object' && typeof when === 'string' && when.length > 0 && checkGlobPattern(pattern) === undefined) found.push({ pattern, when });
  }
  return found;
}

/** The paths (repository-relative, forward slashes) a clause hides: those matching its glob whose sibling is listed too. */
export function hiddenBySiblings(paths: readonly string[], excludes: readonly SiblingExclude[]): Set<string> {
  const hidden = new Set<string>();
  if (excludes.length === 0) return hidden;
  const listed = new Set(paths);
  const matchers = excludes.map((exclude) => ({ matches: picomatch(exclude.pattern, { dot: true }), when: exclude.when }));
  for (const path of paths) {
    for (const { matches, when } of matchers) {
      if (matches(path) && listed.has(siblingOf(path, when))) {
        hidden.add(path);
        break;
      }
    }
  }
  return hidden;
}

/** Whether a file of this path coming or going can hide or uncover another: its name is some clause's sibling name. */
export function maySiblingOf(path: string, excludes: readonly SiblingExclude[]): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return excludes.some((exclude) => new RegExp(`^${exclude.when.split(BASENAME).map(escapeRegExp).join('.+')}$`).test(name));
}

function siblingOf(path: string, when: string): string {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  return `${path.slice(0, slash + 1)}${when.replace(BASENAME, () => base)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
