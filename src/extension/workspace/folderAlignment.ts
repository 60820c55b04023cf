// One workspace folder's `.alignment/`: each file parsed once and again only when it changes (on disk, or
// in an editor as the user types), then put together into an immutable model that the views read.
import * as vscode from 'vscode';
import { ALIGNMENT_FOLDER, type AlignmentModel, buildModel, buildModelSteps, GlobMatchMemo, DEFAULT_MAX_FILE_BYTES, errorMessage, type FileParse, symbolicLinkProblem, unreadableFile, unreadableFolderProblem, unreadOverLimitText } from '../../core';
import { childUri, decodeText, relativePath, statOf } from '../util/uris';
import { NO_ANCHORS, type FolderAnchors } from './anchors/anchorLocations';
import { NO_TAGS, type FolderTags } from './tagIndex';
import { Debouncer, Disposable } from '../util/disposables';
import { log, logError } from '../util/log';
import { plainText } from '../util/plainText';
import { hostSlices, yieldToHost } from '../util/timeSlices';
import { eachAtMost } from '../util/eachAtMost';
import { ParseCache } from './parseCache';
import { isSymbolicLink, linkOnPath } from './links';

const YAML_FILE = /\.ya?ml$/i;
/** Past this many files the glob check is skipped: listing a huge repository on every change costs too much. */
const MAX_REPO_FILES = 50_000;
const REBUILD_DELAY_MS = 50;
const TYPING_DELAY_MS = 250;
const REPO_FILES_DELAY_MS = 1_500;
/** Learning which patterns match a file: the files of one step (the slices run steps until their time is spent). */
const LEARN_FILES_PER_STEP = 25;
/** Patterns with no answer yet that a rebuild tests against every file itself (~1 ms each on 6,000 files). */
const MAX_PATTERNS_TESTED_AT_ONCE = 20;
/** Files of .alignment/ read at once when a whole folder is read. */
const READS_AT_ONCE = 16;

export interface FolderSnapshot {
  readonly folder: vscode.WorkspaceFolder;
  readonly alignmentUri: vscode.Uri;
  /** False when the folder has no `.alignment/` folder (the model is then empty). */
  readonly exists: boolean;
  readonly model: AlignmentModel;
  /** Grows with every rebuild. */
  readonly version: number;
  /** Where each flag's anchored code is now (live: it follows the code between rebuilds). */
  readonly anchors: FolderAnchors;
  /** The comment tags of the folder's files, from the workspace tag index (live, like anchors). */
  readonly tags: FolderTags;
}

export class FolderAlignment extends Disposable {
  private readonly fromDisk = new Map<string, FileParse>();
  /** Parses of open editors' text, which wins over the disk while the editor is open. */
  private readonly fromEditors = new Map<string, FileParse>();
  private repoFiles: string[] | undefined;
  /** Which patterns matched a file of `repoFiles`: a rebuild tests only patterns it has not seen. */
  private readonly globMemo = new GlobMatchMemo();
  private exists = false;
  private version = 0;
  private current: FolderSnapshot;
  private readonly rebuild = this.register(new Debouncer(REBUILD_DELAY_MS, () => this.rebuildUnlessLoading()));
  /** Loads under way: a rebuild meanwhile would publish a model of the files read so far. */
  private loads = 0;
  /** The last build asked for, and the one waiting to start (see rebuildNow). */
  private lastBuild: Promise<void> = Promise.resolve();
  private nextBuild: Promise<void> | undefined;
  private disposed = false;
  private readonly parses = new ParseCache();
  private readonly refreshRepoFiles = this.register(new Debouncer(REPO_FILES_DELAY_MS, () => void this.listRepoFiles().then(() => this.rebuild.trigger())));
  private readonly typing = new Map<string, Debouncer>();
  /** The latest read started per file: an older read that finishes later must not win. */
  private readonly latestRead = new Map<string, number>();
  /** Reads under way, so that a load can wait for the reads that superseded its own. */
  private readonly reads = new Set<Promise<void>>();
  private readCount = 0;
  /** Grows with every delete event: a read that spans one re-checks that its file still exists. */
  private deleteCount = 0;

  readonly alignmentUri: vscode.Uri;

  /** The message of the last failed build, to say it once, not on every keystroke. */
  private lastBuildError: string | undefined;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly onDidRebuild: (snapshot: FolderSnapshot) => void,
    /** Core's buildModelSteps; a test passes one that fails. */
    private readonly build: typeof buildModelSteps = buildModelSteps,
    private readonly anchors: FolderAnchors = NO_ANCHORS,
    private readonly tags: FolderTags = NO_TAGS,
  ) {
    super();
    this.alignmentUri = childUri(folder.uri, ALIGNMENT_FOLDER);
    this.current = this.snapshotOf(buildModel([]));
    const alignmentWatcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `{${ALIGNMENT_FOLDER},${ALIGNMENT_FOLDER}/**}`)));
    this.register(alignmentWatcher.onDidCreate((uri) => void this.onDiskChange(uri)));
    this.register(alignmentWatcher.onDidChange((uri) => void this.onDiskChange(uri)));
    this.register(alignmentWatcher.onDidDelete((uri) => this.onDiskDelete(uri)));
    // Any file created or deleted anywhere may make a `paths` glob match, or stop matching.
    const repoWatcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'), false, true, false));
    this.register(repoWatcher.onDidCreate(() => this.refreshRepoFiles.trigger()));
    this.register(repoWatcher.onDidDelete(() => this.refreshRepoFiles.trigger()));
  }

  get snapshot(): FolderSnapshot {
    return this.current;
  }

  /** Reads everything from scratch. */
  async load(): Promise<void> {
    this.loads++;
    try {
      await this.loadNow();
    } finally {
      this.loads--;
    }
    await this.rebuildNow();
    // Listing the repository only adds the glob-matches-nothing warnings; a slow search must not keep
    // the views empty, so the model is published first and rebuilt once the list is in.
    this.refreshRepoFiles.trigger();
  }

  private async loadNow(): Promise<void> {
    this.fromDisk.clear();
    const stat = await statOf(this.alignmentUri);
    this.exists = stat !== undefined && (stat.type & vscode.FileType.Directory) !== 0;
    if (stat && isSymbolicLink(stat.type)) {
      // .alignment itself is a link: it could lead anywhere on the machine; say so, read nothing.
      this.exists = true;
      this.fromDisk.set(ALIGNMENT_FOLDER, linkedParse(ALIGNMENT_FOLDER));
    } else if (this.exists) {
      await this.readFolder(this.alignmentUri, ALIGNMENT_FOLDER);
      // A file the watcher reported meanwhile (the folder was just checked out or moved in) is read again, and
      // that newer read decides: wait for it, or the first model would miss the file and flash its references
      // as unknown.
      await this.readsSettled();
    }
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) this.parseEditor(document);
  }

  /**
   * A change's rebuild; held while a load is under way, whose own rebuild at its end has the change too (a
   * folder moved in at start-up sends the watcher's events while the load reads the same files).
   */
  private rebuildUnlessLoading(): void {
    if (this.loads === 0) void this.rebuildNow();
  }

  /** The path of `uri` inside this folder, if it is inside. */
  relativePath(uri: vscode.Uri): string | undefined {
    return relativePath(this.folder.uri, uri);
  }

  /** An open editor's text changed: re-parse it after a typing pause. */
  onEditorChange(document: vscode.TextDocument): void {
    const path = this.alignmentPath(document.uri);
    if (path === undefined) return;
    let debouncer = this.typing.get(path);
    if (!debouncer) {
      const key = document.uri.toString();
      debouncer = this.register(new Debouncer(TYPING_DELAY_MS, () => {
        // The document object of the last change, not of the first: a reopened file is a new object.
        const latest = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
        if (!latest) return;
        this.parseEditor(latest);
        this.rebuildUnlessLoading();
      }));
      this.typing.set(path, debouncer);
    }
    debouncer.trigger();
  }

  /** An editor closed: its unsaved text no longer counts; the disk does. */
  onEditorClose(document: vscode.TextDocument): void {
    const path = this.alignmentPath(document.uri);
    if (path !== undefined && this.fromEditors.delete(path)) this.rebuild.trigger();
  }

  /** An editor saved: the disk and the editor agree again. */
  onEditorSave(document: vscode.TextDocument): void {
    const path = this.alignmentPath(document.uri);
    if (path === undefined) return;
    this.fromEditors.delete(path);
    this.fromDisk.set(path, this.parses.now(path, document.getText()));
    this.rebuild.trigger();
  }

  private parseEditor(document: vscode.TextDocument): void {
    const path = this.alignmentPath(document.uri);
    if (path === undefined || document.isClosed) return;
    if (!document.isDirty) this.fromEditors.delete(path);
    else this.fromEditors.set(path, this.parses.now(path, document.getText()));
    // A saved editor holds what the disk holds; but this runs after a typing pause, and a file deleted on
    // disk meanwhile (the watcher dropped it) must not come back from the editor's old text.
    if (!document.isDirty && this.fromDisk.has(path)) this.fromDisk.set(path, this.parses.now(path, document.getText()));
  }

  private alignmentPath(uri: vscode.Uri): string | undefined {
    const path = this.relativePath(uri);
    return path !== undefined && path.startsWith(`${ALIGNMENT_FOLDER}/`) && YAML_FILE.test(path) ? path : undefined;
  }

  private async onDiskChange(uri: vscode.Uri): Promise<void> {
    const stat = await statOf(uri);
    if (!stat) return;
    const path = this.relativePath(uri);
    if (path === undefined) return;
    const link = await linkOnPath(this.folder.uri, path);
    if (link !== undefined) {
      // A link (or a file below one) is not followed: the link is a problem where it is.
      if (link !== path || link === ALIGNMENT_FOLDER || YAML_FILE.test(link) || stat.type & vscode.FileType.Directory) {
        this.fromDisk.set(link, linkedParse(link));
        this.exists = true;
      }
    } else if (stat.type & vscode.FileType.Directory) {
      // A new .alignment/ or a sub-folder moved in: read what it holds.
      this.exists = this.exists || uri.path === this.alignmentUri.path || (await isFolder(this.alignmentUri));
      await this.readFolder(uri, path);
    } else {
      await this.readFile(uri, true); // no link on its way: checked above
    }
    this.rebuild.trigger();
  }

  private onDiskDelete(uri: vscode.Uri): void {
    const path = this.relativePath(uri);
    if (path === undefined) return;
    if (path === ALIGNMENT_FOLDER) this.exists = false;
    this.deleteCount++;
    // A deleted folder comes as one event: drop everything below it too.
    for (const key of [...this.fromDisk.keys()]) if (key === path || key.startsWith(`${path}/`)) this.fromDisk.delete(key);
    this.parses.forget(path);
    this.rebuild.trigger();
  }

  /** Reads one YAML file of .alignment/; `linksChecked` when a listing or a check just found no link on its way. */
  private readFile(uri: vscode.Uri, linksChecked = false): Promise<void> {
    const read = this.readFileNow(uri, linksChecked);
    this.reads.add(read);
    const done = (): void => {
      this.reads.delete(read);
    };
    read.then(done, done);
    return read;
  }

  /** Reads every YAML file below a folder of .alignment/, a few at a time; what the listing refused is a problem. */
  private async readFolder(uri: vscode.Uri, path: string): Promise<void> {
    const { files, refused } = await listYamlFiles(uri, path);
    for (const parse of refused) this.fromDisk.set(parse.file, parse);
    await eachAtMost(files, READS_AT_ONCE, (file) => this.readFile(file, true));
  }

  /** Resolves once no read is under way. */
  private async readsSettled(): Promise<void> {
    while (this.reads.size > 0) await Promise.allSettled([...this.reads]);
  }

  private async readFileNow(uri: vscode.Uri, linksChecked: boolean): Promise<void> {
    const path = this.alignmentPath(uri);
    if (path === undefined) return;
    const link = linksChecked ? undefined : await linkOnPath(this.folder.uri, path);
    if (link !== undefined) {
      this.fromDisk.set(link, linkedParse(link));
      if (link !== path) this.fromDisk.delete(path);
      this.exists = true;
      return;
    }
    const read = ++this.readCount;
    const deletesBefore = this.deleteCount;
    this.latestRead.set(path, read);
    let parse: FileParse | undefined;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (isSymbolicLink(stat.type)) {
        parse = linkedParse(path); // replaced by a link since it was checked
      } else if (!(stat.type & vscode.FileType.File)) {
        // A pipe or a device named *.yaml: reading it could wait forever.
        parse = unreadableFile(path, 'not a regular file');
      } else {
        // Too large to be hand-written truth: let core say so without reading megabytes.
        const text = stat.size > DEFAULT_MAX_FILE_BYTES ? unreadOverLimitText() : decodeText(await vscode.workspace.fs.readFile(uri));
        parse = await this.parses.inSlices(path, text);
      }
      // A delete handled while this read was under way may have removed the file after we read it.
      if (this.deleteCount !== deletesBefore && !(await statOf(uri))) parse = undefined;
    } catch (error) {
      log(`could not read ${uri.toString()}: ${String(error)}`);
      // Still there but unreadable: a problem at the file, never a file silently missing from the views.
      if (await statOf(uri)) parse = unreadableFile(path, errorMessage(error));
    }
    if (this.latestRead.get(path) !== read) return; // a newer read of this file decides
    this.latestRead.delete(path);
    if (parse) {
      this.fromDisk.set(path, parse);
      this.exists = true;
    } else {
      this.fromDisk.delete(path); // gone between the event and the read
    }
  }


  private async listRepoFiles(): Promise<void> {
    if (!this.exists) return;
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/*'), '**/{node_modules,.git}/**', MAX_REPO_FILES + 1);
    const files = uris.length > MAX_REPO_FILES ? undefined : uris.map((uri) => this.relativePath(uri)).filter((path): path is string => path !== undefined);
    if (files) await this.learnPatterns(this.current.model, files);
    this.repoFiles = files;
  }

  /**
   * Which of the model's patterns match a file is learnt in slices, between which the extension host runs
   * other work; the rebuild that follows only reads the answers (one pass over 30,000 files would block it
   * for ~0.3 s).
   */
  private async learnPatterns(model: AlignmentModel, files: readonly string[]): Promise<void> {
    await yieldToHost(); // not in the task of the rebuild that asks for it
    // A few files a step, in the extension's slices: how long a file takes depends on how many patterns
    // could match it.
    await hostSlices.steps(this.globMemo.learnSteps(model, files, LEARN_FILES_PER_STEP));
    // The rebuild reports each pattern that matches no file at its place, and finding a place reads the
    // item's lines: found here in slices, the rebuild reads them (2,000 such patterns took ~0.1 s at once).
    await Promise.all([...this.globMemo.unmatched(model, files)].map(({ entry, index }) => hostSlices.run(() => entry.locate(['paths', index]))));
  }

  private rebuildAfterLearning(model: AlignmentModel, repoFiles: readonly string[]): void {
    // Nothing learnt (the listing was replaced meanwhile, and is learnt by its own pass): no rebuild for it.
    if (this.repoFiles !== repoFiles || this.globMemo.unknownPatterns(model.byId.values(), repoFiles, MAX_PATTERNS_TESTED_AT_ONCE) > MAX_PATTERNS_TESTED_AT_ONCE) return;
    this.rebuild.trigger();
  }

  /**
   * Builds the model from the parses as they are when it starts, one build at a time: asked for while one
   * runs, the next starts after it, and asks meanwhile share that next one.
   */
  private rebuildNow(): Promise<void> {
    // Never rejected: a build that fails must not stop the ones after it.
    this.nextBuild ??= this.lastBuild.then(() => {
      this.nextBuild = undefined;
      return this.rebuildInSteps();
    }).catch((error: unknown) => logError(`could not rebuild the model of ${this.folder.name}`, error));
    this.lastBuild = this.nextBuild;
    return this.nextBuild;
  }

  private async rebuildInSteps(): Promise<void> {
    if (this.disposed) return;
    const parses = new Map(this.fromDisk);
    for (const [path, parse] of this.fromEditors) parses.set(path, parse);
    const files = [...parses.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
    const repoFiles = this.repoFiles;
    // Patterns the listing has no answer for are tested against every file inside the build: a few (an edit)
    // cost little; many (a folder read while the listing was learnt for the model before) are learnt in
    // slices first, and this build leaves the glob check out.
    const globsNow = repoFiles !== undefined && this.globMemo.unknownPatterns(files.flatMap((file) => file.items), repoFiles, MAX_PATTERNS_TESTED_AT_ONCE) <= MAX_PATTERNS_TESTED_AT_ONCE;
    let model: AlignmentModel;
    try {
      // From the model before: the files whose parses are kept keep their answers, so an edit costs one file's work.
      const previous = this.current.model;
      // A full build goes phase by phase, with a turn for the host between phases.
      model = await hostSlices.steps(this.build(files, repoFiles && globsNow ? { repoFiles, globMemo: this.globMemo, previous } : { previous }));
    } catch (error) {
      // Core never throws on bad input; if it ever does, the views keep the last good model and say why.
      const message = errorMessage(error);
      log(`could not build the model of ${this.folder.name}: ${error instanceof Error ? error.stack ?? message : message}`);
      if (message !== this.lastBuildError) {
        this.lastBuildError = message;
        void vscode.window.showErrorMessage(vscode.l10n.t('Truthline could not read .alignment/ in {0} ({1}); the views show the last state it could read. Please report this with the log (Output: Truthline).', this.folder.name, plainText(message)));
      }
      return;
    }
    if (this.disposed) return;
    this.lastBuildError = undefined;
    this.current = this.snapshotOf(model);
    this.onDidRebuild(this.current);
    if (repoFiles && !globsNow) {
      void this.learnPatterns(model, repoFiles).then(() => this.rebuildAfterLearning(model, repoFiles), (error: unknown) => logError(`could not match the paths patterns of ${this.folder.name}`, error));
    }
  }

  override dispose(): void {
    this.disposed = true;
    super.dispose();
  }

  private snapshotOf(model: AlignmentModel): FolderSnapshot {
    return { folder: this.folder, alignmentUri: this.alignmentUri, exists: this.exists, model, version: ++this.version, anchors: this.anchors, tags: this.tags };
  }
}


async function isFolder(uri: vscode.Uri): Promise<boolean> {
  const stat = await statOf(uri);
  return stat !== undefined && (stat.type & vscode.FileType.Directory) !== 0;
}

interface YamlListing {
  files: vscode.Uri[];
  /** Links (not followed) and folders that could not be listed: a problem each, at its path. */
  refused: FileParse[];
}

/** The YAML files below `folder` (whose path in the workspace folder is `path`). */
async function listYamlFiles(folder: vscode.Uri, path: string, listing: YamlListing = { files: [], refused: [] }): Promise<YamlListing> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch (error) {
    log(`could not list ${folder.toString()}: ${String(error)}`);
    listing.refused.push({ file: path, items: [], problems: [unreadableFolderProblem(path, errorMessage(error))] });
    return listing;
  }
  for (const [name, type] of entries) {
    const child = vscode.Uri.joinPath(folder, name);
    const childPath = `${path}/${name}`;
    if (isSymbolicLink(type)) {
      if (type & vscode.FileType.Directory || YAML_FILE.test(name)) listing.refused.push(linkedParse(childPath));
    } else if (type & vscode.FileType.Directory) {
      await listYamlFiles(child, childPath, listing);
    } else if (YAML_FILE.test(name)) {
      listing.files.push(child);
    }
  }
  return listing;
}

/** A symbolic link where .alignment/ content is expected: a problem at the link, nothing read through it. */
function linkedParse(path: string): FileParse {
  return { file: path, items: [], problems: [symbolicLinkProblem(path)] };
}

/** Core returns problems for bad input and never throws; should it ever, the file is a problem, not a crash. */
