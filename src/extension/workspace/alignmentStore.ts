// Every workspace folder's `.alignment/`, each its own (multi-root), behind one change event.
import * as vscode from 'vscode';
import { itemsForFile, scanTags, type ItemsForFile, type LoadedItem } from '../../core';
import { tagsOf } from './documentTags';
import { FolderAlignment, type FolderSnapshot } from './folderAlignment';
import { AnchorLocations } from './anchors/anchorLocations';
import { AnchorTracker } from './anchors/anchorTracker';
import { TagIndex } from './tagIndex';
import { Disposable } from '../util/disposables';
import { childUri } from '../util/uris';
import { ContextKeys } from '../constants';
import { setContextKey } from './contextKeys';
import { logError } from '../util/log';

export type { FolderSnapshot };

export interface FileContext {
  snapshot: FolderSnapshot;
  /** Repository-relative path of the file. */
  path: string;
}

export class AlignmentStore extends Disposable {
  private readonly folders = new Map<string, FolderAlignment>();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<FolderSnapshot>());
  /** Fired after every rebuild of any folder's model. */
  readonly onDidChange = this.changeEmitter.event;
  private loading: Promise<void> = Promise.resolve();
  private readonly anchorLocations = this.register(new AnchorLocations());
  /** Fired when any flag's anchored code moved, changed or went (as the user types, or on disk). */
  readonly onDidChangeAnchors = this.anchorLocations.onDidChange;
  private readonly anchorTracker: AnchorTracker;
  /** Every comment tag of every folder; each snapshot carries its folder's view (`snapshot.tags`). */
  private readonly tagIndex = this.register(new TagIndex());
  /** Fired (debounced) when the tags or files of any folder changed, and when an index build finished. */
  readonly onDidChangeTags = this.tagIndex.onDidChange;

  /** `indexTags`: build the tag index of every folder with `.alignment/` in the background once read (the
   *  extension does; a test's store builds it only when something asks for tags). */
  constructor(private readonly options: { indexTags?: boolean } = {}) {
    super();
    this.anchorTracker = this.register(new AnchorTracker(this, this.anchorLocations));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) this.removeFolder(removed);
      this.loading = Promise.all(event.added.map((added) => this.addFolder(added))).then(() => this.afterLoad());
    }));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) this.folderOf(event.document.uri)?.onEditorChange(event.document);
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.folderOf(document.uri)?.onEditorClose(document)));
    this.register(vscode.workspace.onDidSaveTextDocument((document) => this.folderOf(document.uri)?.onEditorSave(document)));
    this.register(this.onDidChange(() => void this.updateContext()));
    this.loading = Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.addFolder(folder))).then(() => this.afterLoad());
  }

  private async afterLoad(): Promise<void> {
    await this.updateContext();
    if (!this.options.indexTags) return;
    // In the background: nothing waits for it; whoever asks for tags first waits on `snapshot.tags.ready()`.
    for (const snapshot of this.snapshots()) if (snapshot.exists) void snapshot.tags.ready();
  }

  /** Reads every folder's files for their tags again (after a large checkout whose events the watcher dropped). */
  rebuildTagIndex(): Promise<void> {
    return this.tagIndex.rebuild();
  }

  /** Resolves once every folder present has been read. */
  get ready(): Promise<void> {
    return this.loading;
  }

  snapshots(): FolderSnapshot[] {
    return [...this.folders.values()].map((folder) => folder.snapshot);
  }

  /** The folder that holds `uri`, and the file's path in it. */
  fileContext(uri: vscode.Uri): FileContext | undefined {
    const folder = this.folderOf(uri);
    const path = folder?.relativePath(uri);
    return folder && path !== undefined ? { snapshot: folder.snapshot, path } : undefined;
  }

  /**
   * Items that apply to a file; tags are read from `source` when given: an open document (its tags are
   * cached per version) or the file's text.
   */
  itemsFor(uri: vscode.Uri, source?: vscode.TextDocument | string): (ItemsForFile & FileContext) | undefined {
    const context = this.fileContext(uri);
    if (!context?.snapshot.exists) return undefined;
    const tags = source === undefined ? [] : typeof source === 'string' ? scanTags(source) : tagsOf(source);
    return { ...itemsForFile(context.snapshot.model, context.path, tags), ...context };
  }

  /** The Uri of an item's YAML file. */
  uriOf(snapshot: FolderSnapshot, entry: LoadedItem): vscode.Uri {
    return childUri(snapshot.folder.uri, entry.file);
  }

  /** Finds an item by id across folders (the first folder that has it). */
  findItem(id: string): { snapshot: FolderSnapshot; entry: LoadedItem } | undefined {
    for (const snapshot of this.snapshots()) {
      const entry = snapshot.model.byId.get(id);
      if (entry) return { snapshot, entry };
    }
    return undefined;
  }

  /**
   * Resolves once `condition` holds for a snapshot of `folder` (checked now and after every rebuild);
   * after `timeoutMs` it reads the folder again instead, in case the file watcher is slow or missed it.
   */
  waitFor(folder: vscode.Uri, condition: (snapshot: FolderSnapshot) => boolean, timeoutMs: number): Promise<void> {
    const holds = (): boolean => this.snapshots().some((snapshot) => snapshot.folder.uri.toString() === folder.toString() && condition(snapshot));
    if (holds()) return Promise.resolve();
    return new Promise((resolve) => {
      const subscription = this.onDidChange(() => {
        if (!holds()) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
      const timer = setTimeout(() => {
        subscription.dispose();
        void this.reload().then(resolve, resolve);
      }, timeoutMs);
    });
  }

  /** Relocates every flag's anchor now (commands call this after writing, so the views are right at once). */
  relocateAnchors(): Promise<void> {
    return this.anchorTracker.checkAll();
  }

  /** Reads every folder from scratch. */
  async reload(): Promise<void> {
    this.loading = Promise.all([...this.folders.values()].map((folder) => folder.load())).then(() => this.updateContext());
    await this.loading;
  }

  private folderOf(uri: vscode.Uri): FolderAlignment | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  private async addFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const alignment = new FolderAlignment(folder, (snapshot) => this.changeEmitter.fire(snapshot), undefined, this.anchorLocations.of(folder.uri), this.tagIndex.of(folder));
    this.folders.set(folder.uri.toString(), alignment);
    try {
      await alignment.load();
    } catch (error) {
      logError(`could not read ${alignment.alignmentUri.toString()}`, error);
    }
  }

  private removeFolder(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.folders.get(key)?.dispose();
    this.folders.delete(key);
    this.tagIndex.remove(folder);
  }

  private async updateContext(): Promise<void> {
    const hasAlignment = this.snapshots().some((snapshot) => snapshot.exists);
    await setContextKey(ContextKeys.hasAlignment, hasAlignment);
  }

  override dispose(): void {
    for (const folder of this.folders.values()) folder.dispose();
    this.folders.clear();
    super.dispose();
  }
}
