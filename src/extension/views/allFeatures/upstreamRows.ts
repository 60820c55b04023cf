// Under a feature of All Features, after the items of its own reality: the features upstream that are
// blocked or in trouble, so a click on a feature whose icon is not green always shows why. The row names the
// worst few (the summary the feature's row has); the whole list is worked out when it is opened.
import * as vscode from 'vscode';
import { type LoadedItem, type UpstreamSummary, upstreamTrouble, type UpstreamTrouble } from '../../../core';
import { ContextValues } from '../../constants';
import type { FolderSnapshot } from '../../workspace/alignmentStore';
import { troubleReason, troubleText, upstreamText } from '../../workspace/kinds/feature';
import { Colors, icon, joined } from '../../workspace/kinds/format';
import { groupLabel } from '../tree/groupNode';
import type { TreeRow } from '../items/itemRow';
import { ContainerNode, ItemNode, type TreeNode } from '../tree/treeNode';

const TROUBLE_ICONS: Record<UpstreamTrouble['trouble'], vscode.ThemeIcon> = {
  'blocked': icon('circle-slash', Colors.red),
  'disagrees': icon('error', Colors.red),
  'off-track': icon('warning', Colors.yellow),
  'at-risk': icon('warning', Colors.yellow),
};

export function upstreamTroubleNode(parentId: string, snapshot: FolderSnapshot, featureId: string, summary: UpstreamSummary): TreeNode {
  const id = `${parentId}/upstream`;
  const rows = (): TreeNode[] => upstreamTrouble(snapshot.model, featureId).flatMap((trouble) => {
    const entry = snapshot.model.byId.get(trouble.featureId);
    return entry?.kind === 'feature' ? [new ItemNode(`${id}/${trouble.featureId}`, snapshot, entry as LoadedItem<'feature'>, () => troubleRow(trouble))] : [];
  });
  return new ContainerNode(id, () => {
    const row = new vscode.TreeItem(groupLabel('upstream'), vscode.TreeItemCollapsibleState.Collapsed);
    row.description = upstreamText(summary);
    row.iconPath = icon('type-hierarchy-super');
    row.contextValue = `${ContextValues.group}.upstream`;
    row.tooltip = vscode.l10n.t('Features this one depends on that are blocked or in trouble.');
    row.accessibilityInformation = { label: joined(groupLabel('upstream'), row.description) };
    return row;
  }, rows);
}

function troubleRow(trouble: UpstreamTrouble): TreeRow {
  const row = new vscode.TreeItem(troubleText(trouble), vscode.TreeItemCollapsibleState.None);
  row.iconPath = TROUBLE_ICONS[trouble.trouble];
  row.contextValue = ContextValues.feature;
  row.accessibilityInformation = { label: troubleReason(trouble) };
  return { item: row, tooltip: () => troubleReason(trouble) };
}
