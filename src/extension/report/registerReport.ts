// `Truthline: Open Truth Report` and `Truthline: Export Truth Report…`: core's report of a folder's
// `.alignment/`, as the same page the CLI writes (core's reportHtml) in a webview beside the editor, in the
// theme's colours, redrawn when `.alignment/` changes; item ids link back to their YAML. The editor reads no
// git history yet (it may not spawn git in a web or virtual workspace), so the panel has no trend and says so;
// `truthline report` has it.
import * as vscode from 'vscode';
import { buildReport, dayOf, reportHtml, reportMarkdown, type TruthReport } from '../../core/report';
import { Commands, ViewTypes } from '../constants';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';
import { openItem } from '../workspace/itemLocation';
import { Disposable } from '../util/disposables';
import { repoFileUri } from '../util/uris';
import { logError } from '../util/log';

const NO_HISTORY = 'the editor reads no git history yet: run `truthline report` in a terminal for the weekly trend';

/** Clicks on an item id post { type: 'open', file, line }; the page carries no other script. */
const LINK_SCRIPT = `const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.item') : null;
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', file: link.dataset.file, line: Number(link.dataset.line) });
});`;

function today(): number {
  const now = new Date();
  return dayOf(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`) as number;
}

function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(18)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function reportOf(snapshot: FolderSnapshot): TruthReport {
  return buildReport(snapshot.model, snapshot.model.problems, today(), { unavailable: NO_HISTORY });
}

/** The folder of the active editor when it has `.alignment/`, else the first folder that has one. */
function pickSnapshot(store: AlignmentStore): FolderSnapshot | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const context = active ? store.fileContext(active) : undefined;
  if (context?.snapshot.exists) return context.snapshot;
  return store.snapshots().find((snapshot) => snapshot.exists);
}

class ReportPanel extends Disposable {
  private folder: vscode.WorkspaceFolder;
  private stale = false;

  constructor(private readonly store: AlignmentStore, snapshot: FolderSnapshot, readonly panel: vscode.WebviewPanel) {
    super();
    this.folder = snapshot.folder;
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
    this.panel.title = vscode.l10n.t('Truth Report — {0}', snapshot.folder.name);
    this.panel.webview.html = reportHtml(reportOf(snapshot), { nonce: nonce(), theme: 'editor', linkScript: LINK_SCRIPT });
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

export function registerReport(store: AlignmentStore): vscode.Disposable {
  let open: ReportPanel | undefined;
  const disposables: vscode.Disposable[] = [];

  const openReport = async (): Promise<vscode.WebviewPanel | undefined> => {
    await store.ready;
    const snapshot = pickSnapshot(store);
    if (!snapshot) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no .alignment/ folder in this workspace to report on.'));
      return undefined;
    }
    if (open) {
      open.show(snapshot);
      return open.panel;
    }
    const panel = vscode.window.createWebviewPanel(ViewTypes.report, vscode.l10n.t('Truth Report'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [], enableFindWidget: true });
    const reportPanel = new ReportPanel(store, snapshot, panel);
    open = reportPanel;
    panel.onDidDispose(() => {
      reportPanel.dispose();
      if (open === reportPanel) open = undefined;
    });
    return panel;
  };

  /** `target` (tests, other extensions) skips the save dialog; its extension picks the format (.md: Markdown). */
  const exportReport = async (target?: vscode.Uri): Promise<vscode.Uri | undefined> => {
    await store.ready;
    const snapshot = pickSnapshot(store);
    if (!snapshot) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no .alignment/ folder in this workspace to report on.'));
      return undefined;
    }
    const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(snapshot.folder.uri, 'truth-report.html'),
      filters: { [vscode.l10n.t('HTML page')]: ['html', 'htm'], [vscode.l10n.t('Markdown')]: ['md', 'markdown'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export Truth Report'),
    });
    if (!uri) return undefined;
    const report = reportOf(snapshot);
    const text = /\.(md|markdown)$/i.test(uri.path) ? reportMarkdown(report) : reportHtml(report, { nonce: nonce() });
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    } catch (error) {
      logError(`could not write ${uri.toString()}`, error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not write the truth report to {0}.', vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    return uri;
  };

  disposables.push(
    vscode.commands.registerCommand(Commands.openReport, openReport),
    vscode.commands.registerCommand(Commands.exportReport, exportReport),
    { dispose: () => open?.panel.dispose() },
  );
  return vscode.Disposable.from(...disposables);
}
