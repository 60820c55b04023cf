// The lightbulb: "Raise truth flag" on tagged lines, and in a file a feature covers on a selection, on a line
// with a problem, or when asked (Ctrl+.) — not on every line the cursor rests on (one action per item tagged
// on the lines, which then needs no "about" prompt); "Re-anchor" for drifted flags of the file when lines
// are selected; and in a flag's YAML a fix for its drift warning.
import * as vscode from 'vscode';
import { isAlignmentFile, scanTags, TAG_KINDS } from '../../core';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { linesOf } from '../workspace/edits/commandArgs';

const KIND = vscode.CodeActionKind.QuickFix.append('truthline');
/** Items tagged on the lines get their own action, up to this many. */
const MAX_TAGGED_ACTIONS = 3;

export class FlagCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [KIND] };

  constructor(private readonly store: AlignmentStore) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // Writing needs trust: in Restricted Mode the lightbulb offers nothing it cannot do.
    if (!vscode.workspace.isTrusted) return [];
    const file = this.store.fileContext(document.uri);
    if (!file?.snapshot.exists) return [];
    if (isAlignmentFile(file.path)) return this.driftFixes(context);
    const { startLine, endLine } = linesOf(range);
    const where = startLine === endLine ? vscode.l10n.t('line {0}', startLine) : vscode.l10n.t('lines {0}-{1}', startLine, endLine);
    const { model } = file.snapshot;
    const selected = document.getText(new vscode.Range(startLine - 1, 0, endLine - 1, Number.MAX_SAFE_INTEGER));
    // A flag is about the work (a milestone, a risk…), not about another flag.
    const tagged = [...new Set(scanTags(selected).filter((tag) => tag.keyword !== 'flag' && model.byId.get(tag.id)?.kind === TAG_KINDS[tag.keyword]).map((tag) => tag.id))];
    const covered = this.store.itemsFor(document.uri)?.features.length ?? 0;
    const actions: vscode.CodeAction[] = [];
    // A lightbulb on every line of a covered file is noise: there it waits for a selection, a problem or a request.
    const wanted = context.triggerKind === vscode.CodeActionTriggerKind.Invoke || !range.isEmpty || context.diagnostics.length > 0;
    if (tagged.length > 0 || (covered > 0 && wanted)) {
      const args = { uri: document.uri, range };
      actions.push(action(vscode.l10n.t('Raise truth flag on {0}', where), Commands.raiseFlag, [args]));
      for (const id of tagged.slice(0, MAX_TAGGED_ACTIONS)) {
        actions.push(action(vscode.l10n.t('Raise truth flag about {0} on {1}', id, where), Commands.raiseFlag, [{ ...args, about: id }]));
      }
    }
    if (!range.isEmpty) {
      for (const id of file.snapshot.anchors.drifted()) {
        const anchor = (model.byId.get(id)?.item as { anchor?: { path: string } } | undefined)?.anchor;
        if (anchor?.path === file.path) actions.push(action(vscode.l10n.t('Re-anchor {0} to {1}', id, where), Commands.reanchorFlag, [{ id, uri: document.uri, range }]));
      }
    }
    return actions;
  }

  /** In a flag's YAML: the drift warning's fix opens the anchored file to select the new lines. */
  private driftFixes(context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((diagnostic) => diagnostic.code === 'anchor-drifted')
      .map((diagnostic) => {
        const id = /^(\S+) has drifted/.exec(diagnostic.message)?.[1] ?? '';
        const fix = action(vscode.l10n.t('Re-anchor {0}: open its file to select the lines', id), Commands.reanchorFlag, [{ id }]);
        fix.diagnostics = [diagnostic];
        fix.isPreferred = true;
        return fix;
      })
      .filter((fix) => fix.title.length > 0);
  }
}

function action(title: string, command: string, args: unknown[]): vscode.CodeAction {
  const codeAction = new vscode.CodeAction(title, KIND);
  codeAction.command = { title, command, arguments: args };
  return codeAction;
}
