// CodeLens: the provider, its settings' toggle, and the commands its lenses run.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { DisposableStore } from '../util/disposables';
import { plainText } from '../util/plainText';
import { showItem } from '../workspace/itemLocation';
import { workspaceFilesSelector } from '../workspace/workspaceSelector';
import { RequestCodeLensProvider } from './codeLensProvider';
import { toggleCodeLens } from './codeLensSettings';
import { showServingRequests } from './requestQuickPick';

export function registerCodeLens(store: AlignmentStore): vscode.Disposable {
  const disposables = new DisposableStore();
  const provider = disposables.add(new RequestCodeLensProvider(store));
  disposables.add(vscode.languages.registerCodeLensProvider(workspaceFilesSelector(), provider));
  disposables.add(vscode.commands.registerCommand(Commands.toggleCodeLens, async () => {
    const enabled = await toggleCodeLens();
    vscode.window.setStatusBarMessage(enabled ? vscode.l10n.t('Truthline CodeLens on') : vscode.l10n.t('Truthline CodeLens off'), 3000);
  }));
  disposables.add(vscode.commands.registerCommand(Commands.showServingRequests, (uri: unknown) => {
    if (uri instanceof vscode.Uri) return showServingRequests(store, uri);
    return undefined;
  }));
  disposables.add(vscode.commands.registerCommand(Commands.openItemById, async (folder: unknown, id: unknown) => {
    const snapshot = store.snapshots().find((candidate) => folder instanceof vscode.Uri && candidate.folder.uri.toString() === folder.toString());
    const entry = typeof id === 'string' ? snapshot?.model.byId.get(id) : undefined;
    if (snapshot && entry) await showItem(store, snapshot, entry);
    else void vscode.window.showWarningMessage(vscode.l10n.t('{0} is no longer in .alignment/.', plainText(String(id))));
  }));
  return disposables;
}
