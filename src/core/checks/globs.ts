// A `paths` pattern that matches no file is usually a renamed folder: the item silently stops applying.
import { compileGlob, normalizePath } from '../globs';
import type { AlignmentModel } from '../model';
import { problem, type Problem } from '../problems';

export function checkGlobs(model: AlignmentModel, repoFiles: readonly string[]): Problem[] {
  const filesUnder = groupByFolder(repoFiles.map(normalizePath));
  const problems: Problem[] = [];
  for (const entry of model.byId.values()) {
    const paths = (entry.item as { paths?: string[] }).paths ?? [];
    paths.forEach((pattern, index) => {
      const glob = compileGlob(pattern);
      const candidates = filesUnder.get(glob.baseDir) ?? [];
      if (candidates.some((file) => glob.test(file))) return;
      problems.push(problem(entry.file, entry.locate(['paths', index]) ?? entry.range, 'glob-matches-nothing',
        `"${pattern}" matches no file in the repository; was the code moved or renamed?`));
    });
  }
  return problems;
}

/** Each folder (and '' for the root) mapped to every file below it. */
function groupByFolder(files: readonly string[]): Map<string, string[]> {
  const folders = new Map<string, string[]>([['', [...files]]]);
  for (const file of files) {
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) {
      const folder = file.slice(0, slash);
      const list = folders.get(folder);
      if (list) list.push(file);
      else folders.set(folder, [file]);
    }
  }
  return folders;
}
