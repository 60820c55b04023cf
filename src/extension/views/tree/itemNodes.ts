// One node per item, whatever its kind, with the row its kind draws. Ids nest under the parent's id, so
// the same item under two features (or in Upstream) is two distinct, stable rows.
import type { LoadedItem, SuspectStatus } from '../../../core';
import type { FolderSnapshot } from '../../workspace/alignmentStore';
import type { ItemKind } from '../../workspace/kinds';
import type { RowContext } from '../../workspace/kinds/format';
import { gateItem, itemTreeItem } from '../items/itemRow';
import { GateNode, ItemNode, type TreeNode } from './treeNode';
import { CodeGroupNode, hasCodeGroup } from './codeNodes';

/** `suspects`: the item's settled statuses the code has moved past (a milestone's are its gates' calls). */
export function itemNode(parentId: string, snapshot: FolderSnapshot, entry: LoadedItem, context: RowContext, suspects: readonly SuspectStatus[] = []): TreeNode {
  const id = `${parentId}/${entry.id}`;
  // Features are rows of their own (featureItem); as a plain item, a feature is only its title.
  if (entry.kind === 'feature') throw new Error(`feature ${entry.id} is not an item row`);
  const item = entry as LoadedItem<ItemKind>;
  if (item.kind === 'flag') context = { ...context, drifted: snapshot.anchors.isDrifted(item.id) };
  // "In the code" is built when the row is opened: its places are read from the index then, not for every row.
  const code = hasCodeGroup(item);
  const codeGroup = (): TreeNode[] => (code ? [new CodeGroupNode(`${id}/code`, snapshot, item)] : []);
  if (item.kind !== 'milestone') return new ItemNode(id, snapshot, item, () => itemTreeItem(item, context, code), codeGroup, { suspects });
  const milestone = item as LoadedItem<'milestone'>;
  const gates = (milestone.item.gates ?? []).map((gate, index) => new GateNode(`${id}/gate:${index}`, snapshot, milestone, index, () => gateItem(milestone, gate), suspects.find((suspect) => suspect.gateIndex === index)));
  return new ItemNode(id, snapshot, milestone, () => itemTreeItem(milestone, context, code), () => [...gates, ...codeGroup()], { suspects });
}
