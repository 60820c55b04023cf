// The lenses: above each module, whose requests it serves; above each comment tag, the item in one line.
// Computed synchronously from the folder's current snapshot, so a reload never makes them vanish and come
// back, and the module lens always sits on line 1: the editor never jumps because of them.
import * as vscode from 'vscode';
import { isAlignmentFile, moduleLens, tagLenses, type ModuleLens } from '../../core';
import { Commands } from '../constants';
import type { AlignmentStore, FileContext } from '../workspace/alignmentStore';
import { Disposable } from '../util/disposables';
import { plainText } from '../util/plainText';
import { tagsOf } from '../workspace/documentTags';
import { affectsCodeLens, readCodeLensSettings } from './codeLensSettings';

const MODULE_RANGE = new vscode.Range(0, 0, 0, 0);

export class RequestCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(private readonly store: AlignmentStore) {
    super();
    // Only when the model, a flag's anchor or the settings change: the editor asks again by itself when
    // the text changes.
    this.register(store.onDidChange(() => this.changeEmitter.fire()));
    this.register(store.onDidChangeAnchors(() => this.changeEmitter.fire()));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsCodeLens(event)) this.changeEmitter.fire();
    }));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const settings = readCodeLensSettings(document.uri);
    if (!settings.enabled || (!settings.module && !settings.tags)) return [];
    const context = this.store.fileContext(document.uri);
    if (!context?.snapshot.exists || isAlignmentFile(context.path)) return [];
    const model = context.snapshot.model;
    const tags = tagsOf(document);
    const lenses: vscode.CodeLens[] = [];
    const module = settings.module ? moduleLens(model, context.path, tags, { noRequest: settings.noRequest }) : undefined;
    if (module) lenses.push(new vscode.CodeLens(MODULE_RANGE, moduleCommand(module, document.uri, context)));
    if (settings.tags) {
      const anchors = context.snapshot.anchors;
      const isDrifted = (flag: { id: string }): boolean => anchors.isDrifted(flag.id);
      const lineText = (line: number): string => (line <= document.lineCount ? document.lineAt(line - 1).text : '');
      for (const lens of tagLenses(model, tags, lineText, module, { isDrifted })) {
        // Lenses on one line share it: a block of tags (or the file's header, with the module lens) adds one line.
        const range = new vscode.Range(lens.placedAt - 1, 0, lens.placedAt - 1, 0);
        lenses.push(new vscode.CodeLens(range, lens.target
          ? { title: plainText(lens.title), command: Commands.openItemById, arguments: [context.snapshot.folder.uri, lens.target.id], tooltip: vscode.l10n.t('{0} (line {1}). Click to open it in {2}.', plainText(lens.detail), lens.tag.line, lens.target.file) }
          // Not clickable: there is nothing to open; the Problems panel says what is wrong.
          : { title: plainText(lens.title), command: '', tooltip: plainText(lens.detail) }));
      }
    }
    return lenses;
  }
}

function moduleCommand(lens: ModuleLens, uri: vscode.Uri, context: FileContext): vscode.Command {
  if (lens.kind === 'serves') {
    return {
      title: plainText(lens.title),
      command: Commands.showServingRequests,
      arguments: [uri],
      tooltip: vscode.l10n.t('The customer requests this module serves: click to read their words'),
    };
  }
  const features = lens.features.map((feature) => feature.id).join(', ');
  return {
    title: vscode.l10n.t('No customer request'),
    command: Commands.openItemById,
    arguments: [context.snapshot.folder.uri, lens.features[0]?.id],
    tooltip: vscode.l10n.t('{0} covers this file, but no customer request names it, its feature or a @serves tag in it. Click to open the feature.', features),
  };
}
