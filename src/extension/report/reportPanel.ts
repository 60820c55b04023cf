// The truth report in a webview beside the editor: the same page the CLI writes (core's reportHtml), in the
// theme's colours, redrawn when its folder's `.alignment/` changes (or when it is shown again) and when git's
// history of it is in (first drawn without the trend while git is read); item ids link back to their YAML.
import * as vscode from 'vscode';
import { reportHtml, type History } from '../../core/report';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';
import { openItem } from '../workspace/itemLocation';
import { Disposable } from '../util/disposables';
import { repoFileUri } from '../util/uris';
import type { GitHistories } from '../workspace/git/gitHistory';
import { nonce, READING_HISTORY, reportOf, today } from './reportSource';

/** Clicks on an item id post { type: 'open', file, line }; the page carries no other script. */
const LINK_SCRIPT = `const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.item') : null;
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', file: link.dataset.file, line: Number(link.dataset.line) });
});`;

export class ReportPanel extends Disposable {
  private folder: vscode.WorkspaceFolder;
  private stale = false;
  /** Counts renders: a history that arrives after a newer render was started is not drawn over it. */
  private renders = 0;

  constructor(private readonly store: AlignmentStore, private readonly histories: GitHistories, snapshot: FolderSnapshot, readonly panel: vscode.WebviewPanel) {
    super();
    this.folder = snapshot.folder;
    this.register(histories.onDidChange((folder) => {
      if (folder.uri.toString() !== this.folder.uri.toString()) return;
      const current = this.current();
      if (current && panel.visible) this.render(current);
      else this.stale = true;
    }));
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message)));
    this.register(store.onDidChange((changed) => {
      if (changed.folder.uri.toString() !== this.folder.uri.toString()) return;
      if (panel.visible) this.render(changed);
      else this.stale = true;
    }));
    this.register(panel.onDidChangeViewState(() => {
      if (!panel.visible || !this.stale) return;
      const current = this.current();
      if (current) this.render(current);
    }));
    this.render(snapshot);
  }

  show(snapshot: FolderSnapshot): void {
    if (snapshot.folder.uri.toString() !== this.folder.uri.toString()) {
      this.folder = snapshot.folder;
      this.render(snapshot);
    }
    this.panel.reveal(vscode.ViewColumn.Beside);
  }

  private current(): FolderSnapshot | undefined {
    return this.store.snapshots().find((snapshot) => snapshot.folder.uri.toString() === this.folder.uri.toString());
  }

  private render(snapshot: FolderSnapshot): void {
    this.stale = false;
    const render = ++this.renders;
    const asOf = today();
    const drawn = this.histories.settled(snapshot.folder, asOf);
    this.draw(snapshot, asOf, drawn ?? READING_HISTORY);
    void this.histories.historyOf(snapshot.folder, asOf).then((history) => {
      if (history === drawn || render !== this.renders) return;
      this.draw(this.current() ?? snapshot, asOf, history);
    });
  }

  private draw(snapshot: FolderSnapshot, asOf: number, history: History): void {
    this.panel.title = vscode.l10n.t('Truth Report — {0}', snapshot.folder.name);
    this.panel.webview.html = reportHtml(reportOf(snapshot, asOf, history), { nonce: nonce(), theme: 'editor', linkScript: LINK_SCRIPT });
  }

  override dispose(): void {
    this.renders++; // a history still being read is never drawn into a disposed panel
    super.dispose();
  }

  /** Opens only a place the report itself lists, inside the folder. */
  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { type, file, line } = message as { type?: unknown; file?: unknown; line?: unknown };
    if (type !== 'open' || typeof file !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 1) return;
    const snapshot = this.current();
    if (!snapshot || !snapshot.model.items.some((entry) => entry.file === file)) return;
    const uri = repoFileUri(snapshot.folder.uri, file);
    if (uri) await openItem(uri, { line, column: 1, endLine: line, endColumn: 1 }, false);
  }
}
