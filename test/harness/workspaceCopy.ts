// Tests open a copy of the example repository in the run folder, never the repository itself: tests
// that raise flags or edit YAML write into the copy, and a crashed run leaves the repository clean.
import * as fs from 'fs';
import * as path from 'path';
import { exampleWorkspace } from './paths';
import type { RunFolder } from './runFolder';

/** Environment variable telling the integration suite which folder it was given. */
export const TEST_WORKSPACE_ENV = 'TRUTHLINE_TEST_WORKSPACE';

export function copyExampleWorkspace(run: RunFolder): string {
  const copy = path.join(run.root, path.basename(exampleWorkspace));
  fs.cpSync(exampleWorkspace, copy, { recursive: true, filter: (source) => !source.split(path.sep).includes('node_modules') });
  return copy;
}
