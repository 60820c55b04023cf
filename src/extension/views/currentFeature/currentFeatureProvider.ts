// The Current Feature view: what the followed file rests on and what threatens it. It rebuilds its rows
// only when the followed file, its tags, its folder's snapshot or the settings change.
import * as vscode from 'vscode';
import type { LoadedItem } from '../../../core';
import type { AlignmentStore, FolderSnapshot } from '../../workspace/alignmentStore';
import { RowsProvider } from '../tree/rowsProvider';
import type { SuspectMarks } from '../tree/rowsInput';
import type { TreeNode } from '../tree/treeNode';
import type { ViewSettings } from '../viewSettings';
import { currentFeatureRoots, unresolvedFlags, type UnresolvedFlags } from './currentFeatureTree';
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
  readonly flags: UnresolvedFlags;
}

const NO_FLAGS: UnresolvedFlags = { open: 0, acknowledged: 0 };

export class CurrentFeatureProvider extends RowsProvider {
  private readonly summaryEmitter = this.register(new vscode.EventEmitter<CurrentFeatureSummary>());
  /** Fired after every rebuild, with what the view now shows. */
  readonly onDidChangeSummary = this.summaryEmitter.event;
  private current: CurrentFeatureSummary = { state: 'noFile', features: [], flags: NO_FLAGS };

  constructor(store: AlignmentStore, suspects: SuspectMarks, private readonly followed: FollowedFile, private readonly settings: () => ViewSettings) {
    super(store, suspects);
    this.register(followed.onDidChange(() => this.refreshSoon()));
    this.register(store.onDidChange((snapshot) => {
      // Another folder's change matters only while no folder's model is shown (it may be the first .alignment/).
      const shown = this.current.snapshot?.folder.uri.toString();
      if (shown === undefined || shown === snapshot.folder.uri.toString()) this.refreshSoon();
    }));
  }

  get summary(): CurrentFeatureSummary {
    return this.current;
  }

  protected buildRoots(): readonly TreeNode[] {
    const document = this.followed.document;
    const hasAlignment = this.store.snapshots().some((snapshot) => snapshot.exists);
    const found = document ? this.store.itemsFor(document.uri, document) : undefined;
    if (!hasAlignment) {
      this.current = { state: 'noAlignment', features: [], flags: NO_FLAGS };
    } else if (!document) {
      this.current = { state: 'noFile', features: [], flags: NO_FLAGS };
    } else if (!found) {
      this.current = { state: 'noFolderAlignment', uri: document.uri, features: [], flags: NO_FLAGS };
    } else {
      const roots = currentFeatureRoots(found.snapshot, found.path, found, this.settings(), this.rowsInput());
      this.current = {
        state: roots.length > 0 ? 'items' : 'uncovered',
        uri: document.uri,
        snapshot: found.snapshot,
        features: found.features,
        flags: unresolvedFlags(found.snapshot, found.features),
      };
      return roots;
    }
    return [];
  }

  protected override didRefresh(): void {
    this.summaryEmitter.fire(this.current);
  }
}
