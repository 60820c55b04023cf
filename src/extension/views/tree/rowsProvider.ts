// What both sidebar trees share: rows rebuilt as a whole from the store's snapshots, blank until the store
// has read every folder (rather than flash an empty state), and redrawn when a flag's anchor moves or
// drifts, when the tag index changes and when git's suspect statuses are read anew, since rows show them.
import * as vscode from 'vscode';
import type { AlignmentStore } from '../../workspace/alignmentStore';
import type { RowsInput, SuspectMarks } from './rowsInput';
import { Disposable } from '../../util/disposables';
import type { TreeNode } from './treeNode';

export abstract class RowsProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly treeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.treeEmitter.event;
  private roots: readonly TreeNode[] = [];
  private readonly tooltips = new WeakMap<TreeNode, string | vscode.MarkdownString>();
  private loaded = false;

  constructor(protected readonly store: AlignmentStore, private readonly suspects: SuspectMarks) {
    super();
    this.register(suspects.onDidChangeStatuses(() => this.refresh()));
    this.register(store.onDidChangeAnchors(() => this.refresh()));
    // "In the code" groups read the tag index: redraw when it changes (or its first build ends).
    this.register(store.onDidChangeTags(() => this.refresh()));
    void store.ready.then(() => {
      this.loaded = true;
      this.refresh();
    });
  }

  /** The top rows, built anew from the store. */
  protected abstract buildRoots(): readonly TreeNode[];

  /** What the rows of one rebuild share: now, and the suspect statuses as last read. */
  protected rowsInput(): RowsInput {
    return { now: Date.now(), suspects: this.suspects };
  }

  /** Called after every rebuild, once the tree was told. */
  protected didRefresh(): void {
    // Nothing by default.
  }

  refresh(): void {
    if (!this.loaded) return;
    this.roots = this.buildRoots();
    this.treeEmitter.fire();
    this.didRefresh();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.treeItem();
    // The tooltip is sent when the row is hovered (resolveTreeItem), not with every row: the extension host
    // parses each Markdown tooltip it sends, which for 2,000 features at once was over a second.
    if (item.tooltip !== undefined) {
      this.tooltips.set(node, item.tooltip);
      item.tooltip = undefined;
    }
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    item.tooltip ??= this.tooltips.get(node);
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return [...(node ? node.children() : this.roots)];
  }
}
