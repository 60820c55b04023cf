// Which settled statuses the code has moved past, per folder, kept current in the background: read again
// (a second after the last cause) when `.alignment/` is reloaded, when the tags change, and when the Git
// extension says the repository changed (a commit, a checkout, a file changed in the working tree). Git
// runs as `truthline check` runs it (src/git), with the editor's git; a folder not on disk, or not in git,
// has no suspects and is not asked again until something changes.
import * as vscode from 'vscode';
import { RepoPathTies, suspectStatuses, type SuspectStatus, type TagHit } from '../../../core';
import { readSuspectHistory } from '../../../git/suspectHistory';
import type { AlignmentStore } from '../alignmentStore';
import type { FolderSnapshot } from '../folderAlignment';
import { Debouncer, Disposable } from '../../util/disposables';
import { errorMessage } from '../../../core/errors';
import { log } from '../../util/log';
import { gitExtension, whyNoGit } from './gitExtension';

const DELAY_MS = 1_000;

export class SuspectWatch extends Disposable {
  private readonly byFolder = new Map<string, readonly SuspectStatus[]>();
  private readonly changes = this.register(new vscode.EventEmitter<FolderSnapshot>());
  /** Fired when a folder's suspects were read anew (whether or not they differ). */
  readonly onDidChange = this.changes.event;
  private readonly git = gitExtension();
  private readonly watchedRepositories = new Set<string>();
  private readonly pending = new Set<string>();
  private readonly debouncer = this.register(new Debouncer(DELAY_MS, () => void this.readPending()));
  private reading: Promise<void> = Promise.resolve();

  constructor(private readonly store: AlignmentStore) {
    super();
    this.register(store.onDidChange((snapshot) => this.schedule(snapshot)));
    this.register(store.onDidChangeTags(() => { for (const snapshot of store.snapshots()) this.schedule(snapshot); }));
    void store.ready.then(() => { for (const snapshot of store.snapshots()) this.schedule(snapshot); });
    // Trusting the workspace lets git run: read what Restricted Mode left unread.
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => { for (const snapshot of store.snapshots()) this.schedule(snapshot); }));
  }

  /** The folder's suspect statuses as last read (none before the first read, or outside git). */
  of(snapshot: FolderSnapshot): readonly SuspectStatus[] {
    return this.byFolder.get(snapshot.folder.uri.toString()) ?? [];
  }

  /** Reads every folder again now, and resolves once done (the Refresh command; tests). */
  async refresh(): Promise<void> {
    for (const snapshot of this.store.snapshots()) this.pending.add(snapshot.folder.uri.toString());
    await this.readPending();
  }

  private schedule(snapshot: FolderSnapshot): void {
    if (!snapshot.exists || whyNoGit(snapshot.folder)) return;
    this.pending.add(snapshot.folder.uri.toString());
    void this.watchRepository(snapshot.folder);
    this.debouncer.trigger();
  }

  private readPending(): Promise<void> {
    // One read at a time: a burst of changes while git runs is read once more after it.
    this.reading = this.reading.then(async () => {
      const folders = [...this.pending];
      this.pending.clear();
      for (const key of folders) {
        const snapshot = this.store.snapshots().find((candidate) => candidate.folder.uri.toString() === key);
        if (snapshot?.exists) await this.read(snapshot);
      }
    });
    return this.reading;
  }

  private async read(snapshot: FolderSnapshot): Promise<void> {
    const started = Date.now();
    try {
      const git = await this.git;
      const history = await readSuspectHistory(snapshot.folder.uri.fsPath, snapshot.model, { git: git?.git.path });
      const suspects = history ? suspectStatuses(snapshot.model, { ...history, tags: tagHits(snapshot), repoFiles: new RepoPathTies(snapshot.model, snapshot.tags.files()) }) : [];
      this.byFolder.set(snapshot.folder.uri.toString(), suspects);
      log(`suspects: ${snapshot.folder.name} read in ${Date.now() - started} ms: ${suspects.length} suspect ${suspects.length === 1 ? 'status' : 'statuses'}${history ? '' : ' (not in git)'}`);
    } catch (error) {
      // git missing or failing: no suspects is a gap, not a crash; the log says why.
      this.byFolder.delete(snapshot.folder.uri.toString());
      log(`suspects: ${snapshot.folder.name} could not be read from git: ${errorMessage(error)}`);
    }
    this.changes.fire(snapshot);
  }

  /** Hears the Git extension's repository changes for the folder (HEAD, the index, the working tree). */
  private async watchRepository(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    if (this.watchedRepositories.has(key)) return;
    this.watchedRepositories.add(key);
    const repository = (await this.git)?.getRepository(folder.uri);
    if (!repository) {
      this.watchedRepositories.delete(key); // the Git extension may open it later: ask again next time
      return;
    }
    this.register(repository.state.onDidChange(() => {
      const snapshot = this.store.snapshots().find((candidate) => candidate.folder.uri.toString() === key);
      if (snapshot) this.schedule(snapshot);
    }));
  }
}

function tagHits(snapshot: FolderSnapshot): TagHit[] {
  const hits: TagHit[] = [];
  for (const { path, tags } of snapshot.tags.tagged()) for (const tag of tags) hits.push({ path, tag });
  return hits;
}

