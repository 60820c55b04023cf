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
  /** False when no rule can hide an entry of this name (lower case): `rules` need not be asked. */
  mayHide: (name: string, isFolder: boolean) => boolean;
}

/** A rule that looks only at an entry's name: `name`, `*suffix`, either of them with a trailing `/`. */
const NAME_RULE = /^(\*?)([\x21-\x7e]+?)(\/?)$/;
const PATTERN_CHARACTERS = /[*?[\]\\/!#]/;

/**
 * Asking the `ignore` package costs microseconds per path, and a repository has tens of thousands. Most
 * .gitignore files hold only rules that look at a name (`node_modules/`, `*.log`, `.env`): for those, a
 * file can be hidden only when its name ends with one of their words, checked here once per entry. Any
 * other rule (a path, `**`, `?`, a class, an escape, a character outside printable ASCII) sends every entry to
 * the package. `!` rules cannot hide anything, and a rule never reaches below a folder it hid (that folder is
 * not entered), so a name whose end matches no rule is not hidden. Matching ignores case, as the package does
 * by default.
 */
function nameFilter(text: string): Rules['mayHide'] {
  const rules: { suffix: string; exact: boolean; foldersOnly: boolean }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/ +$/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const match = NAME_RULE.exec(line);
    if (!match || PATTERN_CHARACTERS.test(match[2] as string)) return () => true;
    rules.push({ suffix: (match[2] as string).toLowerCase(), exact: match[1] === '', foldersOnly: match[3] === '/' });
  }
  return (name, isFolder) => rules.some((rule) => (isFolder || !rule.foldersOnly) && (rule.exact ? name === rule.suffix : name.endsWith(rule.suffix)));
}

export interface RepoListing {
  files: string[];
  problems: Problem[];
  /** False when a folder could not be listed: a glob may match a file that is there, unseen. */
  complete: boolean;
}

/** The repository's files, sorted; `onFile` hears of each as soon as it is found (to start reading it). */
export async function listRepoFiles(files: CheckFileSystem, root: string, onFile?: (file: string) => void): Promise<RepoListing> {
  const listing: RepoListing = { files: [], problems: [], complete: true };
  await walk(files, root, '', [], listing, onFile);
  listing.files.sort();
  return listing;
}

async function walk(files: CheckFileSystem, root: string, relative: string, inherited: Rules[], listing: RepoListing, onFile?: (file: string) => void): Promise<void> {
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
      const text = (await files.readFile(path.join(folder, '.gitignore'))).toString('utf8');
      rules.push({ base: relative, rules: ignore().add(text), mayHide: nameFilter(text) });
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
    if (rules.length > 0 && isIgnored(rules, child, entry.name.toLowerCase(), isFolder)) continue;
    if (isFolder) await walk(files, root, child, rules, listing, onFile);
    else {
      listing.files.push(child);
      onFile?.(child);
    }
  }
}

function isIgnored(rules: readonly Rules[], child: string, name: string, isFolder: boolean): boolean {
  return rules.some(({ base, rules: ignoreRules, mayHide }) => {
    if (!mayHide(name, isFolder)) return false;
    const within = base ? child.slice(base.length + 1) : child;
    return ignoreRules.ignores(isFolder ? `${within}/` : within);
  });
}
