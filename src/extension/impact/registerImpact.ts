// Change Impact: the view of what the branch's change touches (customers first, downstream owners named).
import * as vscode from 'vscode';
import { Views } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import type { ChangeWatch } from '../workspace/git/changeWatch';
import { DisposableStore } from '../util/disposables';
import { ChangeImpactProvider } from './impactProvider';

export function registerImpact(store: AlignmentStore, changes: ChangeWatch): vscode.Disposable {
  const disposables = new DisposableStore();
  const provider = disposables.add(new ChangeImpactProvider(store, changes));
  const view = disposables.add(vscode.window.createTreeView(Views.changeImpact, { treeDataProvider: provider, showCollapseAll: true }));
  const showMessage = (): void => {
    view.message = provider.message();
  };
  disposables.add(provider.onDidChangeTreeData(showMessage));
  // Set again when the view opens: it starts collapsed, and a message set while it was folded is shown then.
  disposables.add(view.onDidChangeVisibility(showMessage));
  showMessage();
  return disposables;
}
