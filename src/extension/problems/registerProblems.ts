// The Problems panel: every problem core finds in `.alignment/` files, and tags naming unknown ids in
// source files, at their exact positions: open files as the user types, closed files from the tag index.
import * as vscode from 'vscode';
import { checkTags, isAlignmentFile } from '../../core';
import { tagsOf } from '../workspace/documentTags';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';
import { toDiagnostic } from '../workspace/diagnostics';
import { childUri } from '../util/uris';
import { Debouncer, DisposableStore } from '../util/disposables';

const TAG_CHECK_DELAY_MS = 300;

export function registerProblems(store: AlignmentStore): vscode.Disposable {
  const disposables = new DisposableStore();
  const alignmentDiagnostics = disposables.add(vscode.languages.createDiagnosticCollection('truthline'));
  const tagDiagnostics = disposables.add(vscode.languages.createDiagnosticCollection('truthline-tags'));
  const shownFiles = new Map<string, Set<string>>();

  const showModel = (snapshot: FolderSnapshot): void => {
    const key = snapshot.folder.uri.toString();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of snapshot.model.problems) {
      const list = byFile.get(problem.file) ?? [];
      list.push(toDiagnostic(problem));
      byFile.set(problem.file, list);
    }
    for (const file of shownFiles.get(key) ?? []) if (!byFile.has(file)) alignmentDiagnostics.delete(childUri(snapshot.folder.uri, file));
    for (const [file, diagnostics] of byFile) alignmentDiagnostics.set(childUri(snapshot.folder.uri, file), diagnostics);
    shownFiles.set(key, new Set(byFile.keys()));
  };

  const checkDocument = (document: vscode.TextDocument): void => {
    const context = store.fileContext(document.uri);
    if (!context?.snapshot.exists || isAlignmentFile(context.path)) return;
    const problems = checkTags(context.path, tagsOf(document), context.snapshot.model);
    tagDiagnostics.set(document.uri, problems.map(toDiagnostic));
  };
  const checkOpenDocuments = (): void => vscode.workspace.textDocuments.forEach(checkDocument);

  // Closed files: only those with tags are looked at, from the index (never read here).
  const shownClosed = new Map<string, Set<string>>();
  const checkClosedFiles = (snapshot: FolderSnapshot): void => {
    const key = snapshot.folder.uri.toString();
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    const shown = new Set<string>();
    if (snapshot.exists && snapshot.tags.complete) {
      for (const { path, tags } of snapshot.tags.tagged()) {
        const uri = childUri(snapshot.folder.uri, path);
        if (open.has(uri.toString())) continue;
        const problems = checkTags(path, tags, snapshot.model);
        if (problems.length === 0) continue;
        tagDiagnostics.set(uri, problems.map(toDiagnostic));
        shown.add(uri.toString());
      }
    }
    for (const uri of shownClosed.get(key) ?? []) if (!shown.has(uri) && !open.has(uri)) tagDiagnostics.delete(vscode.Uri.parse(uri));
    shownClosed.set(key, shown);
  };
  const checkClosedFilesEverywhere = (): void => store.snapshots().forEach(checkClosedFiles);

  const pending = new Set<vscode.TextDocument>();
  const typing = disposables.add(new Debouncer(TAG_CHECK_DELAY_MS, () => {
    for (const document of pending) if (!document.isClosed) checkDocument(document);
    pending.clear();
  }));
  disposables.add(store.onDidChange((snapshot) => {
    showModel(snapshot);
    checkOpenDocuments();
    checkClosedFiles(snapshot);
  }));
  disposables.add(store.onDidChangeTags(checkClosedFilesEverywhere));
  disposables.add(vscode.workspace.onDidOpenTextDocument(checkDocument));
  disposables.add(vscode.workspace.onDidChangeTextDocument((event) => {
    pending.add(event.document);
    typing.trigger();
  }));
  disposables.add(vscode.workspace.onDidCloseTextDocument((document) => {
    tagDiagnostics.delete(document.uri);
    checkClosedFilesEverywhere(); // what it says on disk counts again
  }));
  for (const snapshot of store.snapshots()) showModel(snapshot);
  checkOpenDocuments();
  return disposables;
}
