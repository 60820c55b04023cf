// Suspect statuses in the editor: a Problems warning at each status the code has moved past (as `truthline
// check` reports it), and the Confirm Status quick fix. The watch itself is shared (workspace/git).
import * as vscode from 'vscode';
import { suspectProblems } from '../../core';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { ProblemsByFile } from '../workspace/diagnostics';
import type { SuspectWatch } from '../workspace/git/suspectWatch';
import { DisposableStore } from '../util/disposables';
import { confirmSuspectStatus } from './confirmStatus';
import { SuspectQuickFix } from './suspectQuickFix';

export function registerSuspects(store: AlignmentStore, suspects: SuspectWatch): vscode.Disposable {
  const disposables = new DisposableStore();
  const problems = disposables.add(new ProblemsByFile('truthline-suspects'));
  disposables.add(suspects.onDidChange((snapshot) => problems.show(snapshot.folder.uri, suspectProblems(suspects.of(snapshot)))));
  disposables.add(vscode.languages.registerCodeActionsProvider({ pattern: '**/.alignment/**/*.{yaml,yml}' }, new SuspectQuickFix(store, suspects), { providedCodeActionKinds: SuspectQuickFix.kinds }));
  disposables.add(vscode.commands.registerCommand(Commands.confirmStatus, (argument: unknown) => confirmSuspectStatus(store, suspects, argument)));
  return disposables;
}
