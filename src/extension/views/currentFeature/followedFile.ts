// The source file the Current Feature view follows: the active editor's, except `.alignment/` files (opening
// an item's YAML from the view must not change what the view shows) and moments with no editor focused;
// until no text editor is left open.
import * as vscode from 'vscode';
import { isAlignmentFile } from '../../../core';
import { tagsOf } from '../../workspace/documentTags';
import type { AlignmentStore } from '../../workspace/alignmentStore';
import { Debouncer, Disposable } from '../../util/disposables';

const TYPING_DELAY_MS = 300;
const TABS_SETTLE_MS = 250;

export class FollowedFile extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  /** Fired when the followed file changes, or when typing changed the comment tags in it. */
  readonly onDidChange = this.emitter.event;
  private current: vscode.TextDocument | undefined;
  private tagSignature = '';
  private readonly typing = this.register(new Debouncer(TYPING_DELAY_MS, () => this.checkTags()));
  private readonly tabsClosed = this.register(new Debouncer(TABS_SETTLE_MS, () => {
    if (this.current && !anyTextTab()) this.set(undefined);
  }));

  constructor(private readonly store: AlignmentStore) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor?.document)));
    // Once no text editor is open at all, there is nothing to follow. Not sooner: opening an item's YAML
    // from the view may replace the source file's preview tab, and the view must keep showing its truth.
    // Checked after a pause, since a replaced preview tab closes before its successor opens.
    this.register(vscode.window.tabGroups.onDidChangeTabs((event) => {
      if (this.current && event.closed.length > 0) this.tabsClosed.trigger();
    }));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === this.current && event.contentChanges.length > 0) this.typing.trigger();
    }));
    this.follow(vscode.window.activeTextEditor?.document);
  }

  get document(): vscode.TextDocument | undefined {
    return this.current;
  }

  private follow(document: vscode.TextDocument | undefined): void {
    // No editor focused (the panel, a webview): keep showing the last file.
    if (!document) return;
    const path = this.store.fileContext(document.uri)?.path;
    // A file of a workspace folder (any scheme: virtual workspaces too), or a file from elsewhere on disk;
    // not an untitled scratch, an output channel or the old side of a git diff.
    if (path === undefined && document.uri.scheme !== 'file') return;
    if (path !== undefined && isAlignmentFile(path)) return;
    if (document !== this.current) this.set(document);
  }

  private set(document: vscode.TextDocument | undefined): void {
    this.current = document;
    this.tagSignature = signatureOf(document);
    this.emitter.fire();
  }

  private checkTags(): void {
    const signature = signatureOf(this.current);
    if (signature === this.tagSignature) return;
    this.tagSignature = signature;
    this.emitter.fire();
  }
}

function anyTextTab(): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText || tab.input instanceof vscode.TabInputTextDiff));
}

/** The tags of a document, without their positions: typing elsewhere in the file changes nothing. */
function signatureOf(document: vscode.TextDocument | undefined): string {
  if (!document || document.isClosed) return '';
  return tagsOf(document).map((tag) => `${tag.keyword} ${tag.id}`).sort().join('\n');
}
