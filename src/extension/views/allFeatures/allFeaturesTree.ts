// The rows of the All Features view: every feature with its reported status beside its reality, unfiltered.
// Expanding a feature shows the items that make up its reality: open flags, invalidated assumptions,
// blocked milestones and high risks, then settled statuses the code has moved past, then the features
// upstream in trouble.
import * as vscode from 'vscode';
import { compareAssumptions, compareByGap, compareFlags, compareMilestones, compareRisks, compareTitles, featureReality, type FeatureReality, isBlocked, isHighRisk, isOpenFlag, type LoadedItem, upstreamSummary } from '../../../core';
import { ContextValues } from '../../constants';
import type { FolderSnapshot } from '../../workspace/alignmentStore';
import { featureItem } from '../items/itemRow';
import { icon, joined } from '../../workspace/kinds/format';
import { itemNode } from '../tree/itemNodes';
import type { RowsInput } from '../tree/rowsInput';
import { legendNode } from './legend';
import { upstreamTroubleNode } from './upstreamRows';
import { ContainerNode, ItemNode, type TreeNode } from '../tree/treeNode';
import type { SortOrder } from '../viewSettings';

export function allFeaturesRoots(snapshots: readonly FolderSnapshot[], sortBy: SortOrder, input: RowsInput): TreeNode[] {
  const withAlignment = snapshots.filter((snapshot) => snapshot.exists);
  // One folder: its features at the top. Several: one row per folder, each with its own features.
  const rows = withAlignment.length === 1 ? featureNodes(withAlignment[0] as FolderSnapshot, sortBy, input) : withAlignment.map((snapshot) => {
    const features = featureNodes(snapshot, sortBy, input);
    return new ContainerNode(`all:${snapshot.folder.uri.toString()}`, () => folderRow(snapshot), features);
  });
  // No feature, no legend: the view stays empty and shows its welcome text.
  const anyFeature = withAlignment.some((snapshot) => snapshot.model.byKind.feature.length > 0);
  return anyFeature ? [...rows, legendNode()] : rows;
}

interface FeatureRow {
  readonly entry: LoadedItem<'feature'>;
  /** What the row shows as its label: the id. */
  readonly name: string;
  readonly reality: FeatureReality;
}

function featureNodes(snapshot: FolderSnapshot, sortBy: SortOrder, input: RowsInput): TreeNode[] {
  const { now } = input;
  const suspects = input.suspects.byItem(snapshot);
  const rows: FeatureRow[] = snapshot.model.byKind.feature.map((entry) => ({ entry, name: entry.id, reality: featureReality(snapshot.model, entry.id) }));
  rows.sort(sortBy === 'gap' ? compareByGap : (a, b) => compareTitles(a.name, b.name));
  return rows.map(({ entry, reality }) => {
    const id = `all:${snapshot.folder.uri.toString()}/feature:${entry.id}`;
    // The row names the worst few upstream; the Upstream row works the whole list out when opened.
    const upstream = upstreamSummary(snapshot.model, entry.id);
    // The rows under a feature are made when it is opened (2,000 features each making theirs took ~40 ms
    // of every refresh); whether there are any is read from the reality counted already.
    let children: TreeNode[] | undefined;
    const childrenOf = (): TreeNode[] => (children ??= [
      ...realityEntries(snapshot, entry.id, suspects).map((item) => itemNode(id, snapshot, item, { now }, suspects.get(item.id))),
      ...(upstream.worst.length > 0 ? [upstreamTroubleNode(id, snapshot, entry.id, upstream)] : []),
    ]);
    const hasChildren = hasRealityEntries(reality) || upstream.worst.length > 0 || (suspects.size > 0 && (snapshot.model.itemsOfFeature.get(entry.id) ?? []).some((item) => suspects.has(item.id)));
    const collapsible = hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    // A click opens the row (what makes its reality); its YAML is the inline Open Feature Definition.
    return new ItemNode(id, snapshot, entry, () => featureItem(entry, reality, { now }, { spellOutReality: true, collapsible, upstream }), childrenOf, { opensOnClick: false });
  });
}

/** Whether realityEntries has an item before the suspect ones: the kinds and tests it keeps, as counted. */
function hasRealityEntries(reality: FeatureReality): boolean {
  const { openFlags } = reality;
  return openFlags.critical + openFlags.high + openFlags.medium + openFlags.low + reality.invalidatedAssumptions + reality.noGoGates + reality.highRisks > 0;
}

/**
 * The items behind a feature's reality, most serious kind first, each kind in its own order; then the items
 * whose settled status the code has moved past (`suspects`, by item id), which may no longer hold.
 */
export function realityEntries(snapshot: FolderSnapshot, featureId: string, suspects: ReadonlyMap<string, unknown>): LoadedItem[] {
  const own = snapshot.model.itemsOfFeature.get(featureId) ?? [];
  const of = <K extends LoadedItem>(kind: K['kind'], keep: (entry: K) => boolean, compare: (a: K, b: K) => number): K[] =>
    own.filter((entry): entry is K => entry.kind === kind && keep(entry as K)).sort(compare);
  const reality: LoadedItem[] = [
    ...of<LoadedItem<'flag'>>('flag', isOpenFlag, compareFlags),
    ...of<LoadedItem<'milestone'>>('milestone', isBlocked, compareMilestones),
    ...of<LoadedItem<'assumption'>>('assumption', (entry) => entry.item.status === 'invalidated', compareAssumptions),
    ...of<LoadedItem<'risk'>>('risk', isHighRisk, compareRisks),
  ];
  const shown = new Set(reality);
  return [...reality, ...own.filter((entry) => !shown.has(entry) && suspects.has(entry.id))];
}

function folderRow(snapshot: FolderSnapshot): vscode.TreeItem {
  const features = snapshot.model.byKind.feature;
  const disagreeing = features.filter((feature) => featureReality(snapshot.model, feature.id).disagrees).length;
  const row = new vscode.TreeItem(snapshot.folder.name, vscode.TreeItemCollapsibleState.Expanded);
  row.description = joined(
    features.length === 1 ? vscode.l10n.t('1 feature') : vscode.l10n.t('{0} features', features.length),
    disagreeing > 0 && vscode.l10n.t('{0} \u2260 reality', disagreeing),
  );
  row.iconPath = icon('root-folder');
  row.contextValue = ContextValues.folder;
  row.resourceUri = snapshot.folder.uri;
  return row;
}
