// The All Features view, the information radiator: rebuilt on every change of any folder's snapshot.
import * as vscode from 'vscode';
import type { AlignmentStore } from '../../workspace/alignmentStore';
import { DisposableStore } from '../../util/disposables';
import type { TreeNode } from '../tree/treeNode';
import type { SortOrder } from '../viewSettings';
import { allFeaturesRoots } from './allFeaturesTree';

export class AllFeaturesProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly treeEmitter = this.disposables.add(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.treeEmitter.event;
  private roots: TreeNode[] = [];
  private loaded = false;

  constructor(private readonly store: AlignmentStore, private sort: SortOrder) {
    this.disposables.add(store.onDidChange(() => this.refresh()));
    void store.ready.then(() => {
      this.loaded = true;
      this.refresh();
    });
  }

  get sortBy(): SortOrder {
    return this.sort;
  }

  set sortBy(sort: SortOrder) {
    if (sort === this.sort) return;
    this.sort = sort;
    this.refresh();
  }

  refresh(): void {
    if (!this.loaded) return;
    this.roots = allFeaturesRoots(this.store.snapshots(), this.sort, Date.now());
    this.treeEmitter.fire();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return [...(node ? node.children() : this.roots)];
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
