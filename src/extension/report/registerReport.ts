// `Truthline: Open Truth Report` (one panel, shown again when asked again) and `Export Truth Report…`.
import * as vscode from 'vscode';
import { Commands, ViewTypes } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { exportReport } from './exportReport';
import { GitHistories } from '../workspace/git/gitHistory';
import { ReportPanel } from './reportPanel';
import { folderToReport } from './reportSource';

export function registerReport(store: AlignmentStore): vscode.Disposable {
  let open: ReportPanel | undefined;
  const histories = new GitHistories();
  const disposables: vscode.Disposable[] = [histories];

  const openReport = async (): Promise<vscode.WebviewPanel | undefined> => {
    await store.ready;
    const snapshot = folderToReport(store);
    if (!snapshot) return undefined;
    // Asked for again: read git afresh (HEAD may have moved where the Git extension does not look).
    histories.forget(snapshot.folder);
    if (open) {
      open.show(snapshot);
      return open.panel;
    }
    const panel = vscode.window.createWebviewPanel(ViewTypes.report, vscode.l10n.t('Truth Report'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [], enableFindWidget: true });
    const reportPanel = new ReportPanel(store, histories, snapshot, panel);
    open = reportPanel;
    panel.onDidDispose(() => {
      reportPanel.dispose();
      if (open === reportPanel) open = undefined;
    });
    return panel;
  };

  disposables.push(
    vscode.commands.registerCommand(Commands.openReport, openReport),
    vscode.commands.registerCommand(Commands.exportReport, (target?: vscode.Uri) => exportReport(store, histories, target)),
    { dispose: () => open?.panel.dispose() },
  );
  return vscode.Disposable.from(...disposables);
}
