// A flag's anchor names a file in the repository. One that leads outside it (`../../../../etc/passwd`) is
// an error at `anchor.path`, and nothing reads that path: not the CLI, not the editor.
import type { AlignmentModel } from '../modelTypes';
import { problem, type Problem } from '../problems';
import { isInsideRepository } from '../repoPath';

export function checkAnchorPaths(model: AlignmentModel): Problem[] {
  const problems: Problem[] = [];
  for (const flag of model.byKind.flag) {
    const path = (flag.item as { anchor?: { path?: unknown } }).anchor?.path;
    if (typeof path !== 'string' || isInsideRepository(path)) continue;
    const range = flag.locate(['anchor', 'path']) ?? flag.locate(['anchor']) ?? flag.range;
    problems.push(problem(flag.file, range, 'path-outside-repository',
      `anchor.path "${path}" leads outside the repository; write the anchored file's path from the repository root, such as src/payments/service.ts`));
  }
  return problems;
}
