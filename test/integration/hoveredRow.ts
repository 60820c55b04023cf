// A tree row's tooltip as VS Code gets it: the row through the provider's getTreeItem, then resolveTreeItem
// on hover, where the tooltip is made.
import * as vscode from 'vscode';
import type { RowsProvider } from '../../src/extension/views/tree/rowsProvider';
import type { TreeNode } from '../../src/extension/views/tree/treeNode';

/** The hovered row's tooltip as Markdown (a plain-text tooltip is returned as Markdown of its text). */
export async function hoveredTooltip(provider: RowsProvider, node: TreeNode): Promise<vscode.MarkdownString> {
  const item = await provider.resolveTreeItem(await provider.getTreeItem(node), node);
  const tooltip = item.tooltip;
  if (tooltip === undefined) throw new Error(`the row ${node.id} has no tooltip`);
  return typeof tooltip === 'string' ? new vscode.MarkdownString().appendText(tooltip) : tooltip;
}
