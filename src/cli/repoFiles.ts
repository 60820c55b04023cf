// Lists a repository's files the way git would see them: .gitignore files (at any depth) are respected,
// and node_modules and .git are never entered.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const NEVER_ENTER = new Set(['.git', 'node_modules']);

interface Rules {
  /** Folder the .gitignore lives in, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

export async function listRepoFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  await walk(root, '', [], files);
  return files.sort();
}

async function walk(root: string, relative: string, inherited: Rules[], files: string[]): Promise<void> {
  const folder = path.join(root, relative);
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const rules = [...inherited];
  const gitignore = entries.find((entry) => entry.isFile() && entry.name === '.gitignore');
  if (gitignore) rules.push({ base: relative, rules: ignore().add(await fs.readFile(path.join(folder, '.gitignore'), 'utf8')) });
  for (const entry of entries) {
    if (NEVER_ENTER.has(entry.name)) continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    const isFolder = entry.isDirectory();
    if (!isFolder && !entry.isFile()) continue; // links and sockets are not the repository's content
    if (isIgnored(rules, child, isFolder)) continue;
    if (isFolder) await walk(root, child, rules, files);
    else files.push(child);
  }
}

function isIgnored(rules: readonly Rules[], child: string, isFolder: boolean): boolean {
  return rules.some(({ base, rules: ignoreRules }) => {
    const within = base ? child.slice(base.length + 1) : child;
    return ignoreRules.ignores(isFolder ? `${within}/` : within);
  });
}
