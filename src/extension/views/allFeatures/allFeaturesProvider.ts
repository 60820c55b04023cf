// The All Features view, the information radiator: rebuilt on every change of any folder's snapshot.
import type { AlignmentStore } from '../../workspace/alignmentStore';
import { RowsProvider } from '../tree/rowsProvider';
import type { SuspectMarks } from '../tree/rowsInput';
import type { TreeNode } from '../tree/treeNode';
import type { SortOrder } from '../viewSettings';
import { allFeaturesRoots } from './allFeaturesTree';

export class AllFeaturesProvider extends RowsProvider {
  constructor(store: AlignmentStore, suspects: SuspectMarks, private sort: SortOrder) {
    super(store, suspects);
    this.register(store.onDidChange(() => this.refreshSoon()));
  }

  get sortBy(): SortOrder {
    return this.sort;
  }

  set sortBy(sort: SortOrder) {
    if (sort === this.sort) return;
    this.sort = sort;
    this.refresh();
  }

  protected buildRoots(): TreeNode[] {
    return allFeaturesRoots(this.store.snapshots(), this.sort, this.rowsInput());
  }
}
