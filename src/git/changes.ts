// What a change is, read from git as data for core's changeImpact: the files changed between a base and a
// head (the working tree by default: staged, unstaged and untracked files), each with its changed line
// ranges at the head and its text there (for its comment tags). Renames count as changes of the new path.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, errorMessage, type ChangedFile } from '../core';
import { catFileBatch, runGit, type GitOptions } from './alignmentHistory';

/** A ref that cannot be used, a folder that is no repository, a base a shallow clone lacks: said in words. */
export class ChangeError extends Error {}

export interface Change {
  /** The base commit (full id) and how it was chosen. */
  base: string;
  baseFrom: string;
  /** The head commit, or undefined for the working tree. */
  head: string | undefined;
  files: ChangedFile[];
}

export interface ChangeRefs {
  base?: string;
  head?: string;
}

const STATUS: Record<string, ChangedFile['status']> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'added', T: 'modified' };

export async function readChange(root: string, refs: ChangeRefs, options: GitOptions = {}): Promise<Change> {
  const git = async (args: readonly string[]): Promise<string> => {
    const result = await runGit(root, ['-c', 'core.quotePath=off', ...args], undefined, options);
    if (result.code !== 0) throw new ChangeError(result.stderr.split('\n')[0] || `git ${args[0]} failed`);
    return result.stdout.toString('utf8');
  };
  const inside = await runGit(root, ['rev-parse', '--is-inside-work-tree'], undefined, options);
  if (inside.code !== 0) throw new ChangeError(`${root} is not in a git repository (${inside.stderr.split('\n')[0] || 'git rev-parse failed'})`);
  const shallow = (await git(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  const head = refs.head === undefined ? undefined : await commitOf(git, refs.head, '--head');
  const { base, from } = refs.base !== undefined ? { base: await commitOf(git, refs.base, '--base'), from: refs.base } : await defaultBase(git, head ?? 'HEAD', shallow);
  const range = head === undefined ? [base] : [base, head];
  const files = parseNameStatus(await git(['diff', '--relative', '--name-status', '-z', '-M', ...range, '--']));
  if (head === undefined) {
    for (const untracked of (await git(['ls-files', '--others', '--exclude-standard', '-z'])).split('\0').filter(Boolean)) files.push({ path: untracked, status: 'added' });
  }
  const lines = parseChangedLines(await git(['diff', '--relative', '-U0', '--no-color', '--no-ext-diff', '-M', ...range, '--']));
  for (const file of files) {
    if (file.status !== 'added' || lines.has(file.path)) file.lines = lines.get(file.path) ?? [];
  }
  await readTexts(root, head, files, options);
  return { base, baseFrom: from, head, files };
}

async function commitOf(git: (args: readonly string[]) => Promise<string>, ref: string, option: string): Promise<string> {
  try {
    return (await git(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new ChangeError(`${option} ${ref}: no such commit, branch or tag here (a shallow clone may lack it: git fetch --unshallow)`);
  }
}

/** The merge-base with the upstream branch, else with main or master. */
async function defaultBase(git: (args: readonly string[]) => Promise<string>, head: string, shallow: boolean): Promise<{ base: string; from: string }> {
  const tried: string[] = [];
  for (const candidate of ['@{upstream}', 'origin/HEAD', 'main', 'master', 'origin/main', 'origin/master']) {
    try {
      return { base: (await git(['merge-base', head, candidate])).trim(), from: `merge-base with ${candidate}` };
    } catch (error) {
      tried.push(`${candidate}: ${error instanceof Error ? error.message : String(error)}`); // not there: the next one
    }
  }
  throw new ChangeError(shallow
    ? 'the merge-base with the upstream branch is not in this shallow clone: fetch more history (git fetch --unshallow) or give --base'
    : `no upstream branch, main or master to compare with: give --base REF (${tried.join('; ')})`);
}

/** `git diff --name-status -z`: `<status>\0<path>\0`, or `R<score>\0<old>\0<new>\0` for a rename. */
export function parseNameStatus(output: string): ChangedFile[] {
  const tokens = output.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const code = (tokens[i] as string).charAt(0);
    if (code === 'R' || code === 'C') {
      i += 2;
      files.push({ path: tokens[i] as string, status: STATUS[code] ?? 'modified' });
    } else if (code) {
      i += 1;
      files.push({ path: tokens[i] as string, status: STATUS[code] ?? 'modified' });
    }
  }
  return files;
}

/** Changed line ranges at the head, by path, from `git diff -U0`: a hunk `+c,d` is lines c..c+d-1; a pure deletion marks line c. */
export function parseChangedLines(output: string): Map<string, { start: number; end: number }[]> {
  const byPath = new Map<string, { start: number; end: number }[]>();
  let current: { start: number; end: number }[] | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      current = target === '/dev/null' ? undefined : [];
      if (current) byPath.set(target.replace(/^b\//, ''), current);
    } else if (line.startsWith('@@ ') && current) {
      const hunk = /\+(\d+)(?:,(\d+))?/.exec(line);
      if (!hunk) continue;
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      current.push(count === 0 ? { start: Math.max(1, start), end: Math.max(1, start) } : { start, end: start + count - 1 });
    }
  }
  return byPath;
}

/** Each changed file's text at the head (up to 1 MiB): from the working tree, or from the head commit through one `git cat-file --batch`. */
const PARALLEL_READS = 16;

async function readTexts(root: string, head: string | undefined, files: ChangedFile[], options: GitOptions): Promise<void> {
  const present = files.filter((file) => file.status !== 'deleted');
  if (head === undefined) {
    // A few files at a time: thousands of untracked files read at once would use up the process's file
    // descriptors, and every other spawn and open in it (the editor's extension host) would fail.
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, present.length) }, async () => {
      while (next < present.length) {
        const file = present[next++] as ChangedFile;
        const stat = await fs.lstat(path.join(root, file.path)).catch(() => undefined);
        if (stat?.isFile() && stat.size <= DEFAULT_MAX_FILE_BYTES) file.text = await fs.readFile(path.join(root, file.path), 'utf8').catch(() => undefined);
      }
    }));
    return;
  }
  // `./`: the paths are relative to `root`, which may be a folder inside the repository.
  const objects = await catFileBatch(root, present.map((file) => `${head}:./${file.path}`), options).catch((error: unknown) => {
    throw new ChangeError(errorMessage(error));
  });
  present.forEach((file, index) => {
    const object = objects[index];
    if (object?.type === 'blob' && object.content.length <= DEFAULT_MAX_FILE_BYTES) file.text = object.content.toString('utf8');
  });
}
