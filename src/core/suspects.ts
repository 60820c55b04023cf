// Suspect truths: a status written once ("validated", "mitigated", "Security: go") that the code it is about
// has moved past. A status is suspect when a file directly tied to its item (the item's own `paths`, or a
// comment tag naming it; not through its feature, which would make everything suspect) changed after the
// status line was last written or the item was last reviewed (`reviewedAt`, whose line counts as written
// when it was). Pure: git's answers (blame of the status lines, each file's last change) come in as data.
import { codeFor, RepoPathTies, type TagHit } from './codeFor';
import type { LoadedItem, YamlPath } from './load';
import type { AlignmentModel } from './model';
import { problem, type Problem, type SourceRange } from './problems';

/** A commit and when it was made (Unix seconds); the working tree's uncommitted state has no commit. */
export interface Stamp {
  readonly commit: string | undefined;
  readonly time: number;
}

export interface SuspectInput {
  /** When a line of an `.alignment/` file was last written (git blame), by repository path and 1-based line. */
  readonly writtenAt: (file: string, line: number) => Stamp | undefined;
  /** When each repository file last changed: its latest commit, or now when the working tree has it modified. */
  readonly changedAt: ReadonlyMap<string, Stamp>;
  /** The comment tags found in the repository's files. */
  readonly tags: Iterable<TagHit>;
  /** The repository's files, for the items' `paths`. */
  readonly repoFiles: Iterable<string> | RepoPathTies;
}

/** A status that may no longer be true: what it says, where and when it was written, and what changed since. */
export interface SuspectStatus {
  readonly entry: LoadedItem;
  /** "validated", "mitigated", "Security: go". */
  readonly status: string;
  /** For a gate's call: which gate of the milestone (0-based). */
  readonly gateIndex?: number;
  /** The status value (or the gate's call) in the item's file. */
  readonly range: SourceRange;
  /** When the status was last confirmed: the later of its line's and `reviewedAt`'s last change. */
  readonly written: Stamp;
  /** The tied files changed after it, latest first. */
  readonly changed: readonly { readonly path: string; readonly stamp: Stamp }[];
}

/** A status worth watching: one that says something is settled. */
interface Claim {
  readonly status: string;
  readonly at: YamlPath;
  readonly reviewedAt: YamlPath;
  readonly gateIndex?: number;
}

function claimsOf(entry: LoadedItem): Claim[] {
  switch (entry.kind) {
    case 'assumption': {
      const { status } = (entry as LoadedItem<'assumption'>).item;
      return status === 'validated' || status === 'invalidated' ? [{ status, at: ['status'], reviewedAt: ['reviewedAt'] }] : [];
    }
    case 'risk': {
      const { status } = (entry as LoadedItem<'risk'>).item;
      return status === 'mitigated' || status === 'retired' ? [{ status, at: ['status'], reviewedAt: ['reviewedAt'] }] : [];
    }
    case 'milestone':
      return ((entry as LoadedItem<'milestone'>).item.gates ?? []).flatMap((gate, index) =>
        gate.call === 'go' || gate.call === 'no-go' ? [{ status: `${gate.role}: ${gate.call}`, at: ['gates', index, 'call'], reviewedAt: ['gates', index, 'reviewedAt'], gateIndex: index }] : []);
    default:
      return [];
  }
}

/** Whether any item has a status worth checking: when none has, git need not be asked at all. */
export function hasSettledStatuses(model: AlignmentModel): boolean {
  return model.items.some((entry) => claimsOf(entry).length > 0);
}

/** The `.alignment/` files holding settled statuses: the files to blame. */
export function filesWithSettledStatuses(model: AlignmentModel): string[] {
  return [...new Set(model.items.filter((entry) => claimsOf(entry).length > 0).map((entry) => entry.file))].sort();
}

export function suspectStatuses(model: AlignmentModel, input: SuspectInput): SuspectStatus[] {
  const ties = input.repoFiles instanceof RepoPathTies && input.repoFiles.model === model ? input.repoFiles : new RepoPathTies(model, input.repoFiles instanceof RepoPathTies ? input.repoFiles.paths : input.repoFiles);
  // Tags by id, once: codeFor then reads only the tags of the item asked about.
  const tagsById = new Map<string, TagHit[]>();
  for (const hit of input.tags) {
    const list = tagsById.get(hit.tag.id);
    if (list) list.push(hit);
    else tagsById.set(hit.tag.id, [hit]);
  }
  // Files changed but gone now (deleted since, in a commit or the working tree) still tie by paths.
  const changedTies = new RepoPathTies(model, input.changedAt.keys());
  const suspects: SuspectStatus[] = [];
  for (const entry of model.items) {
    const claims = claimsOf(entry);
    if (claims.length === 0) continue;
    const tied = [...new Set([...codeFor(model, entry.id, tagsById.get(entry.id) ?? [], ties).map((place) => place.path), ...changedTies.pathsOf(entry.id)])];
    if (tied.length === 0) continue;
    for (const claim of claims) {
      const range = entry.locate(claim.at);
      if (!range) continue;
      const written = later(input.writtenAt(entry.file, range.line), reviewLine(entry, claim, input));
      if (!written) continue;
      const changed = tied
        .map((path) => ({ path, stamp: input.changedAt.get(path) }))
        .filter((change): change is { path: string; stamp: Stamp } => change.stamp !== undefined && change.stamp.time > written.time)
        .sort((a, b) => b.stamp.time - a.stamp.time || (a.path < b.path ? -1 : 1));
      if (changed.length > 0) suspects.push({ entry, status: claim.status, ...(claim.gateIndex === undefined ? {} : { gateIndex: claim.gateIndex }), range, written, changed });
    }
  }
  return suspects;
}

function reviewLine(entry: LoadedItem, claim: Claim, input: SuspectInput): Stamp | undefined {
  const range = entry.locate(claim.reviewedAt);
  return range ? input.writtenAt(entry.file, range.line) : undefined;
}

function later(a: Stamp | undefined, b: Stamp | undefined): Stamp | undefined {
  if (!a || !b) return a ?? b;
  return b.time > a.time ? b : a;
}

const MAX_NAMED_FILES = 3;

/** A `suspect` warning at each status: what it says, since when, and which files changed after. */
export function suspectProblems(suspects: readonly SuspectStatus[]): Problem[] {
  return suspects.map((suspect) => {
    const named = suspect.changed.slice(0, MAX_NAMED_FILES).map(({ path, stamp }) => `${path} (${stampText(stamp)})`);
    const more = suspect.changed.length - named.length;
    return problem(suspect.entry.file, suspect.range, 'suspect',
      `${suspect.entry.id} says "${suspect.status}" since ${stampText(suspect.written)}, but code tied to it changed after: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}. ` +
      'Check that it still holds, then confirm it (reviewedAt: today) or change it.');
  });
}

/** "2026-11-12, a1b2c3d", or "uncommitted" for the working tree. */
export function stampText(stamp: Stamp): string {
  const day = new Date(stamp.time * 1000).toISOString().slice(0, 10);
  return stamp.commit ? `${day}, ${stamp.commit.slice(0, 7)}` : `uncommitted, ${day}`;
}
