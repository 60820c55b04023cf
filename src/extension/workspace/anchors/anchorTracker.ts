// Keeps every flag's anchor pointed at its code: after any change of .alignment/, of an anchored file on
// disk, or of an anchored file's text in an editor (as the user types), the anchors are relocated
// (core's checkAnchors). The result goes to the store's AnchorLocations for every view, and drifted flags not yet
// resolved become `anchor-drifted` warnings in the Problems panel, at the flag's anchor in its YAML.
import * as vscode from 'vscode';
import { anchoredPaths, checkAnchors, DEFAULT_MAX_FILE_BYTES } from '../../../core';
import { ContextKeys } from '../../constants';
import { setContextKey } from '../contextKeys';
import { ProblemsByFile } from '../diagnostics';
import type { FolderSnapshot } from '../folderAlignment';
import { Debouncer, Disposable } from '../../util/disposables';
import { isSymbolicLink } from '../links';
import { decodeText, repoFileUri } from '../../util/uris';
import { log, logError } from '../../util/log';
import type { AnchorLocations, FlagAnchorState } from './anchorLocations';

const CHECK_DELAY_MS = 250;

/** What the tracker reads of its owner, the store: the folders' snapshots and when they change. */
export interface SnapshotSource {
  readonly ready: Promise<void>;
  readonly onDidChange: vscode.Event<FolderSnapshot>;
  snapshots(): FolderSnapshot[];
}

interface DiskText {
  readonly mtime: number;
  readonly size: number;
  readonly text: string;
}

export class AnchorTracker extends Disposable {
  private readonly driftWarnings = this.register(new ProblemsByFile('truthline-anchors'));
  private readonly check = this.register(new Debouncer(CHECK_DELAY_MS, () => void this.checkAll()));
  /** Per folder: the anchored paths (to filter events). */
  private readonly anchored = new Map<string, Set<string>>();
  private readonly disk = new Map<string, DiskText>();
  private current: Promise<void> | undefined;
  private again = false;

  constructor(private readonly store: SnapshotSource, private readonly locations: AnchorLocations) {
    super();
    this.register(store.onDidChange(() => this.check.trigger()));
    const onDocument = (document: vscode.TextDocument): void => {
      if (this.isAnchored(document.uri)) this.check.trigger();
    };
    this.register(vscode.workspace.onDidChangeTextDocument((event) => onDocument(event.document)));
    this.register(vscode.workspace.onDidOpenTextDocument(onDocument));
    this.register(vscode.workspace.onDidCloseTextDocument(onDocument));
    // Anchored files change on disk too (a pull, a checkout, a formatter): one watcher, filtered.
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*'));
    const onDisk = (uri: vscode.Uri): void => {
      if (!this.isAnchored(uri)) return;
      this.disk.delete(uri.toString());
      this.check.trigger();
    };
    this.register(watcher.onDidChange(onDisk));
    this.register(watcher.onDidCreate(onDisk));
    this.register(watcher.onDidDelete(onDisk));
    void store.ready.then(() => this.check.trigger());
  }

  /** Relocates every anchor now (commands call this after writing, so the views are right at once). */
  checkAll(): Promise<void> {
    if (this.current) {
      // A check is under way with what it read before: run once more when it ends.
      this.again = true;
      return this.current;
    }
    this.current = this.checkUntilSettled().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async checkUntilSettled(): Promise<void> {
    try {
      do {
        this.again = false;
        const snapshots = this.store.snapshots();
        for (const snapshot of snapshots) await this.checkFolder(snapshot);
        this.forgetRemovedFolders(snapshots);
      } while (this.again);
    } catch (error) {
      logError('could not relocate the anchors of flags', error);
    }
    void setContextKey(ContextKeys.hasDriftedFlags, this.driftWarnings.folders().length > 0);
  }

  private async checkFolder(snapshot: FolderSnapshot): Promise<void> {
    const folder = snapshot.folder.uri;
    const key = folder.toString();
    // A path leading outside the folder (../../etc/passwd) is never looked at: the model reports it.
    const uris = new Map<string, vscode.Uri>();
    for (const path of snapshot.exists ? anchoredPaths(snapshot.model) : []) {
      const uri = repoFileUri(folder, path);
      if (uri) uris.set(path, uri);
    }
    this.anchored.set(key, new Set([...uris.values()].map((uri) => uri.toString())));
    const sources = new Map<string, string | undefined>();
    for (const [path, uri] of uris) {
      const text = await this.textOf(uri);
      if (text !== 'unreadable') sources.set(path, text);
    }
    const { locations, problems } = checkAnchors(snapshot.model, sources);
    const states = new Map<string, FlagAnchorState>();
    for (const [id, location] of locations) {
      const anchor = (snapshot.model.byId.get(id)?.item as { anchor?: { path: string } } | undefined)?.anchor;
      const uri = anchor && repoFileUri(folder, anchor.path);
      if (uri) states.set(id, { ...location, uri });
    }
    this.locations.publish(folder, states);
    this.driftWarnings.show(folder, problems);
  }

  private forgetRemovedFolders(snapshots: readonly FolderSnapshot[]): void {
    const present = new Set(snapshots.map((snapshot) => snapshot.folder.uri.toString()));
    for (const key of [...this.anchored.keys()]) {
      if (present.has(key)) continue;
      const folder = vscode.Uri.parse(key);
      this.driftWarnings.forget(folder);
      this.anchored.delete(key);
      this.locations.publish(folder, undefined);
    }
  }

  /**
   * The text an editor shows (saved or not), else the disk's; undefined when the file is gone. 'unreadable'
   * (not evidence that the code is gone) for a file that cannot be read, a link (it could lead anywhere), or
   * one too large or not regular: nothing past 1 MiB is read, and a pipe would never answer.
   */
  private async textOf(uri: vscode.Uri): Promise<string | undefined | 'unreadable'> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open && !open.isClosed) return open.getText();
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      this.disk.delete(uri.toString());
      return undefined; // no such file: the anchor has drifted, and says so
    }
    if (isSymbolicLink(stat.type) || !(stat.type & vscode.FileType.File) || stat.size > DEFAULT_MAX_FILE_BYTES) {
      log(`not reading anchored file ${uri.toString()}: ${isSymbolicLink(stat.type) ? 'a symbolic link' : stat.size > DEFAULT_MAX_FILE_BYTES ? 'larger than 1 MiB' : 'not a regular file'}`);
      this.disk.delete(uri.toString());
      return 'unreadable';
    }
    const cached = this.disk.get(uri.toString());
    if (cached && cached.mtime === stat.mtime && cached.size === stat.size) return cached.text;
    try {
      const text = decodeText(await vscode.workspace.fs.readFile(uri));
      this.disk.set(uri.toString(), { mtime: stat.mtime, size: stat.size, text });
      return text;
    } catch (error) {
      // There but unreadable (permissions, a folder): not evidence that the code is gone; skip it.
      log(`could not read anchored file ${uri.toString()}: ${String(error)}`);
      return 'unreadable';
    }
  }

  private isAnchored(uri: vscode.Uri): boolean {
    const key = uri.toString();
    for (const paths of this.anchored.values()) if (paths.has(key)) return true;
    return false;
  }

  override dispose(): void {
    super.dispose();
    for (const key of this.anchored.keys()) this.locations.publish(vscode.Uri.parse(key), undefined);
  }
}
