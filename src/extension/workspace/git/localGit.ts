// The git readers of src/git (they spawn git in a folder on disk), as the Node build of the extension has
// them. The browser build replaces this file with localGit.web.ts, which has none: the web worker
// extension host (vscode.dev, github.dev) has no processes and no disk.
import { readAlignmentHistory } from '../../../git/alignmentHistory';
import { ChangeError, readChange } from '../../../git/changes';
import { readSuspectHistory } from '../../../git/suspectHistory';

export interface LocalGit {
  readonly readAlignmentHistory: typeof readAlignmentHistory;
  readonly readSuspectHistory: typeof readSuspectHistory;
  readonly readChange: typeof readChange;
  /** A ChangeError says in words why a change cannot be read (no repository, no base branch). */
  readonly isChangeError: (error: unknown) => error is ChangeError;
}

export const localGit: LocalGit | undefined = {
  readAlignmentHistory,
  readSuspectHistory,
  readChange,
  isChangeError: (error): error is ChangeError => error instanceof ChangeError,
};
