// One node per item, whatever its kind, with the row builder of that kind. Ids nest under the parent's id,
// so the same item under two features (or in Upstream) is two distinct, stable rows.
import type { LoadedItem } from '../../../core';
import type { FolderSnapshot } from '../../workspace/alignmentStore';
import { assumptionItem } from '../items/assumptionItem';
import { decisionItem } from '../items/decisionItem';
import { flagItem } from '../items/flagItem';
import type { RowContext } from '../items/format';
import { gateItem, milestoneItem } from '../items/milestoneItem';
import { requestItem } from '../items/requestItem';
import { riskItem } from '../items/riskItem';
import { GateNode, ItemNode, type TreeNode } from './treeNode';

export function itemNode(parentId: string, snapshot: FolderSnapshot, entry: LoadedItem, context: RowContext): TreeNode {
  const id = `${parentId}/${entry.id}`;
  switch (entry.kind) {
    case 'request': return new ItemNode(id, snapshot, entry as LoadedItem<'request'>, () => requestItem(entry as LoadedItem<'request'>, context));
    case 'assumption': return new ItemNode(id, snapshot, entry as LoadedItem<'assumption'>, () => assumptionItem(entry as LoadedItem<'assumption'>, context));
    case 'risk': return new ItemNode(id, snapshot, entry as LoadedItem<'risk'>, () => riskItem(entry as LoadedItem<'risk'>, context));
    case 'decision': return new ItemNode(id, snapshot, entry as LoadedItem<'decision'>, () => decisionItem(entry as LoadedItem<'decision'>, context));
    case 'flag': return new ItemNode(id, snapshot, entry as LoadedItem<'flag'>, () => flagItem(entry as LoadedItem<'flag'>, context));
    case 'milestone': {
      const milestone = entry as LoadedItem<'milestone'>;
      const gates = (milestone.item.gates ?? []).map((gate, index) => new GateNode(`${id}/gate:${index}`, snapshot, milestone, index, () => gateItem(milestone, gate)));
      return new ItemNode(id, snapshot, milestone, () => milestoneItem(milestone, context), () => gates);
    }
    case 'feature':
      // Features are rows of their own (featureNode.ts); as a plain item, a feature is only its title.
      throw new Error(`feature ${entry.id} is not an item row`);
  }
}
