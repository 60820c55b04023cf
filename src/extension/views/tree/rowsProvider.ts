// What both sidebar trees share: rows rebuilt as a whole from the store's snapshots, blank until the store
// has read every folder (rather than flash an empty state), and redrawn when a flag's anchor moves or
// drifts, when the tag index changes and when git's suspect statuses are read anew, since rows show them.
//
// The extension host must stay free for other extensions while 2,000 rows change: changes that come
// together make one rebuild, on a later turn, after the model's realities are worked out in slices
// (modelWarmup.ts); the rows are drawn in slices too (getTreeItem answers through them), and each row's
// tooltip is made only when it is hovered (resolveTreeItem).
import * as vscode from 'vscode';
import type { AlignmentStore } from '../../workspace/alignmentStore';
import type { RowsInput, SuspectMarks } from './rowsInput';
import { Disposable } from '../../util/disposables';
import { hostSlices, yieldToHost } from '../../util/timeSlices';
import { warmModel } from './modelWarmup';
import { logError } from '../../util/log';
import type { TreeNode } from './treeNode';

/** Changes that keep coming while the rebuild waits for a warm-up: after this many, rebuild anyway. */
const MAX_WAITS = 3;

export abstract class RowsProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly treeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.treeEmitter.event;
  private roots: readonly TreeNode[] = [];
  private readonly tooltips = new WeakMap<TreeNode, string | vscode.MarkdownString>();
  private loaded = false;
  private disposed = false;
  private pending: Promise<void> | undefined;
  private changedAgain = false;

  constructor(protected readonly store: AlignmentStore, private readonly suspects: SuspectMarks) {
    super();
    this.register(suspects.onDidChangeStatuses(() => this.refreshSoon()));
    this.register(store.onDidChangeAnchors(() => this.refreshSoon()));
    // "In the code" groups read the tag index: redraw when it changes (or its first build ends).
    this.register(store.onDidChangeTags(() => this.refreshSoon()));
    void store.ready.then(() => {
      this.loaded = true;
      this.refreshSoon();
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

  /** Rebuilds the rows now. */
  refresh(): void {
    if (!this.loaded || this.disposed) return;
    this.roots = this.buildRoots();
    this.treeEmitter.fire();
    this.didRefresh();
  }

  /** Rebuilds the rows on a later turn, once the models' realities are ready; changes meanwhile join it. */
  protected refreshSoon(): void {
    if (!this.loaded || this.disposed) return;
    if (this.pending) {
      this.changedAgain = true;
      return;
    }
    this.pending = this.quietAndWarm()
      .then(() => {
        this.pending = undefined;
        this.refresh();
      })
      .catch((error: unknown) => logError('could not redraw a Truthline view', error));
  }

  /** Resolves once the rows show every change so far (the store read, and no rebuild waiting). */
  async whenDrawn(): Promise<void> {
    await this.store.ready;
    await yieldToHost(); // the store's own listeners first: they ask for the rebuild
    while (this.pending) await this.pending;
  }

  private async quietAndWarm(): Promise<void> {
    for (let waits = 0; waits < MAX_WAITS; waits++) {
      this.changedAgain = false;
      await yieldToHost();
      // A warm-up that fails leaves the work to the rebuild, which reports what went wrong.
      await Promise.all(this.store.snapshots().map((snapshot) => warmModel(snapshot.model))).catch(() => undefined);
      if (!this.changedAgain) return;
    }
  }

  async getTreeItem(node: TreeNode): Promise<vscode.TreeItem> {
    await node.prepare?.();
    // In the extension's slices: VS Code's own work for each row drawn runs after a slice, in the same task.
    return hostSlices.run(() => {
      const item = node.treeItem();
      // A tooltip the row carries is sent when the row is hovered, as the made-on-hover ones are: the
      // extension host parses each Markdown tooltip it sends.
      if (item.tooltip !== undefined) {
        this.tooltips.set(node, item.tooltip);
        item.tooltip = undefined;
      }
      return item;
    });
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    item.tooltip ??= this.tooltips.get(node) ?? node.tooltip?.();
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return [...(node ? node.children() : this.roots)];
  }

  override dispose(): void {
    this.disposed = true;
    super.dispose();
  }
}
