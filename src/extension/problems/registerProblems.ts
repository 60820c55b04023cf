// The Problems panel: every problem core finds in `.alignment/` files, and tags naming unknown ids in
// source files (tagProblems.ts), at their exact positions.
import type * as vscode from 'vscode';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { ProblemsByFile } from '../workspace/diagnostics';
import { DisposableStore } from '../util/disposables';
import { TagProblems } from './tagProblems';

export function registerProblems(store: AlignmentStore): vscode.Disposable {
  const disposables = new DisposableStore();
  const alignmentProblems = disposables.add(new ProblemsByFile('truthline'));
  // Before the tag problems: a snapshot's model problems show first, as before the split.
  disposables.add(store.onDidChange((snapshot) => alignmentProblems.show(snapshot.folder.uri, snapshot.model.problems)));
  disposables.add(new TagProblems(store));
  for (const snapshot of store.snapshots()) alignmentProblems.show(snapshot.folder.uri, snapshot.model.problems);
  return disposables;
}
