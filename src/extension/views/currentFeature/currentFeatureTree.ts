// The rows of the Current Feature view for one file: each feature covering it with its groups, and the
// items tied to the file that none of those features holds.
import * as vscode from 'vscode';
import { featureIdsOf, featureReality, type Group, isOpenFlag, type ItemsForFile, type LoadedItem, type SectionOptions, sectionsForFile, upstreamSummary } from '../../../core';
import { ContextValues } from '../../constants';
import type { FolderSnapshot } from '../../workspace/alignmentStore';
import { featureItem } from '../items/itemRow';
import { upstreamText } from '../../workspace/kinds/feature';
import { icon } from '../../workspace/kinds/format';
import { groupNode } from '../tree/groupNode';
import { itemNode } from '../tree/itemNodes';
import type { RowsInput } from '../tree/rowsInput';
import { Tooltip } from '../../workspace/kinds/tooltip';
import { ContainerNode, ItemNode, type TreeNode } from '../tree/treeNode';

export function currentFeatureRoots(snapshot: FolderSnapshot, path: string, found: ItemsForFile, options: SectionOptions, input: RowsInput): TreeNode[] {
  const { now } = input;
  const suspects = input.suspects.byItem(snapshot);
  const sections = sectionsForFile(snapshot.model, found, options);
  // Ids do not name the file: switching between two files of one feature keeps what is expanded.
  const base = `current:${snapshot.folder.uri.toString()}`;
  const groupsOf = (parentId: string, groups: readonly Group[], featureId?: string): TreeNode[] => groups.map((group) => {
    const id = `${parentId}/${group.kind}`;
    const children = group.entries.map((entry) => itemNode(id, snapshot, entry, {
      now,
      ...(group.kind === 'upstream' ? { upstreamOf: featureIdsOf(entry)[0] ?? '' } : { tie: found.ties.get(entry.id) }),
    }, suspects.get(entry.id)));
    // Upstream says first which feature there is blocked or in trouble: "Upstream 6 · payments blocked".
    const troubles = group.kind === 'upstream' && featureId ? upstreamSummary(snapshot.model, featureId) : undefined;
    return troubles && troubles.worst.length > 0 ? groupNode(id, group.kind, group.entries, children, upstreamText(troubles)) : groupNode(id, group.kind, group.entries, children);
  });

  const roots: TreeNode[] = [];
  const hasFeatures = sections.some((section) => section.feature);
  for (const section of sections) {
    const feature = section.feature;
    if (feature) {
      const id = `${base}/feature:${feature.id}`;
      const groups = groupsOf(id, section.groups, feature.id);
      const reality = featureReality(snapshot.model, feature.id);
      const upstream = upstreamSummary(snapshot.model, feature.id);
      const collapsible = groups.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
      roots.push(new ItemNode(id, snapshot, feature, () => featureItem(feature, reality, { now, tie: found.ties.get(feature.id) }, { spellOutReality: false, collapsible, upstream }), () => groups));
    } else if (hasFeatures) {
      const id = `${base}/file`;
      roots.push(new ContainerNode(id, () => fileRow(path), groupsOf(id, section.groups)));
    } else {
      roots.push(...groupsOf(`${base}/file`, section.groups));
    }
  }
  return roots;
}

/** Unresolved flags of the file's features, open and acknowledged apart: what the status bar counts. */
export function unresolvedFlags(snapshot: FolderSnapshot, features: readonly LoadedItem<'feature'>[]): UnresolvedFlags {
  const counted = { open: 0, acknowledged: 0 };
  const seen = new Set<string>();
  for (const feature of features) {
    for (const entry of snapshot.model.itemsOfFeature.get(feature.id) ?? []) {
      if (entry.kind !== 'flag' || seen.has(entry.id)) continue;
      seen.add(entry.id);
      const flag = entry as LoadedItem<'flag'>;
      if (!isOpenFlag(flag)) continue;
      if (flag.item.status === 'acknowledged') counted.acknowledged++;
      else counted.open++;
    }
  }
  return counted;
}

export interface UnresolvedFlags {
  readonly open: number;
  /** Seen by someone and still unresolved. */
  readonly acknowledged: number;
}

function fileRow(path: string): vscode.TreeItem {
  const row = new vscode.TreeItem(vscode.l10n.t('Tied to this file'), vscode.TreeItemCollapsibleState.Expanded);
  row.description = path.slice(path.lastIndexOf('/') + 1);
  row.iconPath = icon('file');
  row.contextValue = ContextValues.file;
  row.tooltip = new Tooltip()
    .text(vscode.l10n.t('Items tied to {0} by their own paths, a comment tag or a flag\'s anchor, that none of the features covering it holds.', path))
    .build();
  return row;
}
