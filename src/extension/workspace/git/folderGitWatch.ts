// Something each folder's git says, kept current in the background: read again a second after the last
// cause (`.alignment/` reloaded, tags changed where the answer uses them, the Git extension saying the repository changed: a commit, a
// checkout, a file changed in the working tree), one read at a time. Git runs with the editor's git (the
// Git extension's `git.path`), never in Restricted Mode or a workspace not on disk: there the folder's
// answer is why not.
import * as vscode from 'vscode';
import { errorMessage } from '../../../core/errors';
import type { AlignmentStore } from '../alignmentStore';
import type { FolderSnapshot } from '../folderAlignment';
import { Debouncer, Disposable } from '../../util/disposables';
import { log } from '../../util/log';
import { gitExtension, whyNoGit } from './gitExtension';

const DELAY_MS = 1_000;

/** A folder's answer: what git said, or why there is none. */
export type GitAnswer<T> = { readonly value: T } | { readonly unavailable: string };

export abstract class FolderGitWatch<T> extends Disposable {
  private readonly byFolder = new Map<string, GitAnswer<T>>();
  private readonly changes = this.register(new vscode.EventEmitter<FolderSnapshot>());
  /** Fired when a folder was read anew (whether or not its answer differs). */
  readonly onDidChange = this.changes.event;
  private readonly git = gitExtension();
  private readonly watchedRepositories = new Set<string>();
  /** How many times the Git extension said each watched folder's repository changed. */
  private readonly repositoryChanges = new Map<string, number>();
  private readonly pending = new Set<string>();
  private readonly debouncer = this.register(new Debouncer(DELAY_MS, () => void this.readPending()));
  private reading: Promise<void> = Promise.resolve();

  /** `readsTags`: the answer depends on the workspace tag index, so a change of tags reads it again. */
  constructor(protected readonly store: AlignmentStore, private readonly name: string, readsTags: boolean) {
    super();
    this.register(store.onDidChange((snapshot) => this.schedule(snapshot)));
    if (readsTags) this.register(store.onDidChangeTags(() => this.scheduleAll()));
    // Trusting the workspace lets git run: read what Restricted Mode left unread.
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleAll()));
    void store.ready.then(() => this.scheduleAll());
  }

  /** What git says for the folder, as last read; undefined before the first read. */
  answerOf(snapshot: FolderSnapshot): GitAnswer<T> | undefined {
    const noGit = whyNoGit(snapshot.folder);
    return noGit ? { unavailable: noGit } : this.byFolder.get(snapshot.folder.uri.toString());
  }

  /** Reads every folder again now, and resolves once done (after a write; the Refresh command; tests). */
  async refresh(): Promise<void> {
    for (const snapshot of this.store.snapshots()) if (this.readable(snapshot)) this.pending.add(snapshot.folder.uri.toString());
    await this.readPending();
  }

  /**
   * A count that grows whenever the Git extension says the folder's repository changed; undefined while the
   * Git extension does not watch it (then any change may have been missed, and git must be asked again).
   */
  protected repositoryGeneration(snapshot: FolderSnapshot): number | undefined {
    return this.repositoryChanges.get(snapshot.folder.uri.toString());
  }

  /** Reads the folder with git (`git` is the editor's git, or undefined for the one on the PATH). */
  protected abstract read(snapshot: FolderSnapshot, git: string | undefined): Promise<GitAnswer<T>>;

  /** One line for the log about an answer. */
  protected abstract describe(answer: T): string;

  private readable(snapshot: FolderSnapshot): boolean {
    return snapshot.exists && whyNoGit(snapshot.folder) === undefined;
  }

  private scheduleAll(): void {
    for (const snapshot of this.store.snapshots()) this.schedule(snapshot);
  }

  private schedule(snapshot: FolderSnapshot): void {
    if (!this.readable(snapshot)) return;
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
        if (snapshot && this.readable(snapshot)) await this.readFolder(snapshot);
      }
    });
    return this.reading;
  }

  private async readFolder(snapshot: FolderSnapshot): Promise<void> {
    const started = Date.now();
    let answer: GitAnswer<T>;
    try {
      answer = await this.read(snapshot, (await this.git)?.git.path);
    } catch (error) {
      // git missing or failing: a gap that says why, not a crash.
      answer = { unavailable: errorMessage(error) };
    }
    this.byFolder.set(snapshot.folder.uri.toString(), answer);
    log(`${this.name}: ${snapshot.folder.name} read in ${Date.now() - started} ms: ${'value' in answer ? this.describe(answer.value) : answer.unavailable}`);
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
    this.repositoryChanges.set(key, 0);
    this.register(repository.state.onDidChange(() => {
      this.repositoryChanges.set(key, (this.repositoryChanges.get(key) ?? 0) + 1);
      const snapshot = this.store.snapshots().find((candidate) => candidate.folder.uri.toString() === key);
      if (snapshot) this.schedule(snapshot);
    }));
  }
}
