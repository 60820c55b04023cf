// Re-anchoring a flag to the selection, after its code changed beyond recognition (it drifted). With
// `{ id, uri?, range? }` it runs without prompts; from the palette the drifted flags come first.
import * as vscode from 'vscode';
import { CommandTitles, Commands } from '../constants';
import { anchorOf, isAlignmentFile, reanchorFlag } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { repoFileUri } from '../util/uris';
import { plainText } from '../util/plainText';
import { isObject, linesOf, rangeOfValue, uriOfValue, type FoundItem } from '../workspace/edits/commandArgs';
import { editInPlace } from '../workspace/edits/editInPlace';
import { itemFor } from './flagCommands';
import { pickFlag } from './itemPickers';

export class Reanchorer {
  constructor(private readonly store: AlignmentStore, private readonly afterWrite: () => Promise<void>) {}

  async run(argument: unknown): Promise<vscode.Uri | undefined> {
    const given = isObject(argument) && !(argument instanceof vscode.Uri) ? argument : {};
    const uri = uriOfValue(given.uri);
    if (given.uri !== undefined && !uri) throw new Error(`${Commands.reanchorFlag}: "uri" is not a Uri: ${JSON.stringify(given.uri)}`);
    const target = this.target(uri, rangeOfValue(given.range));
    const flag = await itemFor(this.store, argument instanceof vscode.Uri ? undefined : argument, 'flag', () => pickFlag(
      this.store,
      vscode.l10n.t('Re-anchor Truth Flag to Selection'),
      target ? vscode.l10n.t('Which flag is about the selected lines? (drifted flags first)') : vscode.l10n.t('Which flag? Its file opens; select the lines it is about, then run this again'),
      ['open', 'acknowledged'],
      true,
    ), Commands.reanchorFlag);
    if (!flag) return undefined;
    if (!target) return this.showAnchoredFile(flag);
    const context = this.store.fileContext(target.uri);
    if (!context || context.snapshot.folder.uri.toString() !== flag.snapshot.folder.uri.toString()) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in the workspace folder of {1}; anchors point inside their own repository.', plainText(vscode.workspace.asRelativePath(target.uri)), flag.entry.id));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(target.uri);
    const { startLine, endLine } = linesOf(target.range);
    const anchor = anchorOf(context.path, document.getText(), startLine, endLine);
    return editInPlace(this.store, flag, {
      ask: () => Promise.resolve(anchor),
      compute: (text) => reanchorFlag(text, flag.entry.id, anchor),
      done: () => vscode.l10n.t('{0} anchored to {1}:{2}', flag.entry.id, anchor.path, anchor.startLine),
    }, this.afterWrite);
  }

  /** The lines to anchor to: the given ones, else the active editor's selection in a source file. */
  private target(uri: vscode.Uri | undefined, range: vscode.Range | undefined): { uri: vscode.Uri; range: vscode.Range } | undefined {
    const editor = vscode.window.activeTextEditor;
    if (uri) {
      const selection = range ?? (editor?.document.uri.toString() === uri.toString() ? editor.selection : undefined);
      if (!selection) throw new Error(`${Commands.reanchorFlag}: give "range" with "uri" (or select the lines in an editor)`);
      return { uri, range: selection };
    }
    if (!editor) return undefined;
    const context = this.store.fileContext(editor.document.uri);
    if (!context || isAlignmentFile(context.path)) return undefined;
    return { uri: editor.document.uri, range: range ?? editor.selection };
  }

  /** Without lines to anchor to: open where the flag pointed, and say what to do next. */
  private async showAnchoredFile(flag: FoundItem<'flag'>): Promise<undefined> {
    const anchor = flag.entry.item.anchor;
    const uri = anchor && repoFileUri(flag.snapshot.folder.uri, anchor.path);
    if (anchor && !uri) {
      // Never opened: the path leads outside the workspace folder (the Problems panel says so too).
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is anchored to a path outside its workspace folder; Truthline does not open it.', flag.entry.id));
    } else if (anchor && uri) {
      const state = flag.snapshot.anchors.stateOf(flag.entry.id);
      const line = Math.max(0, (state?.startLine ?? anchor.startLine) - 1);
      try {
        await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
      } catch {
        // The anchored file is gone (that is why it drifted): the message below still says what to do.
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} no longer exists.', plainText(anchor.path)));
      }
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the lines {0} is about, then run "{1}" (or use the lightbulb).', flag.entry.id, CommandTitles.reanchorFlag));
    return undefined;
  }
}
