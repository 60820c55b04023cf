// `truthline check`: the same checks as the editor, for CI and for people without the editor.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ALIGNMENT_FOLDER, DEFAULT_MAX_FILE_BYTES, anchoredPaths, checkAnchors, checkSourceTags, compareProblems, isAlignmentFile, KINDS, loadAlignment, type AlignmentModel, type Problem, type TextFile } from '../core';
import { listRepoFiles } from './repoFiles';
import { readTextFile } from './readText';

export interface CheckResult {
  model: AlignmentModel;
  problems: Problem[];
}

export class UsageError extends Error {}

export async function runCheck(root: string): Promise<CheckResult> {
  const alignment = path.join(root, ALIGNMENT_FOLDER);
  const stat = await fs.stat(alignment).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new UsageError(`no ${ALIGNMENT_FOLDER}/ folder in ${root}. Create one with "Truthline: Initialize" in VS Code, or add ${ALIGNMENT_FOLDER}/features/<name>.yaml by hand (see the README's format section).`);
  }
  const repoFiles = await listRepoFiles(root);
  // The .alignment/ folder is read even where .gitignore would hide it: it is what we were asked to check.
  const alignmentFiles = (await listAlignmentFiles(alignment)).map((file) => `${ALIGNMENT_FOLDER}/${file}`);
  const yamlFiles: TextFile[] = await Promise.all(alignmentFiles.map(async (file) => ({ path: file, text: await fs.readFile(path.join(root, file), 'utf8') })));
  const model = loadAlignment(yamlFiles, { repoFiles });
  const sources: TextFile[] = [];
  for (const file of repoFiles) {
    if (isAlignmentFile(file)) continue;
    const text = await readTextFile(path.join(root, file), DEFAULT_MAX_FILE_BYTES);
    if (text !== undefined) sources.push({ path: file, text });
  }
  // A flag's anchored lines are looked for in the file as it is now; a missing file counts as drift.
  const sourceTexts = new Map(sources.map((source) => [source.path, source.text]));
  const anchored = new Map(anchoredPaths(model).map((file) => [file, sourceTexts.get(file)]));
  const problems = [...model.problems, ...checkSourceTags(model, sources), ...checkAnchors(model, anchored).problems].sort(compareProblems);
  return { model, problems };
}

async function listAlignmentFiles(folder: string, relative = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(folder, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listAlignmentFiles(folder, child)));
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.push(child);
  }
  return files.sort();
}

export function itemCounts(model: AlignmentModel): Record<string, number> {
  return Object.fromEntries(KINDS.map((kind) => [kind, model.byKind[kind].length]));
}
