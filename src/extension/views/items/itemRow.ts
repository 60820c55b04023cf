// Tree rows of items: what each kind draws (src/extension/workspace/kinds/<kind>.ts) as a TreeItem.
import * as vscode from 'vscode';
import type { FeatureReality, Gate, LoadedItem, UpstreamSummary } from '../../../core';
import { featureRow } from '../../workspace/kinds/feature';
import type { RowContext } from '../../workspace/kinds/format';
import { type ItemKind, type ItemRow, itemRow } from '../../workspace/kinds';
import { gateRow } from '../../workspace/kinds/milestone';

/** A row as the trees draw it, and its tooltip, made when the row is hovered. */
export interface TreeRow {
  readonly item: vscode.TreeItem;
  readonly tooltip: () => vscode.MarkdownString | string;
}

export interface FeatureRowOptions {
  /** The radiator spells reality out on the row; the Current Feature view has it in the groups below. */
  readonly spellOutReality: boolean;
  readonly collapsible: vscode.TreeItemCollapsibleState;
  /** The worst of the features it depends on that are blocked or in trouble. */
  readonly upstream: UpstreamSummary;
}

/** A feature: its reported status beside its reality, and the trouble upstream; the icon says which is bad news. */
export function featureItem(entry: LoadedItem<'feature'>, reality: FeatureReality, context: RowContext, options: FeatureRowOptions): TreeRow {
  return treeItem(featureRow(entry, reality, context, options.spellOutReality, options.upstream), options.collapsible);
}

/**
 * A request, assumption, risk, milestone, decision or flag; a milestone with gates opens to show them, and
 * `hasChildren` rows (an "In the code" group below) open too.
 */
export function itemTreeItem(entry: LoadedItem<ItemKind>, context: RowContext, hasChildren = false): TreeRow {
  const row = itemRow(entry, context);
  return treeItem(row, row.expandable || hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
}

/** A go/no-go gate of a milestone. */
export function gateItem(entry: LoadedItem<'milestone'>, gate: Gate): TreeRow {
  return treeItem(gateRow(entry, gate), vscode.TreeItemCollapsibleState.None);
}

function treeItem(row: ItemRow, collapsible: vscode.TreeItemCollapsibleState): TreeRow {
  const item = new vscode.TreeItem(row.label, collapsible);
  item.description = row.description;
  item.iconPath = row.icon;
  item.contextValue = row.contextValue;
  item.accessibilityInformation = { label: row.accessibility };
  return { item, tooltip: row.tooltip };
}
