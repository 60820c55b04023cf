// A flag's anchor names a file in the repository. One that leads outside it (`../../../../etc/passwd`) is
// an error at `anchor.path`, and nothing reads that path: not the CLI, not the editor.
import type { LoadedItem } from '../load';
import { problem, type Problem } from '../problems';
import { isInsideRepository } from '../repoPath';
import { NONE, problemsByItem } from './itemProblems';

/** The problems of the flags' anchor paths, by flag. */
export function checkAnchorPaths(flags: Iterable<LoadedItem>): Map<LoadedItem, readonly Problem[]> {
  return problemsByItem(flags, (flag) => {
    const path = (flag.item as { anchor?: { path?: unknown } }).anchor?.path;
    if (flag.kind !== 'flag' || typeof path !== 'string' || isInsideRepository(path)) return NONE;
    const range = flag.locate(['anchor', 'path']) ?? flag.locate(['anchor']) ?? flag.range;
    return [problem(flag.file, range, 'path-outside-repository',
      `anchor.path "${path}" leads outside the repository; write the anchored file's path from the repository root, such as src/payments/service.ts`)];
  });
}
