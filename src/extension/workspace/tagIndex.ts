// The workspace tag index: every comment tag in every workspace folder's files, built once in the
// background and kept current by a file watcher. Open editors' unsaved text is laid over the files' tags
// when a question is asked (never stored), so a revert, a save or a close can never leave unsaved tags behind. References, the trees'
// "In the code" groups, the API's codeFor and the Problems panel (closed files) read it instead of reading
// the workspace again. The store owns it; every snapshot carries its folder's view (`snapshot.tags`).
//
// What is indexed is what a search would see: `files.exclude` and `search.exclude` are respected, and so
// are `.gitignore` files at any depth; node_modules and .git are never entered. Symbolic links and special
// files are listed (paths may tie them) but never read; files over 1 MiB and binary files (a NUL byte near the
// start, as git decides) hold no tags. There is no cap: a folder of any size is indexed whole; while it is
// being built, `complete` is false and the answers say so.
//
// Cost: a build lists the folder once (findFiles), reads each folder's entries once for their types (one
// readDirectory per folder instead of a stat per file), then each file once, PARALLEL_READS at a time; a
// file without '@' is never decoded.
import * as vscode from 'vscode';
import { maySiblingOf, type Tag, type TagHit } from '../../core';
import { tagsOf } from './documentTags';
import { withIndexProgress, type IndexProgress } from './indexProgress';
import { listSearchableFiles, siblingExcludes } from './sourceListing';
import { PARALLEL_READS, readTags, typesByFolder, TYPES_BY_FOLDER_FROM, type Entry } from './sourceReading';
import { Debouncer, Disposable } from '../util/disposables';
import { relativePath } from '../util/uris';
import { log } from '../util/log';

/** Above this many files to read, the status bar shows the build's progress. */
const PROGRESS_FROM_FILES = 2_000;
const WATCH_DELAY_MS = 300;
const TYPING_DELAY_MS = 300;
/** No unsaved editor laid over the files. */
const NO_UNSAVED: ReadonlyMap<string, readonly Tag[]> = new Map();
const CHANGE_DELAY_MS = 100;

/** One folder's tags, read live: the answers follow the index without a new snapshot. */
export interface FolderTags {
  /** False until the folder's first build has finished (and while a rebuild runs). */
  readonly complete: boolean;
  /** The tags naming `id`, by file (open editors' unsaved text included). Starts the build if needed. */
  hitsFor(id: string): TagHit[];
  /** Every file of the folder a search would see (repository-relative), `.alignment/` left out. */
  files(): Iterable<string>;
  /** Grows whenever a file comes or goes (not when a file's tags change): what is built from files() keeps until then. */
  readonly filesVersion: number;
  /** Every file that has tags, with its tags. */
  tagged(): Iterable<{ path: string; tags: readonly Tag[] }>;
  /** Resolves once the folder is indexed (starting the build if needed). */
  ready(): Promise<void>;
}

/** For a folder no index looks at (tests that build one folder alone). */
export const NO_TAGS: FolderTags = { complete: true, filesVersion: 0, hitsFor: () => [], files: () => [], tagged: () => [], ready: () => Promise.resolve() };



export class TagIndex extends Disposable {
  private readonly folders = new Map<string, FolderIndex>();
  private readonly changes = this.register(new vscode.EventEmitter<void>());
  private readonly fireChange = this.register(new Debouncer(CHANGE_DELAY_MS, () => this.changes.fire()));
  /** Fired (debounced) when any folder's tags or files changed, and when a build finished. */
  readonly onDidChange: vscode.Event<void> = this.changes.event;

  constructor() {
    super();
    // Every change, a revert or a save (dirty state only) included: the unsaved tags may be gone.
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.folderOf(event.document.uri)?.onEditorChange()));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.folderOf(document.uri)?.onEditorChange()));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      for (const folder of this.folders.values()) {
        if (event.affectsConfiguration('files.exclude', folder.folder) || event.affectsConfiguration('search.exclude', folder.folder)) folder.resync();
      }
    }));
  }

  /** The live view of a folder's tags; nothing is read until someone asks (see FolderTags.ready). */
  of(folder: vscode.WorkspaceFolder): FolderTags {
    const key = folder.uri.toString();
    let index = this.folders.get(key);
    if (!index) this.folders.set(key, (index = new FolderIndex(folder, () => this.fireChange.trigger())));
    return index;
  }

  remove(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.folders.get(key)?.dispose();
    this.folders.delete(key);
  }

  /** Reads every started folder again from scratch (after a large checkout whose events the watcher dropped). */
  async rebuild(): Promise<void> {
    await Promise.all([...this.folders.values()].filter((folder) => folder.started).map((folder) => folder.rebuild()));
  }

  private folderOf(uri: vscode.Uri): FolderIndex | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  override dispose(): void {
    for (const folder of this.folders.values()) folder.dispose();
    this.folders.clear();
    super.dispose();
  }
}

class FolderIndex extends Disposable implements FolderTags {
  private readonly entries = new Map<string, Entry>();
  /** id -> paths of the files whose tags name it. */
  private readonly byId = new Map<string, Set<string>>();
  private building: Promise<void> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private built = false;
  /** Passes reading many files (a checkout, a folder moved in) that run now: answers are partial meanwhile. */
  private bulkReads = 0;
  private fileSetVersion = 0;
  private readonly changed = new Set<string>();
  private readonly deleted = new Set<string>();
  private listingNeeded = false;
  private readonly flush = this.register(new Debouncer(WATCH_DELAY_MS, () => void this.applyWatchedChanges()));
  /** After a typing pause: did the unsaved tags change what the index answers? */
  private readonly typing = this.register(new Debouncer(TYPING_DELAY_MS, () => this.compareUnsaved()));
  /** The unsaved tags as last announced, to tell listeners only of real changes. */
  private announcedUnsaved = '';
  private watching = false;

  constructor(readonly folder: vscode.WorkspaceFolder, private readonly didChange: () => void) {
    super();
  }

  get started(): boolean {
    return this.building !== undefined;
  }

  get complete(): boolean {
    return this.built && this.bulkReads === 0;
  }

  get filesVersion(): number {
    return this.fileSetVersion;
  }

  hitsFor(id: string): TagHit[] {
    void this.ready();
    const unsaved = this.unsavedTags();
    const hits: TagHit[] = [];
    for (const path of this.byId.get(id) ?? []) {
      if (unsaved.has(path)) continue;
      for (const tag of this.entries.get(path)?.tags ?? []) if (tag.id === id) hits.push({ path, tag });
    }
    for (const [path, tags] of unsaved) for (const tag of tags) if (tag.id === id) hits.push({ path, tag });
    return hits;
  }

  files(): Iterable<string> {
    void this.ready();
    return this.entries.keys();
  }

  *tagged(): Iterable<{ path: string; tags: readonly Tag[] }> {
    const unsaved = this.unsavedTags();
    for (const [path, entry] of this.entries) {
      const tags = unsaved.get(path) ?? entry.tags;
      if (tags.length > 0) yield { path, tags };
    }
  }

  /**
   * The tags of every editor with unsaved changes to a file of the index, read now from the documents
   * themselves (tagsOf scans each version once): they stand for those files while the changes are unsaved.
   */
  private unsavedTags(): ReadonlyMap<string, readonly Tag[]> {
    let unsaved: Map<string, readonly Tag[]> | undefined;
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty || document.isClosed) continue;
      const path = this.pathOf(document.uri);
      if (path !== undefined && this.entries.has(path)) (unsaved ??= new Map()).set(path, tagsOf(document));
    }
    return unsaved ?? NO_UNSAVED;
  }

  /** Resolves once the first build and the watcher's changes handed over so far are in. */
  ready(): Promise<void> {
    if (!this.building) {
      this.watch();
      this.building = this.sync(true).then(() => undefined);
    }
    const building = this.building;
    return building.then(() => this.syncing);
  }

  /** Drops everything and reads the folder again. */
  rebuild(): Promise<void> {
    this.cancel?.cancel();
    this.built = false;
    // The rebuild lists and reads everything: what the watcher reported so far is covered.
    this.changed.clear();
    this.deleted.clear();
    this.listingNeeded = false;
    for (const path of [...this.entries.keys()]) this.setTags(path, undefined);
    this.building = this.sync(true).then(() => undefined);
    return this.building;
  }

  /** Lists the folder again (settings changed): files now excluded go, files now included are read. */
  resync(): void {
    if (!this.started) return;
    this.listingNeeded = true;
    this.flush.trigger();
  }

  /** An editor of this folder changed, was reverted, saved or closed: its unsaved tags may differ. */
  onEditorChange(): void {
    if (this.started) this.typing.trigger();
  }

  private compareUnsaved(): void {
    const now = JSON.stringify([...this.unsavedTags()].map(([path, tags]) => [path, tags.map((tag) => [tag.id, tag.keyword, tag.line, tag.column])]));
    if (now === this.announcedUnsaved) return;
    this.announcedUnsaved = now;
    this.didChange();
  }

  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, '**/*')));
    const changed = (uri: vscode.Uri): void => {
      const path = this.pathOf(uri);
      if (path === undefined) return;
      // A new file, or a changed .gitignore, needs the listing: is it excluded?
      if (!this.entries.has(path) || path === '.gitignore' || path.endsWith('/.gitignore')) this.listingNeeded = true;
      this.changed.add(path);
      this.flush.trigger();
    };
    this.register(watcher.onDidCreate(changed));
    this.register(watcher.onDidChange(changed));
    this.register(watcher.onDidDelete((uri) => {
      const path = this.pathOf(uri);
      if (path === undefined) return;
      // A gone .gitignore, or a gone sibling a `when` exclude clause named, may uncover files: list again.
      if (path.endsWith('/.gitignore') || path === '.gitignore' || maySiblingOf(path, siblingExcludes(this.folder))) this.listingNeeded = true;
      this.deleted.add(path);
      this.flush.trigger();
    }));
  }

  private async applyWatchedChanges(): Promise<void> {
    // One pass at a time; events that arrive meanwhile wait for the next.
    this.syncing = this.syncing.then(async () => {
      await this.building;
      const deleted = new Set(this.deleted);
      this.deleted.clear();
      let changed = false;
      let folders = false;
      for (const path of deleted) {
        if (this.entries.has(path)) changed = this.setTags(path, undefined) || changed;
        else folders = true;
      }
      // A deleted folder may come as one event: one pass takes every file below it out.
      if (folders) for (const known of [...this.entries.keys()]) if (isBelowAny(known, deleted)) changed = this.setTags(known, undefined) || changed;
      if (this.listingNeeded || this.changed.size > 0) {
        const full = this.listingNeeded;
        this.listingNeeded = false;
        const paths = [...this.changed];
        this.changed.clear();
        changed = (await (full ? this.sync(false, new Set(paths)) : this.read(paths, new vscode.CancellationTokenSource().token))) || changed;
      }
      if (changed) this.didChange();
    });
    await this.syncing;
  }

  /**
   * Lists the folder and reads what is new: everything on the first build, else files not indexed yet and
   * `reread`. Files no longer listed (deleted, now excluded) leave the index.
   */
  private async sync(first: boolean, reread: ReadonlySet<string> = new Set()): Promise<boolean> {
    this.cancel?.cancel();
    const source = (this.cancel = new vscode.CancellationTokenSource());
    const token = source.token;
    const start = Date.now();
    try {
      const listed = await listSearchableFiles(this.folder, token);
      const listedAt = Date.now();
      if (token.isCancellationRequested) return false;
      let changed = false;
      for (const path of [...this.entries.keys()]) if (!listed.has(path)) changed = this.setTags(path, undefined) || changed;
      const toRead = [...listed].filter((path) => !this.entries.has(path) || reread.has(path));
      const readAll = (progress?: IndexProgress): Promise<boolean> => this.read(toRead, token, progress);
      const bulk = toRead.length >= PROGRESS_FROM_FILES;
      if (bulk) this.bulkReads++;
      changed = (bulk
        ? await withIndexProgress(vscode.l10n.t('Truthline: indexing tags in {0}', this.folder.name), () => this.stoppedByUser(source), (progress) => readAll(progress).finally(() => this.bulkReads--))
        : await readAll()) || changed;
      if (first && !token.isCancellationRequested) {
        this.built = true;
        log(`tag index: ${this.folder.name}: ${listed.size} files listed in ${listedAt - start} ms, ${toRead.length} read in ${Date.now() - listedAt} ms, ${this.byId.size} ids tagged`);
        this.didChange();
      } else if (first) {
        log(`tag index: ${this.folder.name}: the build was stopped after ${Date.now() - start} ms; answers stay partial until it runs again`);
      }
      return changed;
    } catch (error) {
      log(`tag index: ${this.folder.name}: could not list the folder: ${String(error)}`);
      return false;
    } finally {
      if (this.cancel === source) this.cancel = undefined;
      source.dispose();
    }
  }

  /** Cancel on the build's notification: the answers stay partial (and say so) until Refresh reads the folder again. */
  private stoppedByUser(source: vscode.CancellationTokenSource): void {
    source.cancel();
    log(`tag index: ${this.folder.name}: stopped on request`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Truthline stopped indexing tags in {0}: references and "In the code" stay partial until it indexes again.', this.folder.name), vscode.l10n.t('Index Again')).then((choice) => {
      if (choice !== undefined) void this.rebuild();
    });
  }

  /** Reads `paths` in bounded parallel batches; true when any file's tags changed. */
  private async read(paths: readonly string[], token: vscode.CancellationToken, progress?: IndexProgress): Promise<boolean> {
    const types = paths.length >= TYPES_BY_FOLDER_FROM ? await typesByFolder(this.folder.uri, paths, token) : undefined;
    let changed = false;
    for (let start = 0; start < paths.length && !token.isCancellationRequested; start += PARALLEL_READS) {
      const batch = paths.slice(start, start + PARALLEL_READS);
      const entries = await Promise.all(batch.map((path) => readTags(this.folder.uri, path, types?.get(path))));
      batch.forEach((path, index) => {
        const entry = entries[index];
        changed = this.setTags(path, entry) || changed;
      });
      progress?.report({ message: `${Math.min(start + PARALLEL_READS, paths.length)}/${paths.length}`, increment: (100 * batch.length) / paths.length });
    }
    return changed;
  }

  /** Puts a file's tags in (or takes the file out, for undefined); true when what the index answers changed. */
  private setTags(path: string, entry: Entry | undefined): boolean {
    const previous = this.entries.get(path);
    for (const tag of previous?.tags ?? []) {
      const paths = this.byId.get(tag.id);
      paths?.delete(path);
      if (paths?.size === 0) this.byId.delete(tag.id);
    }
    if ((previous === undefined) !== (entry === undefined)) this.fileSetVersion++;
    if (entry) this.entries.set(path, entry);
    else this.entries.delete(path);
    for (const tag of entry?.tags ?? []) {
      let paths = this.byId.get(tag.id);
      if (!paths) this.byId.set(tag.id, (paths = new Set()));
      paths.add(path);
    }
    return previous === undefined || entry === undefined || !sameTags(previous.tags, entry.tags);
  }

  private pathOf(uri: vscode.Uri): string | undefined {
    return relativePath(this.folder.uri, uri);
  }

  override dispose(): void {
    this.cancel?.cancel();
    super.dispose();
  }
}

function sameTags(a: readonly Tag[], b: readonly Tag[]): boolean {
  return a.length === b.length && a.every((tag, i) => {
    const other = b[i] as Tag;
    return tag.id === other.id && tag.keyword === other.keyword && tag.line === other.line && tag.column === other.column;
  });
}

function isBelowAny(path: string, folders: ReadonlySet<string>): boolean {
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) if (folders.has(path.slice(0, slash))) return true;
  return false;
}

