import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { DisposableStore } from '../util/disposables';

export function registerCoreCommands(store: AlignmentStore): vscode.Disposable {
  const disposables = new DisposableStore();
  disposables.add(vscode.commands.registerCommand(Commands.refresh, () => store.reload()));
  return disposables;
}
