// One call from texts to a checked model, shared by the CLI, the extension and the benchmark.
import { parseAlignmentFile, type FileParse, type LoadOptions } from './load';
import { buildModel, type AlignmentModel, type ModelOptions } from './model';
import { checkTags, scanTags } from './tags';
import { compareProblems, type Problem } from './problems';

export const ALIGNMENT_FOLDER = '.alignment';
export const ALIGNMENT_FILE = /\.ya?ml$/i;

export interface TextFile {
  /** Repository-relative path with forward slashes. */
  path: string;
  text: string;
}

export interface LoadAlignmentOptions extends LoadOptions, ModelOptions {}

export function loadAlignment(files: readonly TextFile[], options: LoadAlignmentOptions = {}): AlignmentModel {
  const parses: FileParse[] = files.map((file) => parseAlignmentFile(file.path, file.text, options));
  return buildModel(parses, options);
}

/** Problems of comment tags across source files (tags naming unknown ids). */
export function checkSourceTags(model: AlignmentModel, sources: readonly TextFile[]): Problem[] {
  return sources.flatMap((source) => checkTags(source.path, scanTags(source.text), model)).sort(compareProblems);
}

export function isAlignmentFile(path: string): boolean {
  return ALIGNMENT_FILE.test(path) && (path.startsWith(`${ALIGNMENT_FOLDER}/`) || path.includes(`/${ALIGNMENT_FOLDER}/`));
}
