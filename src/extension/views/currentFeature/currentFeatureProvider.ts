// The Current Feature view: what the followed file rests on and what threatens it. It rebuilds its rows
// only when the followed file, its tags, its folder's snapshot or the settings change.
import * as vscode from 'vscode';
import type { LoadedItem } from '../../../core';
import type { AlignmentStore, FolderSnapshot } from '../../workspace/alignmentStore';
import { DisposableStore } from '../../util/disposables';
import type { TreeNode } from '../tree/treeNode';
import type { ViewSettings } from '../viewSettings';
import { currentFeatureRoots, openFlagCount } from './currentFeatureTree';
import type { FollowedFile } from './followedFile';

/**
 * - noAlignment: no workspace folder has `.alignment/` (offer Initialize)
 * - noFile: no source file open yet
 * - noFolderAlignment: the file is outside every folder that has `.alignment/`
 * - uncovered: nothing in `.alignment/` applies to the file
 * - items: the view shows rows
 */
export type CurrentFeatureState = 'noAlignment' | 'noFile' | 'noFolderAlignment' | 'uncovered' | 'items';

export interface CurrentFeatureSummary {
  readonly state: CurrentFeatureState;
  readonly uri?: vscode.Uri;
  readonly snapshot?: FolderSnapshot;
  readonly features: readonly LoadedItem<'feature'>[];
  readonly openFlags: number;
}

export class CurrentFeatureProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly treeEmitter = this.disposables.add(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.treeEmitter.event;
  private readonly summaryEmitter = this.disposables.add(new vscode.EventEmitter<CurrentFeatureSummary>());
  /** Fired after every rebuild, with what the view now shows. */
  readonly onDidChangeSummary = this.summaryEmitter.event;
  private roots: TreeNode[] = [];
  private current: CurrentFeatureSummary = { state: 'noFile', features: [], openFlags: 0 };
  /** Until the store has read every folder the view stays blank, rather than flash an empty state. */
  private loaded = false;

  constructor(private readonly store: AlignmentStore, private readonly followed: FollowedFile, private readonly settings: () => ViewSettings) {
    this.disposables.add(followed.onDidChange(() => this.refresh()));
    this.disposables.add(store.onDidChange((snapshot) => {
      // Another folder's change matters only while no folder's model is shown (it may be the first .alignment/).
      const shown = this.current.snapshot?.folder.uri.toString();
      if (shown === undefined || shown === snapshot.folder.uri.toString()) this.refresh();
    }));
    void store.ready.then(() => {
      this.loaded = true;
      this.refresh();
    });
  }

  get summary(): CurrentFeatureSummary {
    return this.current;
  }

  refresh(): void {
    if (!this.loaded) return;
    const document = this.followed.document;
    const hasAlignment = this.store.snapshots().some((snapshot) => snapshot.exists);
    const found = document ? this.store.itemsFor(document.uri, document.getText()) : undefined;
    this.roots = [];
    if (!hasAlignment) {
      this.current = { state: 'noAlignment', features: [], openFlags: 0 };
    } else if (!document) {
      this.current = { state: 'noFile', features: [], openFlags: 0 };
    } else if (!found) {
      this.current = { state: 'noFolderAlignment', uri: document.uri, features: [], openFlags: 0 };
    } else {
      const settings = this.settings();
      this.roots = currentFeatureRoots(found.snapshot, found.path, found, settings, Date.now());
      this.current = {
        state: this.roots.length > 0 ? 'items' : 'uncovered',
        uri: document.uri,
        snapshot: found.snapshot,
        features: found.features,
        openFlags: openFlagCount(found.snapshot, found.features),
      };
    }
    this.treeEmitter.fire();
    this.summaryEmitter.fire(this.current);
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
