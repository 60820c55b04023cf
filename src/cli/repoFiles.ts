// Lists a repository's files the way git would see them: .gitignore files (at any depth) are respected,
// and node_modules and .git are never entered. Links are not followed (git stores a link, not what it
// points to), nor are pipes or sockets. A folder or .gitignore that cannot be read is a problem, and the
// listing goes on.
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { unreadableFileProblem, unreadableFolderProblem, type Problem } from '../core';
import { reasonOf, type CheckFileSystem } from './fileSystem';

const NEVER_ENTER = new Set(['.git', 'node_modules']);

interface Rules {
  /** Folder the .gitignore lives in, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

export interface RepoListing {
  files: string[];
  problems: Problem[];
  /** False when a folder could not be listed: a glob may match a file that is there, unseen. */
  complete: boolean;
}

export async function listRepoFiles(files: CheckFileSystem, root: string): Promise<RepoListing> {
  const listing: RepoListing = { files: [], problems: [], complete: true };
  await walk(files, root, '', [], listing);
  listing.files.sort();
  return listing;
}

async function walk(files: CheckFileSystem, root: string, relative: string, inherited: Rules[], listing: RepoListing): Promise<void> {
  const folder = path.join(root, relative);
  let entries;
  try {
    entries = await files.readdir(folder);
  } catch (error) {
    listing.problems.push(unreadableFolderProblem(relative || '.', reasonOf(error)));
    listing.complete = false;
    return;
  }
  const rules = [...inherited];
  const gitignore = entries.find((entry) => entry.isFile() && entry.name === '.gitignore');
  if (gitignore) {
    const file = relative ? `${relative}/.gitignore` : '.gitignore';
    try {
      rules.push({ base: relative, rules: ignore().add((await files.readFile(path.join(folder, '.gitignore'))).toString('utf8')) });
    } catch (error) {
      // Its rules are missing: files it would hide are checked too, and this problem says why.
      listing.problems.push(unreadableFileProblem(file, reasonOf(error)));
    }
  }
  for (const entry of entries) {
    if (NEVER_ENTER.has(entry.name)) continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    const isFolder = entry.isDirectory();
    if (!isFolder && !entry.isFile()) continue; // links and sockets are not the repository's content
    if (isIgnored(rules, child, isFolder)) continue;
    if (isFolder) await walk(files, root, child, rules, listing);
    else listing.files.push(child);
  }
}

function isIgnored(rules: readonly Rules[], child: string, isFolder: boolean): boolean {
  return rules.some(({ base, rules: ignoreRules }) => {
    const within = base ? child.slice(base.length + 1) : child;
    return ignoreRules.ignores(isFolder ? `${within}/` : within);
  });
}
