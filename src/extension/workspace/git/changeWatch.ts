// What the branch's change touches, per folder, kept current in the background (see FolderGitWatch): the
// working tree (staged, unstaged, untracked) against the merge-base with the upstream branch (else main or
// master), read as `truthline impact` reads it (src/git), core's changeImpact on the folder's model.
import { changeImpact, type Impact } from '../../../core';
import type { Change } from '../../../git/changes';
import type { AlignmentStore } from '../alignmentStore';
import type { FolderSnapshot } from '../folderAlignment';
import { FolderGitWatch, type GitAnswer } from './folderGitWatch';
import { localGit } from './localGit';

/** The impact with what it was computed against: `base` the commit, `baseFrom` how it was chosen. */
export interface FolderImpact extends Impact {
  readonly base: string;
  readonly baseFrom: string;
}

export class ChangeWatch extends FolderGitWatch<FolderImpact> {
  constructor(store: AlignmentStore) {
    // The change's own files carry their tags: the workspace index is not read.
    super(store, 'change impact', false);
  }

  protected async read(snapshot: FolderSnapshot, git: string | undefined): Promise<GitAnswer<FolderImpact>> {
    if (!localGit) return { unavailable: 'git cannot run here' }; // whyNoGit says so first: never read
    let change: Change;
    try {
      change = await localGit.readChange(snapshot.folder.uri.fsPath, {}, { git });
    } catch (error) {
      // No repository, no commit yet, no base branch: said in words, as the CLI says it.
      if (localGit.isChangeError(error)) return { unavailable: error.message };
      throw error;
    }
    return { value: { ...changeImpact(snapshot.model, change.files), base: change.base, baseFrom: change.baseFrom } };
  }

  protected describe(impact: FolderImpact): string {
    return `${impact.files.length} changed files against ${impact.baseFrom}, ${impact.features.length} features, ${impact.requests.length} requests, ${impact.downstream.length} downstream`;
  }
}
