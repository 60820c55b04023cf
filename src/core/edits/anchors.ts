// Anchors follow the code. A flag stores the lines it is about and their text; when lines are inserted
// above, or the function moves within the file, the stored text is found again; when it is gone, the flag
// has drifted and says so (a warning at the flag's anchor, with the way to re-anchor it).
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../model';
import { CommandTitles } from '../commandTitles';
import { normalizePath } from '../globs';
import { isOpenFlag } from '../reality';
import { problem, type Problem } from '../problems';
import type { Anchor } from '../schemas';

/**
 * exact: the stored lines still hold the stored text. moved: the text is found elsewhere (lines inserted
 * above, code moved or re-indented). changed: most of the text is found together, some lines were edited.
 * unverified: the anchor stores no text to compare. drifted: the text (or the whole file) is gone.
 */
export type AnchorState = 'exact' | 'moved' | 'changed' | 'unverified' | 'drifted';

export interface AnchorLocation {
  state: AnchorState;
  /** 1-based lines where the anchored code is now; the stored lines when it drifted. */
  startLine: number;
  endLine: number;
  /** Why it drifted. */
  reason?: 'file-missing' | 'text-gone' | 'beyond-end';
}

/** A share of the stored lines (only lines long enough to tell code apart count) found together still anchors. */
const CHANGED_THRESHOLD = 0.6;
const SIGNIFICANT_LENGTH = 4;
/** Long selections are anchored by their first lines; the stored line span stays whole. */
export const MAX_ANCHOR_TEXT_LINES = 40;

/** The anchor of lines `startLine`..`endLine` (1-based, inclusive) of a file's text. */
export function anchorOf(path: string, text: string, startLine: number, endLine: number): Anchor {
  const lines = splitLines(text);
  const first = clamp(Math.min(startLine, endLine), 1, lines.length);
  const last = clamp(Math.max(startLine, endLine), first, lines.length);
  const excerpt = lines.slice(first - 1, Math.min(last, first + MAX_ANCHOR_TEXT_LINES - 1)).map((line) => line.replace(/\s+$/, ''));
  return { path: normalizePath(path), startLine: first, endLine: last, text: excerpt.join('\n') };
}

/** Where the anchored code is in `text` now; `text` undefined means the file no longer exists. */
export function relocateAnchor(anchor: Anchor, text: string | undefined): AnchorLocation {
  const span = anchor.endLine - anchor.startLine;
  const stored = { startLine: anchor.startLine, endLine: anchor.endLine };
  if (text === undefined) return { state: 'drifted', ...stored, reason: 'file-missing' };
  const lines = splitLines(text);
  const wanted = anchor.text === undefined ? [] : splitLines(anchor.text.replace(/\r?\n$/, ''));
  if (wanted.every((line) => line.trim() === '')) {
    return anchor.startLine > lines.length ? { state: 'drifted', ...stored, reason: 'beyond-end' } : { state: 'unverified', ...stored };
  }
  const located = (state: AnchorState, start: number): AnchorLocation => ({ state, startLine: start, endLine: start + Math.max(span, wanted.length - 1) });

  const trimmedEnd = (line: string): string => line.replace(/\s+$/, '');
  if (matchesAt(lines, wanted, anchor.startLine, trimmedEnd)) return located('exact', anchor.startLine);
  const moved = nearestMatch(lines, wanted, anchor.startLine, trimmedEnd) ?? nearestMatch(lines, wanted, anchor.startLine, squashed);
  if (moved !== undefined) return located('moved', moved);
  const changed = bestPartialMatch(lines, wanted, anchor.startLine);
  if (changed !== undefined) return located('changed', changed);
  return { state: 'drifted', ...stored, reason: 'text-gone' };
}

export interface AnchorCheck {
  /** Every anchored flag whose file was given, by flag id. */
  locations: Map<string, AnchorLocation>;
  /** `anchor-drifted` warnings for flags not yet resolved, at the flag's anchor in its YAML file. */
  problems: Problem[];
}

/**
 * Relocates the anchors of the model's flags in the given source files (repository-relative path ->
 * text, or undefined for a file that no longer exists). Flags anchored in files not given are skipped.
 */
export function checkAnchors(model: AlignmentModel, sources: ReadonlyMap<string, string | undefined>): AnchorCheck {
  const locations = new Map<string, AnchorLocation>();
  const problems: Problem[] = [];
  const byPath = new Map<string, string | undefined>();
  for (const [path, text] of sources) byPath.set(normalizePath(path), text);
  for (const flag of model.byKind.flag) {
    const anchor = flag.item.anchor;
    if (!anchor) continue;
    const path = normalizePath(anchor.path);
    if (!byPath.has(path)) continue;
    const location = relocateAnchor(anchor, byPath.get(path));
    locations.set(flag.id, location);
    if (location.state === 'drifted' && isOpenFlag(flag)) problems.push(driftProblem(flag, anchor, location));
  }
  return { locations, problems };
}

/** Repository-relative paths of the files the model's flags are anchored in. */
export function anchoredPaths(model: AlignmentModel): string[] {
  const paths = new Set<string>();
  for (const flag of model.byKind.flag) if (flag.item.anchor) paths.add(normalizePath(flag.item.anchor.path));
  return [...paths].sort();
}

function driftProblem(flag: LoadedItem<'flag'>, anchor: Anchor, location: AnchorLocation): Problem {
  const range = flag.locate(['anchor', 'path']) ?? flag.locate(['anchor']) ?? flag.range;
  const lines = anchor.startLine === anchor.endLine ? `line ${anchor.startLine}` : `lines ${anchor.startLine}-${anchor.endLine}`;
  const excerpt = firstCodeLine(anchor.text);
  const what = location.reason === 'file-missing'
    ? `${anchor.path} no longer exists`
    : location.reason === 'beyond-end'
      ? `${anchor.path} no longer has ${lines}`
      : `the code it was anchored to (${lines} of ${anchor.path}${excerpt ? `: "${excerpt}"` : ''}) is no longer there`;
  return problem(flag.file, range, 'anchor-drifted', `${flag.id} has drifted: ${what}; select the code it is about and run "${CommandTitles.reanchorFlag}"`);
}

function firstCodeLine(text: string | undefined): string {
  const line = text?.split('\n').map((candidate) => candidate.trim()).find((candidate) => candidate.length > 0) ?? '';
  return line.length > 60 ? `${line.slice(0, 60).replace(/\s+\S*$/, '')}…` : line;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  // A final newline ends the last line; it does not start another.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

function squashed(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

function matchesAt(lines: readonly string[], wanted: readonly string[], start: number, normalize: (line: string) => string): boolean {
  if (start < 1 || start - 1 + wanted.length > lines.length) return false;
  return wanted.every((line, index) => normalize(lines[start - 1 + index] as string) === normalize(line));
}

/** The 1-based start nearest to `preferred` where every wanted line matches, if any. */
function nearestMatch(lines: readonly string[], wanted: readonly string[], preferred: number, normalize: (line: string) => string): number | undefined {
  const first = normalize(wanted[0] as string);
  let best: number | undefined;
  for (let index = 0; index + wanted.length <= lines.length; index++) {
    if (normalize(lines[index] as string) !== first) continue;
    const start = index + 1;
    if (!matchesAt(lines, wanted, start, normalize)) continue;
    if (best === undefined || Math.abs(start - preferred) < Math.abs(best - preferred)) best = start;
  }
  return best;
}

/**
 * The start where most of the wanted lines are found in order at their offsets: each distinctive line
 * found at line L votes for start L - its index. Short lines (`}`, `return;`) match everywhere; they do
 * not vote.
 */
function bestPartialMatch(lines: readonly string[], wanted: readonly string[], preferred: number): number | undefined {
  const significant = wanted.map(squashed).map((line, index) => ({ line, index })).filter(({ line }) => line.length >= SIGNIFICANT_LENGTH);
  if (significant.length < 2) return undefined;
  const where = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const key = squashed(line);
    if (key.length < SIGNIFICANT_LENGTH) return;
    const list = where.get(key);
    if (list) list.push(index + 1);
    else where.set(key, [index + 1]);
  });
  const votes = new Map<number, number>();
  for (const { line, index } of significant) {
    for (const found of where.get(line) ?? []) {
      const start = found - index;
      if (start >= 1) votes.set(start, (votes.get(start) ?? 0) + 1);
    }
  }
  let best: number | undefined;
  let bestVotes = Math.ceil(significant.length * CHANGED_THRESHOLD) - 1;
  for (const [start, count] of votes) {
    if (count > bestVotes || (count === bestVotes && best !== undefined && Math.abs(start - preferred) < Math.abs(best - preferred))) {
      best = start;
      bestVotes = count;
    }
  }
  return best;
}
