// Every kind as the editor shows it, by kind: the codicon for pickers and the tree row (./<kind>.ts).
// What the rows say in plain text, and the cards, come from the kind descriptors in src/core/kinds.
import type { LoadedItem } from '../../../core';
import { assumptionView } from './assumption';
import { decisionView } from './decision';
import { featureView } from './feature';
import { flagView } from './flag';
import type { RowContext } from './format';
import type { ItemKind, ItemKindView, ItemRow, KindView } from './kindView';
import { milestoneView } from './milestone';
import { requestView } from './request';
import { riskView } from './risk';

export type { ItemKind, ItemRow, KindView } from './kindView';

export const ITEM_VIEWS: { readonly [K in ItemKind]: ItemKindView<K> } = {
  request: requestView,
  assumption: assumptionView,
  risk: riskView,
  milestone: milestoneView,
  decision: decisionView,
  flag: flagView,
};

export const KIND_VIEWS: { readonly [K in ItemKind | 'feature']: KindView } = { feature: featureView, ...ITEM_VIEWS };

/** The tree row of an item that is not a feature, as its kind draws it. */
export function itemRow<K extends ItemKind>(entry: LoadedItem<K>, context: RowContext): ItemRow {
  return (ITEM_VIEWS[entry.kind] as ItemKindView<K>).row(entry, context);
}
