// The report's history: `.alignment/` at every commit that changed it, read with git as `truthline report`
// reads it (src/git), with the git the editor uses (the built-in Git extension's `git.path`, so a user's
// `git.path` setting holds). Git runs where the extension host runs, so a remote workspace is read on its
// machine; a virtual or web workspace has no directory to run git in, and the report says so.
//
// One history per folder, as-of day and HEAD: the Git extension tells when HEAD moves (a commit, a
// checkout, a pull), and only then is the history read again; edits to `.alignment/` between commits
// change the working tree's report, not its past.
import * as vscode from 'vscode';
import type { History } from '../../../core/report';
import { Disposable } from '../../util/disposables';
import { log } from '../../util/log';
import { gitExtension, whyNoGit, type GitApi } from './gitExtension';
import { localGit } from './localGit';

interface CachedHistory {
  key: string;
  history: Promise<History>;
  /** Set once read. */
  value?: History;
}

export class GitHistories extends Disposable {
  private readonly cache = new Map<string, CachedHistory>();
  private readonly git = gitExtension();
  private readonly changes = this.register(new vscode.EventEmitter<vscode.WorkspaceFolder>());
  /** Fired when a folder's HEAD moved: its history is read again when next asked for. */
  readonly onDidChange = this.changes.event;
  private readonly watched = new Set<string>();

  /** `.alignment/` through the folder's git history up to `asOfDay`, or why there is none. */
  async historyOf(folder: vscode.WorkspaceFolder, asOfDay: number): Promise<History> {
    if (!localGit) return { unavailable: vscode.l10n.t('git cannot run in the browser: the weekly trend needs a local clone (or `truthline report` in one)') };
    const noGit = whyNoGit(folder);
    if (noGit) return { unavailable: vscode.l10n.t('{0}: run `truthline report` in a clone for the weekly trend', noGit) };
    const git = await this.git;
    const key = `${asOfDay} ${this.headOf(git, folder) ?? 'HEAD unknown'}`;
    const cached = this.cache.get(folder.uri.toString());
    if (cached?.key === key) return cached.history;
    const started = Date.now();
    const entry: CachedHistory = { key, history: Promise.resolve({ unavailable: '' }) };
    entry.history = localGit.readAlignmentHistory(folder.uri.fsPath, asOfDay, { git: git?.git.path }).then((read) => {
      log(`report: git history of ${folder.name} read in ${Date.now() - started} ms (${'commits' in read ? `${read.commits.length} commits` : read.unavailable})`);
      entry.value = read;
      return read;
    });
    this.cache.set(folder.uri.toString(), entry);
    return entry.history;
  }

  /** The history already read for the folder and day, if any (without waiting for git). */
  settled(folder: vscode.WorkspaceFolder, asOfDay: number): History | undefined {
    const cached = this.cache.get(folder.uri.toString());
    return cached?.key.startsWith(`${asOfDay} `) ? cached.value : undefined;
  }

  /** Reads the folder's history again when next asked (the report was opened anew: the user wants it fresh). */
  forget(folder: vscode.WorkspaceFolder): void {
    this.cache.delete(folder.uri.toString());
  }

  /** HEAD's commit as the Git extension knows it (watching the repository from now on), if it knows the folder. */
  private headOf(git: GitApi | undefined, folder: vscode.WorkspaceFolder): string | undefined {
    const repository = git?.getRepository(folder.uri);
    if (!repository) return undefined;
    const key = folder.uri.toString();
    if (!this.watched.has(key)) {
      this.watched.add(key);
      let head = repository.state.HEAD?.commit;
      this.register(repository.state.onDidChange(() => {
        if (repository.state.HEAD?.commit === head) return;
        head = repository.state.HEAD?.commit;
        this.changes.fire(folder);
      }));
    }
    return repository.state.HEAD?.commit;
  }
}
