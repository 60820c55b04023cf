import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { DisposableStore } from '../util/disposables';

export function registerCoreCommands(store: AlignmentStore): vscode.Disposable {
  const disposables = new DisposableStore();
  disposables.add(vscode.commands.registerCommand(Commands.refresh, async () => {
    // Refresh also re-reads the code's tags: a large checkout can outrun the file watcher.
    await Promise.all([store.reload(), store.rebuildTagIndex()]);
  }));
  return disposables;
}
