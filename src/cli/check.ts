// `truthline check`: the same checks as the editor, for CI and for people without the editor.
import * as path from 'node:path';
import {
  ALIGNMENT_FOLDER,
  CommandTitles,
  DEFAULT_MAX_FILE_BYTES,
  unreadOverLimitText,
  anchoredPaths,
  buildModel,
  checkAnchors,
  checkSourceTags,
  compareProblems,
  isAlignmentFile,
  isInsideRepository,
  KINDS,
  parseAlignmentFile,
  symbolicLinkProblem,
  unreadableFileProblem,
  unreadableFolderProblem,
  type AlignmentModel,
  type Problem,
  type TextFile,
} from '../core';
import { nodeFileSystem, reasonOf, type CheckFileSystem } from './fileSystem';
import { listRepoFiles } from './repoFiles';
import { startSourceScan, type SourceScan } from './scanSources';

export interface CheckResult {
  model: AlignmentModel;
  problems: Problem[];
  /** Every file of the repository a search would see (.gitignore respected), repository-relative. */
  repoFiles: readonly string[];
  /** The source files that may hold comment tags, with their text (the rest hold none). */
  sources: readonly TextFile[];
}

export class UsageError extends Error {}

const YAML_FILE = /\.ya?ml$/i;

/**
 * Checks `root`. Whatever cannot be read (a file, a folder, a .gitignore) is a problem at that path and the
 * check goes on; a symbolic link in `.alignment/` (or `.alignment` itself being one) is not followed.
 */
export async function runCheck(root: string, files: CheckFileSystem = nodeFileSystem): Promise<CheckResult> {
  const folder = await files.lstat(root).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`${folder ? `not a folder: ${root}` : `folder not found: ${root}`}. Give the repository's root folder (the one holding ${ALIGNMENT_FOLDER}/), or run truthline there.`);
  const alignment = path.join(root, ALIGNMENT_FOLDER);
  const stat = await files.lstat(alignment).catch(() => undefined);
  if (!stat?.isDirectory() && !stat?.isSymbolicLink()) {
    throw new UsageError(`no ${ALIGNMENT_FOLDER}/ folder in ${root}. Create one with "${CommandTitles.initialize}" in VS Code, or add ${ALIGNMENT_FOLDER}/features/<name>.yaml by hand (see the README's format section).`);
  }
  // The sources are read on the other cores as they are found, while this thread lists folders and reads .alignment/.
  const scanning = startSourceScan(files, root, { maxBytes: DEFAULT_MAX_FILE_BYTES });
  const listing = await listRepoFiles(files, root, (file) => {
    if (!isAlignmentFile(file)) scanning.add(file);
  });
  const repoFiles = listing.files;
  const problems: Problem[] = [...listing.problems];
  // The .alignment/ folder is read even where .gitignore would hide it: it is what we were asked to check.
  const yamlFiles = stat.isSymbolicLink() ? [] : await listAlignmentFiles(files, root, ALIGNMENT_FOLDER, problems);
  if (stat.isSymbolicLink()) problems.push(symbolicLinkProblem(ALIGNMENT_FOLDER));
  const parses = [];
  for (const file of yamlFiles) {
    try {
      // Too large to be hand-written truth: let core say so without reading it all.
      const size = (await files.stat(path.join(root, file))).size;
      const text = size > DEFAULT_MAX_FILE_BYTES ? unreadOverLimitText() : (await files.readFile(path.join(root, file))).toString('utf8');
      parses.push(parseAlignmentFile(file, text));
    } catch (error) {
      problems.push(unreadableFileProblem(file, reasonOf(error)));
    }
  }
  // Globs that match none of the files listed are reported only when every folder could be listed.
  const model = buildModel(parses, listing.complete ? { repoFiles } : {});
  const scan = await scanning.finish();
  const anchored = await anchoredSources(model, repoFiles, scan);
  const found = [...model.problems, ...unique([...problems, ...scan.problems]), ...checkSourceTags(model, scan.sources), ...checkAnchors(model, anchored).problems];
  return { model, problems: found.sort(compareProblems), repoFiles, sources: scan.sources };
}

/** An unreadable folder inside .alignment/ is met twice: listing the repository, and listing .alignment/. */
function unique(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((found) => {
    const key = `${found.file}\0${found.code}\0${found.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A flag's anchored lines are looked for in the file as it is now; a file no longer in the repository counts
 * as drift. A path leading outside the repository is never read (the model reports it), and a file that is
 * there but was not read (binary, too large, unreadable) says nothing about the anchored code.
 */
async function anchoredSources(model: AlignmentModel, repoFiles: readonly string[], scan: SourceScan): Promise<Map<string, string | undefined>> {
  const present = new Set(repoFiles);
  const anchored = new Map<string, string | undefined>();
  for (const file of anchoredPaths(model)) {
    if (!isInsideRepository(file)) continue;
    const text = await scan.textOf(file);
    if (text !== undefined) anchored.set(file, text);
    else if (!present.has(file)) anchored.set(file, undefined);
  }
  return anchored;
}

/** Every YAML file below `folder` (repository-relative); links are reported, not followed. */
async function listAlignmentFiles(files: CheckFileSystem, root: string, folder: string, problems: Problem[]): Promise<string[]> {
  let entries;
  try {
    entries = await files.readdir(path.join(root, folder));
  } catch (error) {
    problems.push(unreadableFolderProblem(folder, reasonOf(error)));
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    const child = `${folder}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      if (YAML_FILE.test(entry.name) || (await isFolderLink(files, path.join(root, child)))) problems.push(symbolicLinkProblem(child));
    } else if (entry.isDirectory()) {
      found.push(...(await listAlignmentFiles(files, root, child, problems)));
    } else if (YAML_FILE.test(entry.name)) {
      if (entry.isFile()) found.push(child);
      else problems.push(unreadableFileProblem(child, 'not a regular file'));
    }
  }
  return found.sort();
}

async function isFolderLink(files: CheckFileSystem, link: string): Promise<boolean> {
  return (await files.stat(link).catch(() => undefined))?.isDirectory() ?? false;
}

export function itemCounts(model: AlignmentModel): Record<string, number> {
  return Object.fromEntries(KINDS.map((kind) => [kind, model.byKind[kind].length]));
}
