// Which settled statuses the code has moved past, per folder, kept current in the background (see
// FolderGitWatch): git as `truthline check` reads it (src/git), core's rule on the workspace tag index.
import * as vscode from 'vscode';
import { hasSettledStatuses, suspectStatuses, type AlignmentModel, type SuspectStatus, type TagHit } from '../../../core';
import type { SuspectHistory } from '../../../git/suspectHistory';
import type { AlignmentStore } from '../alignmentStore';
import type { FolderSnapshot } from '../folderAlignment';
import { pathTiesInSlices } from '../workspaceTags';
import { FolderGitWatch, type GitAnswer } from './folderGitWatch';
import { localGit } from './localGit';

/** What git said for one model while the repository stayed as it was. */
interface ReadHistory {
  readonly model: AlignmentModel;
  readonly generation: number;
  readonly history: SuspectHistory;
}

export class SuspectWatch extends FolderGitWatch<readonly SuspectStatus[]> {
  // A change of tags (typing one) changes which files tie to an item, not git's answer: the rule runs again
  // on the history already read, as long as the model and the repository are the ones it was read for.
  private readonly histories = new Map<string, ReadHistory>();
  private readonly byItemOf = new WeakMap<readonly SuspectStatus[], ReadonlyMap<string, readonly SuspectStatus[]>>();
  /** What each folder's statuses were when last told, so a read that changed nothing redraws nothing. */
  private readonly told = new Map<string, string>();
  private readonly statusChanges = this.register(new vscode.EventEmitter<FolderSnapshot>());
  /** Fired when a folder's suspect statuses differ from the last ones read (not on every read). */
  readonly onDidChangeStatuses = this.statusChanges.event;

  constructor(store: AlignmentStore) {
    super(store, 'suspects', true);
    this.register(this.onDidChange((snapshot) => {
      const key = snapshot.folder.uri.toString();
      const now = this.of(snapshot).map(statusKey).join('\n');
      if (this.told.get(key) === now) return;
      this.told.set(key, now);
      this.statusChanges.fire(snapshot);
    }));
  }

  /** The folder's suspect statuses as last read (none before the first read, or without git). */
  of(snapshot: FolderSnapshot): readonly SuspectStatus[] {
    const answer = this.answerOf(snapshot);
    return answer && 'value' in answer ? answer.value : NO_SUSPECTS;
  }

  /** The same, by item id (a milestone's several gates under its one id). */
  byItem(snapshot: FolderSnapshot): ReadonlyMap<string, readonly SuspectStatus[]> {
    const suspects = this.of(snapshot);
    let byItem = this.byItemOf.get(suspects);
    if (!byItem) {
      const grouped = new Map<string, SuspectStatus[]>();
      for (const suspect of suspects) grouped.set(suspect.entry.id, [...(grouped.get(suspect.entry.id) ?? []), suspect]);
      byItem = grouped;
      this.byItemOf.set(suspects, byItem);
    }
    return byItem;
  }

  protected async read(snapshot: FolderSnapshot, git: string | undefined): Promise<GitAnswer<readonly SuspectStatus[]>> {
    // No settled status, nothing to suspect: no git, and no pass over the workspace's files and tags.
    if (!hasSettledStatuses(snapshot.model)) return { value: [] };
    const history = await this.historyOf(snapshot, git);
    if (!history) return { unavailable: 'not in a git repository' };
    // The path ties are the ones the trees and references use, built once per model and file list.
    return { value: suspectStatuses(snapshot.model, { ...history, tags: tagHits(snapshot), repoFiles: await pathTiesInSlices(snapshot) }) };
  }

  private async historyOf(snapshot: FolderSnapshot, git: string | undefined): Promise<SuspectHistory | undefined> {
    const key = snapshot.folder.uri.toString();
    const generation = this.repositoryGeneration(snapshot);
    const known = this.histories.get(key);
    if (known && generation !== undefined && known.model === snapshot.model && known.generation === generation) return known.history;
    if (!localGit) return undefined;
    const history = await localGit.readSuspectHistory(snapshot.folder.uri.fsPath, snapshot.model, { git });
    if (history && generation !== undefined) this.histories.set(key, { model: snapshot.model, generation, history });
    else this.histories.delete(key);
    return history;
  }

  protected describe(suspects: readonly SuspectStatus[]): string {
    return `${suspects.length} suspect ${suspects.length === 1 ? 'status' : 'statuses'}`;
  }
}

const NO_SUSPECTS: readonly SuspectStatus[] = [];

/** What a row shows of a suspect status: where it is, when written, and what changed since. */
function statusKey(suspect: SuspectStatus): string {
  const changed = suspect.changed.map(({ path, stamp }) => `${path}@${stamp.commit ?? stamp.time}`);
  return `${suspect.entry.file}:${suspect.range.line}:${suspect.written.commit ?? suspect.written.time}:${changed.join(',')}`;
}

function tagHits(snapshot: FolderSnapshot): TagHit[] {
  const hits: TagHit[] = [];
  for (const { path, tags } of snapshot.tags.tagged()) for (const tag of tags) hits.push({ path, tag });
  return hits;
}
