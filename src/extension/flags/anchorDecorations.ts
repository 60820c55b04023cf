// The lines an open truth flag is anchored to, marked where the code is read: a flag in the gutter, a mark
// in the overview ruler, and the flag in the hover. They follow the anchors as the code moves (the store's
// anchor tracker) and leave when a flag is resolved or its lines are gone. Off with
// `truthline.editor.anchoredLines`.
import * as vscode from 'vscode';
import { isOpenFlag, oneLine, type LoadedItem } from '../../core';
import { Settings } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { Debouncer, Disposable } from '../util/disposables';
import { escapeMarkdown } from '../util/markdown';

export interface AnchoredLines {
  flag: LoadedItem<'flag'>;
  /** 0-based, whole lines. */
  range: vscode.Range;
}

/** The open flags anchored in `uri`, at the lines their code is at now (a drifted anchor has none). */
export function anchoredLinesIn(store: AlignmentStore, uri: vscode.Uri): AnchoredLines[] {
  const snapshot = store.fileContext(uri)?.snapshot;
  if (!snapshot?.exists) return [];
  const found: AnchoredLines[] = [];
  for (const flag of snapshot.model.byKind.flag) {
    if (!isOpenFlag(flag) || !flag.item.anchor) continue;
    const state = snapshot.anchors.stateOf(flag.id);
    if (!state || state.state === 'drifted' || state.uri.toString() !== uri.toString()) continue;
    found.push({ flag, range: new vscode.Range(state.startLine - 1, 0, state.endLine - 1, Number.MAX_SAFE_INTEGER) });
  }
  return found;
}

export class AnchorDecorations extends Disposable {
  private readonly type: vscode.TextEditorDecorationType;
  private readonly redraw = this.register(new Debouncer(100, () => this.drawAll()));

  constructor(private readonly store: AlignmentStore, extensionUri: vscode.Uri) {
    super();
    this.type = this.register(vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'flag-gutter.svg'),
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      isWholeLine: true,
    }));
    const later = (): void => this.redraw.trigger();
    this.register(store.onDidChange(later));
    this.register(store.onDidChangeAnchors(later));
    this.register(vscode.window.onDidChangeVisibleTextEditors(later));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(Settings.anchoredLines)) later();
    }));
    void store.ready.then(later);
  }

  private drawAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.draw(editor);
  }

  private draw(editor: vscode.TextEditor): void {
    const uri = editor.document.uri;
    const on = vscode.workspace.getConfiguration(undefined, uri).get<boolean>(Settings.anchoredLines, true);
    editor.setDecorations(this.type, on ? anchoredLinesIn(this.store, uri).map(({ flag, range }) => ({ range, hoverMessage: hoverOf(flag) })) : []);
  }
}

function hoverOf(flag: LoadedItem<'flag'>): vscode.MarkdownString {
  const facts = [flag.item.severity, flag.item.status, flag.item.feature ? `on ${flag.item.feature}` : undefined].filter(Boolean).join(' · ');
  // Text from YAML is escaped: the hover runs no links or commands written in a flag.
  return new vscode.MarkdownString(`**Truth flag ${escapeMarkdown(flag.id)}** · ${escapeMarkdown(facts)}\n\n${escapeMarkdown(oneLine(flag.item.reality ?? ''))}`);
}
