// `.alignment/` through git history, read without touching the working tree, for the CLI and for the editor
// where the workspace is on a disk git can read (git is spawned: never in a web or virtual workspace): one `git log` lists every
// first-parent commit that changed the folder with the blob ids of the files it added or changed, and one
// long-lived `git cat-file --batch` reads each distinct blob once. Unchanged files are the same objects
// from commit to commit, so core parses each file version once.
import { spawn } from 'node:child_process';
import { ALIGNMENT_FILE, ALIGNMENT_FOLDER, DEFAULT_MAX_FILE_BYTES, errorMessage, unreadOverLimitText } from '../core';
import { dayOf, type History, type HistoryCommit, type HistoryFile } from '../core/report';

interface GitResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

class GitMissing extends Error {}

/** Which git to run: `git` on the PATH, or the editor's (the Git extension's `git.path`). */
export interface GitOptions {
  git?: string;
}

/** Runs git with an argument list (no shell); `input` is written to its stdin. */
export function runGit(cwd: string, args: readonly string[], input?: string, options: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.git ?? 'git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new GitMissing('git is not installed') : error));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }));
    child.stdin.on('error', () => undefined); // git may exit before reading everything: its exit code tells
    child.stdin.end(input ?? '');
  });
}

interface Change {
  path: string;
  /** The new blob id, or undefined when the file is deleted (or stops being a regular file). */
  blob: string | undefined;
}

interface LoggedCommit {
  commit: string;
  date: string;
  changes: Change[];
}

const REGULAR_FILE = /^100(644|755)$/;

/**
 * `.alignment/` below `root` at every first-parent commit that changed it, up to `asOfDay` (by the committer
 * date's day); or why there is no history: no git, not a repository, a shallow clone, no commit yet.
 */
export async function readAlignmentHistory(root: string, asOfDay: number, options: GitOptions = {}): Promise<History> {
  try {
    const check = await runGit(root, ['rev-parse', '--is-shallow-repository'], undefined, options);
    if (check.code !== 0) return { unavailable: `git cannot read history here (${check.stderr.split('\n')[0] || 'not a git repository'})` };
    if (check.stdout.toString('utf8').trim() === 'true') return { unavailable: 'the repository is a shallow clone, so its history is incomplete (run "git fetch --unshallow")' };
    const all = await logAlignment(root, options);
    // The first-parent chain up to as-of: each commit's folder is the one before it plus its changes.
    const cut = all.findIndex((commit) => (dayOf(commit.date) ?? Infinity) > asOfDay);
    const logged = cut < 0 ? all : all.slice(0, cut);
    const laterCommits = all.length - logged.length;
    if (logged.length === 0) return { commits: [], laterCommits };
    const texts = await readBlobs(root, [...new Set(logged.flatMap((commit) => commit.changes.flatMap((change) => (change.blob ? [change.blob] : []))))], options);
    return { commits: foldCommits(logged, texts), laterCommits };
  } catch (error) {
    // The report is still written without its trend: a git too old for an option, a corrupt object.
    return { unavailable: error instanceof GitMissing ? error.message : `git could not read the history (${errorMessage(error)})` };
  }
}

async function logAlignment(root: string, options: GitOptions): Promise<LoggedCommit[]> {
  const args = ['-c', 'core.quotePath=off', 'log', '--first-parent', '--diff-merges=first-parent', '--reverse', '--no-renames', '--root', '--raw', '--no-abbrev', '--relative', '-z',
    '--format=%x01%H %cI', '--', `${ALIGNMENT_FOLDER}/`];
  const result = await runGit(root, args, undefined, options);
  if (result.code !== 0) {
    // A repository with no commit yet has no HEAD to log.
    if (/does not have any commits|bad default revision|unknown revision/i.test(result.stderr)) return [];
    throw new Error(`git log failed: ${result.stderr}`);
  }
  return parseLog(result.stdout.toString('utf8'));
}

/** `\x01<hash> <date>\0` headers, each followed by `:<modes> <blobs> <status>\0<path>\0` entries. */
export function parseLog(output: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  const tokens = output.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const token = (tokens[i] as string).replace(/^\n+/, '');
    if (token.startsWith('\x01')) {
      const [commit, date] = token.slice(1).split(' ');
      commits.push({ commit: commit ?? '', date: date ?? '', changes: [] });
    } else if (token.startsWith(':')) {
      const path = tokens[++i] ?? '';
      const [, newMode, , newBlob, status] = token.slice(1).split(' ');
      const kept = status !== 'D' && REGULAR_FILE.test(newMode ?? '') && ALIGNMENT_FILE.test(path);
      commits[commits.length - 1]?.changes.push({ path, blob: kept ? newBlob : undefined });
    }
  }
  return commits;
}

/** The folder's files at each commit: the commit before's, with this commit's changes applied. */
function foldCommits(logged: readonly LoggedCommit[], texts: ReadonlyMap<string, string>): HistoryCommit[] {
  const current = new Map<string, HistoryFile>();
  return logged.map((commit) => {
    for (const change of commit.changes) {
      const text = change.blob === undefined ? undefined : texts.get(change.blob);
      if (change.blob === undefined || text === undefined) current.delete(change.path);
      else current.set(change.path, { path: change.path, blob: change.blob, text });
    }
    return { commit: commit.commit, date: commit.date, files: [...current.values()] };
  });
}

/** Blob texts by id, through one `git cat-file --batch`. A blob too large to be hand-written is left for core to refuse. */
async function readBlobs(root: string, blobs: readonly string[], options: GitOptions): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const objects = await catFileBatch(root, blobs, options);
  blobs.forEach((blob, index) => {
    const content = objects[index]?.content;
    if (content) texts.set(blob, content.length > DEFAULT_MAX_FILE_BYTES ? unreadOverLimitText() : content.toString('utf8'));
  });
  return texts;
}

/** One answer of `git cat-file --batch`: the object's type and bytes. */
export interface BatchObject {
  type: string;
  content: Buffer;
}

/**
 * Reads `names` (object ids, or `<rev>:<path>`) through one `git cat-file --batch`, answering in the order
 * asked: undefined where git has no such object.
 */
export async function catFileBatch(root: string, names: readonly string[], options: GitOptions = {}): Promise<(BatchObject | undefined)[]> {
  if (names.length === 0) return [];
  const result = await runGit(root, ['cat-file', '--batch'], names.map((name) => `${name}\n`).join(''), options);
  if (result.code !== 0) throw new Error(`git cat-file failed: ${result.stderr}`);
  const out = result.stdout;
  const objects: (BatchObject | undefined)[] = [];
  let at = 0;
  for (let index = 0; index < names.length; index++) {
    const lineEnd = out.indexOf(10, at);
    if (lineEnd < 0) break;
    // `<id> <type> <size>` then the bytes and a newline; `<name> missing` for an object git does not have.
    // A missing name is echoed as asked, spaces and all: only the last word says it is missing.
    const header = out.subarray(at, lineEnd).toString('utf8');
    const [, type, size] = header.split(' ');
    at = lineEnd + 1;
    if (header.endsWith(' missing') || type === undefined || size === undefined) {
      objects.push(undefined);
      continue;
    }
    const length = Number(size);
    objects.push({ type, content: out.subarray(at, at + length) });
    at += length + 1;
  }
  return objects;
}
