// The first time someone edits a `.alignment/` file without a YAML extension, one message says what it
// would add (completion and checking as they type, from the schema Truthline contributes) and offers it.
// Asked once per user, whatever the answer: a recommendation, not a nag.
import * as vscode from 'vscode';
import { isAlignmentFile } from '../../core';
import { OtherExtensions, StateKeys } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { Disposable } from '../util/disposables';

export class YamlExtensionRecommendation extends Disposable {
  constructor(private readonly store: AlignmentStore, private readonly memory: vscode.Memento) {
    super();
    if (this.settled()) return;
    const watching = this.register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0 || !this.isAlignmentDocument(event.document)) return;
      watching.dispose();
      void this.recommend();
    }));
  }

  private settled(): boolean {
    return this.memory.get<boolean>(StateKeys.yamlExtensionRecommended, false) || vscode.extensions.getExtension(OtherExtensions.yaml) !== undefined;
  }

  private isAlignmentDocument(document: vscode.TextDocument): boolean {
    const context = this.store.fileContext(document.uri);
    return context !== undefined && isAlignmentFile(context.path);
  }

  private async recommend(): Promise<void> {
    if (this.settled()) return;
    await this.memory.update(StateKeys.yamlExtensionRecommended, true);
    const show = vscode.l10n.t('Show YAML Extension');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Truthline completes whole items in .alignment/ files (type "kind"). The YAML extension (Red Hat) adds completion of every key and value and checks them as you type, from the schema Truthline provides.'),
      show,
    );
    if (answer === show) await vscode.commands.executeCommand('extension.open', OtherExtensions.yaml);
  }
}
