// "Where is it served?": the files (and lines) of the code that serve or tie to an item, for the trees'
// "In the code" group, the extension API's codeFor and `truthline where`. Pure: the caller brings the tags
// it found (the editor from its tag index, the CLI from its scan) and the repository's files.
import { fileTieTest, tieOwners } from './itemReferences';
import { isAlignmentFile } from './alignment';
import { normalizePath } from './globs';
import { isInsideRepository } from './repoPath';
import type { LoadedItem } from './load';
import type { AlignmentModel } from './model';
import { TAG_KINDS, type Tag, type TagKeyword } from './tags';

/** A comment tag found in a file: its repository-relative path and the tag. */
export interface TagHit {
  readonly path: string;
  readonly tag: Tag;
}

/** One tie inside a file: a tag naming the item, or a flag's anchored lines. 1-based lines and columns. */
export interface CodeLine {
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  /** The tag's keyword, or 'anchor' for a flag's anchored lines. */
  readonly keyword: TagKeyword | 'anchor';
}

export interface CodePlace {
  /** Repository-relative path. */
  readonly path: string;
  /** The tags naming the item (and a flag's anchor) in this file, by line. */
  readonly lines: readonly CodeLine[];
  /** True when the item's `paths` (for a request, also its features' `paths`) cover the file. */
  readonly byPaths: boolean;
}

/**
 * A repository's files by the items whose `paths` cover them, in one pass over the files: build it once per
 * model and file list, and every codeFor after it reads only the files of the item asked about. An editor
 * files them a slice at a time (`add`), so that the pass never holds its thread for the whole repository.
 */
export class RepoPathTies {
  private readonly byOwner = new Map<LoadedItem, string[]>();
  private readonly filed: string[] = [];

  constructor(readonly model: AlignmentModel, repoPaths: Iterable<string> = []) {
    this.add(repoPaths);
  }

  /** The repository's files filed so far (`.alignment/` left out), normalized. */
  get paths(): readonly string[] {
    return this.filed;
  }

  /** Files more of the repository's files. */
  add(repoPaths: Iterable<string>): void {
    for (const repoPath of repoPaths) {
      const path = normalizePath(repoPath);
      if (isAlignmentFile(path)) continue;
      this.filed.push(path);
      for (const owner of this.model.pathIndex.lookup(path)) {
        const paths = this.byOwner.get(owner);
        if (paths) paths.push(path);
        else this.byOwner.set(owner, [path]);
      }
    }
  }

  /** The files tied to `id` by paths (see tieOwners). */
  pathsOf(id: string): Set<string> {
    const paths = new Set<string>();
    for (const owner of tieOwners(this.model, id)) for (const path of this.byOwner.get(owner) ?? []) paths.add(path);
    return paths;
  }
}

/**
 * Where the item `id` is in the code, sorted by path: every file whose tags name it (with the right keyword
 * for its kind: `@serves` a request, `@risk` a risk, …), a flag's anchored file, and every file of
 * `repoPaths` its `paths` cover. Empty for an unknown id or a feature (a feature's files are its `paths`).
 */
export function codeFor(model: AlignmentModel, id: string, tagHits: Iterable<TagHit>, repoPaths: Iterable<string> | RepoPathTies): CodePlace[] {
  const entry = model.byId.get(id);
  if (!entry || entry.kind === 'feature' || entry.kind === 'decision') return [];
  const places = new Map<string, { lines: CodeLine[]; byPaths: boolean }>();
  const placeOf = (path: string): { lines: CodeLine[]; byPaths: boolean } => {
    let place = places.get(path);
    if (!place) places.set(path, (place = { lines: [], byPaths: false }));
    return place;
  };
  for (const { path, tag } of tagHits) {
    if (tag.id !== id || TAG_KINDS[tag.keyword] !== entry.kind) continue;
    placeOf(normalizePath(path)).lines.push({ line: tag.line, column: tag.column, endColumn: tag.endColumn, keyword: tag.keyword });
  }
  const anchor = entry.kind === 'flag' ? (entry as LoadedItem<'flag'>).item.anchor : undefined;
  if (anchor && isInsideRepository(anchor.path)) {
    placeOf(normalizePath(anchor.path)).lines.push({ line: anchor.startLine, column: 1, endColumn: 1, keyword: 'anchor' });
  }
  if (repoPaths instanceof RepoPathTies && repoPaths.model === model) {
    for (const path of repoPaths.pathsOf(id)) placeOf(path).byPaths = true;
  } else {
    // Plain paths, or ties built for another model (the model changed since): test each file.
    const isTied = fileTieTest(model, id);
    for (const repoPath of repoPaths instanceof RepoPathTies ? repoPaths.paths : repoPaths) {
      const path = normalizePath(repoPath);
      if (!isAlignmentFile(path) && isTied(path)) placeOf(path).byPaths = true;
    }
  }
  return [...places]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, place]) => ({ path, byPaths: place.byPaths, lines: uniqueLines(place.lines) }));
}

function uniqueLines(lines: readonly CodeLine[]): CodeLine[] {
  const seen = new Set<string>();
  return [...lines]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((line) => {
      const key = `${line.line}:${line.column}:${line.keyword}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
