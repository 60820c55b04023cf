// Tests open a copy of the example repository in the run folder, never the repository itself: tests
// that raise flags or edit YAML write into the copy, and a crashed run leaves the repository clean. The copy
// is a git repository of its own with a dated history of `.alignment/` (exampleHistory.ts), for the report's trend.
import * as fs from 'fs';
import * as path from 'path';
import { commitExampleHistory } from './exampleHistory';
import { exampleWorkspace } from './paths';
import type { RunFolder } from './runFolder';

/** Environment variable telling the integration suite which folder it was given. */
export const TEST_WORKSPACE_ENV = 'TRUTHLINE_TEST_WORKSPACE';

export function copyExampleWorkspace(run: RunFolder): string {
  const copy = path.join(run.root, path.basename(exampleWorkspace));
  fs.cpSync(exampleWorkspace, copy, { recursive: true, filter: (source) => !source.split(path.sep).includes('node_modules') });
  commitExampleHistory(copy);
  return copy;
}
