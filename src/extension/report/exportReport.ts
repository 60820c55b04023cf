// `Truthline: Export Truth Report…`: the report as an HTML page, or Markdown for a `.md` file, where the user
// chooses: a file of their own, not `.alignment/` (the save dialog asks before replacing one).
import * as vscode from 'vscode';
import { reportHtml, reportMarkdown } from '../../core/report';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { logError } from '../util/log';
import type { GitHistories } from '../workspace/git/gitHistory';
import { folderToReport, nonce, reportOf, today } from './reportSource';

/** `target` (tests, other extensions) skips the save dialog; its extension picks the format (.md: Markdown). */
export async function exportReport(store: AlignmentStore, histories: GitHistories, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  await store.ready;
  const snapshot = folderToReport(store);
  if (!snapshot) return undefined;
  const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(snapshot.folder.uri, 'truth-report.html'),
    filters: { [vscode.l10n.t('HTML page')]: ['html', 'htm'], [vscode.l10n.t('Markdown')]: ['md', 'markdown'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export Truth Report'),
  });
  if (!uri) return undefined;
  const asOf = today();
  const history = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Truthline: reading the history of .alignment/') }, () => histories.historyOf(snapshot.folder, asOf));
  const report = reportOf(store.snapshots().find((current) => current.folder === snapshot.folder) ?? snapshot, asOf, history);
  const text = /\.(md|markdown)$/i.test(uri.path) ? reportMarkdown(report) : reportHtml(report, { nonce: nonce() });
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  } catch (error) {
    logError(`could not write ${uri.toString()}`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write the truth report to {0}.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  return uri;
}
