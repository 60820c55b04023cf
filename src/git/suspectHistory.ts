// What core's suspect rule needs from git, read in a few commands whatever the number of items: one
// `git blame --porcelain` per `.alignment/` file holding a settled status (a few at a time), one `git log`
// of the files changed since the oldest of those statuses, and one `git diff` of the working tree.
// Undefined when `root` is not in a git repository: then nothing can be suspect, and nothing says so.
import { filesWithSettledStatuses, type AlignmentModel, type Stamp } from '../core';
import { runGit, type GitOptions } from './alignmentHistory';

export interface SuspectHistory {
  readonly writtenAt: (file: string, line: number) => Stamp | undefined;
  readonly changedAt: ReadonlyMap<string, Stamp>;
}

/** Blames run side by side, but not so many that a large folder floods the machine with processes. */
const PARALLEL_BLAMES = 4;
const UNCOMMITTED = /^0{40}$/;

export async function readSuspectHistory(root: string, model: AlignmentModel, options: GitOptions = {}, now = Date.now()): Promise<SuspectHistory | undefined> {
  const files = filesWithSettledStatuses(model);
  if (files.length === 0) return { writtenAt: () => undefined, changedAt: new Map() };
  const inside = await runGit(root, ['rev-parse', '--is-inside-work-tree'], undefined, options).catch(() => undefined);
  if (inside?.code !== 0 || inside.stdout.toString('utf8').trim() !== 'true') return undefined;
  const nowSeconds = Math.floor(now / 1000);

  const blames = new Map<string, Stamp[]>();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BLAMES, files.length) }, async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      blames.set(file, await blame(root, file, nowSeconds, options));
    }
  }));
  const writtenAt = (file: string, line: number): Stamp | undefined => blames.get(file)?.[line - 1];

  // Only changes after the oldest status can make one suspect: the log stops there.
  let oldest = nowSeconds;
  for (const stamps of blames.values()) for (const stamp of stamps) if (stamp.time < oldest) oldest = stamp.time;
  const changedAt = await lastChanges(root, oldest, options);
  const modified = await runGit(root, ['-c', 'core.quotePath=off', 'diff', '--name-only', '--relative', 'HEAD', '--'], undefined, options);
  if (modified.code === 0) {
    for (const path of modified.stdout.toString('utf8').split('\n').filter(Boolean)) changedAt.set(path, { commit: undefined, time: nowSeconds });
  }
  return { writtenAt, changedAt };
}

/** Each line's last commit and its committer time, by 0-based line; an uncommitted line is "now". */
async function blame(root: string, file: string, nowSeconds: number, options: GitOptions): Promise<Stamp[]> {
  const result = await runGit(root, ['blame', '--porcelain', '--', file], undefined, options);
  if (result.code !== 0) return []; // untracked or unreadable: its statuses have no date, so none is suspect
  const times = new Map<string, number>();
  const stamps: Stamp[] = [];
  let commit = '';
  let finalLine = 0;
  for (const line of result.stdout.toString('utf8').split('\n')) {
    if (line.startsWith('\t')) continue; // the line's text
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(line);
    if (header) {
      commit = header[1] as string;
      finalLine = Number(header[2]);
      const known = times.get(commit);
      if (known !== undefined || UNCOMMITTED.test(commit)) stamps[finalLine - 1] = stampOf(commit, known, nowSeconds);
      continue;
    }
    if (line.startsWith('committer-time ')) {
      const time = Number(line.slice('committer-time '.length));
      times.set(commit, time);
      stamps[finalLine - 1] = stampOf(commit, time, nowSeconds);
    }
  }
  return stamps;
}

function stampOf(commit: string, time: number | undefined, nowSeconds: number): Stamp {
  return UNCOMMITTED.test(commit) ? { commit: undefined, time: nowSeconds } : { commit, time: time ?? 0 };
}

/** Each file's latest commit since `since` (Unix seconds), repository paths relative to `root`. */
async function lastChanges(root: string, since: number, options: GitOptions): Promise<Map<string, Stamp>> {
  const result = await runGit(root, ['-c', 'core.quotePath=off', 'log', `--since=@${since}`, '--format=%x01%H %ct', '--name-only', '--no-renames', '--relative', '--'], undefined, options);
  const changes = new Map<string, Stamp>();
  if (result.code !== 0) return changes; // no commit yet: nothing changed after anything
  let current: Stamp | undefined;
  for (const line of result.stdout.toString('utf8').split('\n')) {
    if (line.startsWith('\x01')) {
      const [commit, time] = line.slice(1).split(' ');
      current = { commit, time: Number(time) };
    } else if (line && current && !changes.has(line)) {
      changes.set(line, current); // newest first: the first commit seen is the latest
    }
  }
  return changes;
}
