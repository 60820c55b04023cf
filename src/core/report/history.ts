// `.alignment/` through git history, as data: the caller reads git (the CLI, or an editor's git API) and
// hands over, per commit, the folder's files; core parses each distinct file version once and gives the
// reported status of every feature at every commit, and the whole model where a trend point needs it.
import { buildModel, type AlignmentModel } from '../model';
import { parseAlignmentFile, type FileParse } from '../load';
import type { Feature } from '../schemas';
import { dayOf } from './dates';

export interface HistoryFile {
  /** Repository-relative path. */
  path: string;
  /** The file version's id (git's blob id): equal ids are equal texts, parsed once. */
  blob: string;
  text: string;
}

export interface HistoryCommit {
  commit: string;
  /** The committer date (ISO); the commit counts on the day written in it. */
  date: string;
  /** Every `.alignment/` YAML file at this commit. Unchanged files may be the same objects as the commit before. */
  files: readonly HistoryFile[];
}

/**
 * Commits that changed `.alignment/` up to as-of, oldest first, and how many later ones were left out; or why
 * there is no history.
 */
export type History = { commits: readonly HistoryCommit[]; laterCommits?: number } | { unavailable: string };

export type ReportedStatus = NonNullable<Feature['reported']>['status'];

export interface TimelineCommit {
  commit: string;
  date: string;
  day: number;
  /** Each feature's reported status at this commit (undefined: the feature has none, or is not there). */
  statuses: ReadonlyMap<string, ReportedStatus | undefined>;
}

/** History read once: statuses at every commit, and the model at any commit on demand (cached). */
export class Timeline {
  readonly commits: readonly TimelineCommit[];
  private readonly parses: readonly (readonly FileParse[])[];
  private readonly models = new Map<number, AlignmentModel>();

  constructor(history: { commits: readonly HistoryCommit[] }) {
    const cache = new Map<string, FileParse>();
    const parseOf = (file: HistoryFile): FileParse => {
      const key = `${file.blob}\0${file.path}`;
      let parse = cache.get(key);
      if (!parse) cache.set(key, (parse = parseAlignmentFile(file.path, file.text)));
      return parse;
    };
    const commits: TimelineCommit[] = [];
    const parses: FileParse[][] = [];
    for (const commit of history.commits) {
      const day = dayOf(commit.date);
      if (day === undefined) continue;
      const fileParses = [...commit.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map(parseOf);
      commits.push({ commit: commit.commit, date: commit.date, day, statuses: statusesOf(fileParses) });
      parses.push(fileParses);
    }
    this.commits = commits;
    this.parses = parses;
  }

  /** The index of the last commit on or before `day`, or -1. */
  lastIndexOn(day: number): number {
    let found = -1;
    for (let i = 0; i < this.commits.length && (this.commits[i] as TimelineCommit).day <= day; i++) found = i;
    return found;
  }

  modelAt(index: number): AlignmentModel {
    let model = this.models.get(index);
    // Commits next to each other share most files' parses: a model built from its neighbour's costs the changed files' work.
    const previous = this.models.get(index - 1) ?? this.models.get(index + 1);
    if (!model) this.models.set(index, (model = buildModel(this.parses[index] ?? [], { previous })));
    return model;
  }

  /** The commits on or before `day`. */
  until(day: number): readonly TimelineCommit[] {
    return this.commits.slice(0, this.lastIndexOn(day) + 1);
  }
}

/** The first feature with each id wins, as in the model (a duplicate is reported there). */
function statusesOf(parses: readonly FileParse[]): Map<string, ReportedStatus | undefined> {
  const statuses = new Map<string, ReportedStatus | undefined>();
  for (const parse of parses) {
    for (const entry of parse.items) {
      if (entry.kind === 'feature' && !statuses.has(entry.id)) statuses.set(entry.id, (entry.item as Feature).reported?.status);
    }
  }
  return statuses;
}

/**
 * The folder to report on at as-of: the working tree's (`current`, with uncommitted edits), unless
 * `.alignment/` was committed again after as-of; then the folder as committed on as-of, so a report for a
 * past date reads as it would have on that date.
 */
export function folderAsOf(current: AlignmentModel, history: History): { model: AlignmentModel; timeline: Timeline | undefined; fromHistory: boolean } {
  if (!('commits' in history)) return { model: current, timeline: undefined, fromHistory: false };
  const timeline = new Timeline(history);
  if (!history.laterCommits || timeline.commits.length === 0) return { model: current, timeline, fromHistory: false };
  return { model: timeline.modelAt(timeline.commits.length - 1), timeline, fromHistory: true };
}
