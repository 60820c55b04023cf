// Tags naming unknown ids (or ids of the wrong kind) in source files: open files as the user types, closed
// files from the workspace tag index (never read here; only files with tags are looked at).
import * as vscode from 'vscode';
import { checkTags, isAlignmentFile } from '../../core';
import { tagsOf } from '../workspace/documentTags';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';
import { toDiagnostic } from '../workspace/diagnostics';
import { childUri } from '../util/uris';
import { Debouncer, Disposable } from '../util/disposables';

const TAG_CHECK_DELAY_MS = 300;

export class TagProblems extends Disposable {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('truthline-tags'));
  /** Per folder: the closed files that show problems. */
  private readonly shownClosed = new Map<string, Set<string>>();
  private readonly pending = new Set<vscode.TextDocument>();
  private readonly typing = this.register(new Debouncer(TAG_CHECK_DELAY_MS, () => {
    for (const document of this.pending) if (!document.isClosed) this.checkDocument(document);
    this.pending.clear();
  }));

  constructor(private readonly store: AlignmentStore) {
    super();
    this.register(store.onDidChange((snapshot) => {
      this.checkOpenDocuments();
      this.checkClosedFiles(snapshot);
    }));
    this.register(store.onDidChangeTags(() => this.checkClosedFilesEverywhere()));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.checkDocument(document)));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => {
      this.pending.add(event.document);
      this.typing.trigger();
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => {
      this.diagnostics.delete(document.uri);
      this.checkClosedFilesEverywhere(); // what it says on disk counts again
    }));
    this.checkOpenDocuments();
  }

  private checkDocument(document: vscode.TextDocument): void {
    const context = this.store.fileContext(document.uri);
    if (!context?.snapshot.exists || isAlignmentFile(context.path)) return;
    const problems = checkTags(context.path, tagsOf(document), context.snapshot.model);
    this.diagnostics.set(document.uri, problems.map(toDiagnostic));
  }

  private checkOpenDocuments(): void {
    vscode.workspace.textDocuments.forEach((document) => this.checkDocument(document));
  }

  private checkClosedFiles(snapshot: FolderSnapshot): void {
    const key = snapshot.folder.uri.toString();
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    const shown = new Set<string>();
    if (snapshot.exists && snapshot.tags.complete) {
      for (const { path, tags } of snapshot.tags.tagged()) {
        // Checked first: most tagged files have no problem, and a Uri made for each of thousands of files
        // on every rebuild was most of this loop's time.
        const problems = checkTags(path, tags, snapshot.model);
        if (problems.length === 0) continue;
        const uri = childUri(snapshot.folder.uri, path);
        if (open.has(uri.toString())) continue;
        this.diagnostics.set(uri, problems.map(toDiagnostic));
        shown.add(uri.toString());
      }
    }
    for (const uri of this.shownClosed.get(key) ?? []) if (!shown.has(uri) && !open.has(uri)) this.diagnostics.delete(vscode.Uri.parse(uri));
    this.shownClosed.set(key, shown);
  }

  private checkClosedFilesEverywhere(): void {
    this.store.snapshots().forEach((snapshot) => this.checkClosedFiles(snapshot));
  }
}
