// Which files of a workspace folder a search sees: the settings' `files.exclude` and `search.exclude`, then
// every `.gitignore` on the way (read through workspace.fs); node_modules and .git are never entered.
import * as vscode from 'vscode';
import ignore, { type Ignore } from 'ignore';
import { ALIGNMENT_FOLDER, hiddenBySiblings, siblingExcludesOf, type SiblingExclude } from '../../core';
import { childUri, decodeText, relativePath } from '../util/uris';
import { log } from '../util/log';

const NEVER_ENTER = ['**/node_modules/**', '**/.git/**'];

/** The folder's files as a search sees them (repository-relative), `.alignment/` left out. */
export async function listSearchableFiles(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken): Promise<Set<string>> {
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), excludeGlob(folder), undefined, token);
  const paths: string[] = [];
  for (const uri of uris) {
    const path = relativePath(folder.uri, uri);
    if (path !== undefined) paths.push(path);
  }
  const rules = await gitignoreRules(folder.uri, paths.filter((path) => path === '.gitignore' || path.endsWith('/.gitignore')));
  const hidden = hiddenBySiblings(paths, siblingExcludes(folder));
  return new Set(paths.filter((path) => !path.startsWith(`${ALIGNMENT_FOLDER}/`) && !hidden.has(path) && !isIgnored(rules, path)));
}

async function gitignoreRules(folder: vscode.Uri, files: readonly string[]): Promise<Map<string, Ignore>> {
  const rules = new Map<string, Ignore>();
  await Promise.all(files.map(async (file) => {
    try {
      const text = decodeText(await vscode.workspace.fs.readFile(childUri(folder, file)));
      rules.set(file.slice(0, Math.max(0, file.length - '/.gitignore'.length)), ignore().add(text));
    } catch (error) {
      log(`tag index: could not read ${file}: ${String(error)}`); // its rules are missing: the files it hides are indexed
    }
  }));
  return rules;
}

function isIgnored(rules: ReadonlyMap<string, Ignore>, path: string): boolean {
  for (const [base, rule] of rules) {
    if (base !== '' && !path.startsWith(`${base}/`)) continue;
    if (rule.ignores(base === '' ? path : path.slice(base.length + 1))) return true;
  }
  return false;
}

/** One glob of everything excluded: never node_modules or .git, and each pattern `files.exclude` and `search.exclude` turn on. */
export function excludeGlob(folder: vscode.WorkspaceFolder): string {
  const patterns = new Set(NEVER_ENTER);
  for (const settings of excludeSettings(folder)) {
    // `true` excludes; a `{ when: … }` clause depends on sibling files: applied to the listing (siblingExcludes).
    for (const [pattern, value] of Object.entries(settings)) if (value === true) for (const expanded of expandBraces(pattern)) patterns.add(expanded);
  }
  return `{${[...patterns].join(',')}}`;
}

/** The `{ when: "$(basename).ts" }` entries of `files.exclude` and `search.exclude`. */
export function siblingExcludes(folder: vscode.WorkspaceFolder): SiblingExclude[] {
  return excludeSettings(folder).flatMap(siblingExcludesOf);
}

function excludeSettings(folder: vscode.WorkspaceFolder): Record<string, unknown>[] {
  return ['files', 'search'].map((section) => vscode.workspace.getConfiguration(section, folder.uri).get<Record<string, unknown>>('exclude') ?? {});
}

/** `a/{b,c}/*.{js,ts}` as the four patterns it stands for: braces do not nest inside the one glob we pass. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  const close = open === -1 ? -1 : pattern.indexOf('}', open);
  if (open === -1 || close === -1) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  return pattern.slice(open + 1, close).split(',').flatMap((choice) => expandBraces(`${head}${choice}${tail}`));
}
