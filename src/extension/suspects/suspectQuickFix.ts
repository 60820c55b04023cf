// The quick fix on a `suspect` warning: Confirm Status, once the status has been checked against the code.
// Not in Restricted Mode, where nothing is written.
import * as vscode from 'vscode';
import { isAlignmentFile } from '../../core';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import type { SuspectWatch } from '../workspace/git/suspectWatch';
import type { ConfirmStatusArgument } from './confirmStatus';

export class SuspectQuickFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: AlignmentStore, private readonly suspects: SuspectWatch) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!vscode.workspace.isTrusted) return [];
    const file = this.store.fileContext(document.uri);
    if (!file || !isAlignmentFile(file.path)) return [];
    const suspects = this.suspects.of(file.snapshot).filter((suspect) => suspect.entry.file === file.path);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.code !== 'suspect') continue;
      const suspect = suspects.find((candidate) => candidate.range.line - 1 === diagnostic.range.start.line);
      if (!suspect) continue;
      const action = new vscode.CodeAction(vscode.l10n.t('Confirm "{0}" of {1}: checked, still true', suspect.status, suspect.entry.id), vscode.CodeActionKind.QuickFix);
      const argument: ConfirmStatusArgument = { id: suspect.entry.id, ...(suspect.gateIndex === undefined ? {} : { gateIndex: suspect.gateIndex }) };
      action.command = { command: Commands.confirmStatus, title: action.title, arguments: [argument] };
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
