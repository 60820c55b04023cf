// The model's shape, apart from how it is built, so the cross-checks that read it (checks/) and
// buildModel that runs them do not import each other.
import type { FileParse, LoadedItem } from './load';
import type { PathIndex } from './pathIndex';
import type { Problem } from './problems';
import type { Kind } from './schemas';

export type ItemsByKind = { readonly [K in Kind]: readonly LoadedItem<K>[] };

export interface AlignmentModel {
  readonly files: readonly FileParse[];
  readonly items: readonly LoadedItem[];
  /** The first item with each id (duplicates are reported, not indexed). */
  readonly byId: ReadonlyMap<string, LoadedItem>;
  readonly byKind: ItemsByKind;
  /** Every problem: the files' own and the cross-checks', sorted by file and position. */
  readonly problems: readonly Problem[];
  /** Items whose own `paths` cover a file (features included). */
  readonly pathIndex: PathIndex<LoadedItem>;
  /** Items that belong to a feature: through `feature`, `features`, or the feature's `direction.for`. */
  readonly itemsOfFeature: ReadonlyMap<string, readonly LoadedItem[]>;
  /** Every customer name used in requests, lower-cased, to resolve `direction.for` entries. */
  readonly customers: ReadonlySet<string>;
}
