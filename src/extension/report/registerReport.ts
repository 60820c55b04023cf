// `Truthline: Open Truth Report` (one panel, shown again when asked again) and `Export Truth Report…`.
import * as vscode from 'vscode';
import { Commands, ViewTypes } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { exportReport } from './exportReport';
import { ReportPanel } from './reportPanel';
import { folderToReport } from './reportSource';

export function registerReport(store: AlignmentStore): vscode.Disposable {
  let open: ReportPanel | undefined;
  const disposables: vscode.Disposable[] = [];

  const openReport = async (): Promise<vscode.WebviewPanel | undefined> => {
    await store.ready;
    const snapshot = folderToReport(store);
    if (!snapshot) return undefined;
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

  disposables.push(
    vscode.commands.registerCommand(Commands.openReport, openReport),
    vscode.commands.registerCommand(Commands.exportReport, (target?: vscode.Uri) => exportReport(store, target)),
    { dispose: () => open?.panel.dispose() },
  );
  return vscode.Disposable.from(...disposables);
}
