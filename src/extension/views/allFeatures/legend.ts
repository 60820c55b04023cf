// "What the icons mean": the last row of All Features, closed until asked, one line per feature icon, so
// nobody has to guess whether yellow is bad news told or bad news hidden.
import * as vscode from 'vscode';
import { ContextValues } from '../../constants';
import { FEATURE_STATES, type FeatureState, featureStateIcon, featureStateMeaning, featureStateName } from '../../workspace/kinds/featureState';
import { icon, joined } from '../../workspace/kinds/format';
import { ContainerNode, type TreeNode } from '../tree/treeNode';

const LEGEND_ID = 'all:legend';

export function legendNode(): TreeNode {
  const lines = FEATURE_STATES.map((state) => new ContainerNode(`${LEGEND_ID}/${state}`, () => legendLine(state), []));
  return new ContainerNode(LEGEND_ID, () => {
    const row = new vscode.TreeItem(vscode.l10n.t('What the icons mean'), vscode.TreeItemCollapsibleState.Collapsed);
    row.iconPath = icon('question');
    row.contextValue = ContextValues.legend;
    row.tooltip = vscode.l10n.t('A feature\'s icon says whether its report tells the bad news, or reality has to.');
    return row;
  }, lines);
}

function legendLine(state: FeatureState): vscode.TreeItem {
  const row = new vscode.TreeItem(featureStateName(state), vscode.TreeItemCollapsibleState.None);
  row.description = featureStateMeaning(state);
  row.tooltip = featureStateMeaning(state);
  row.iconPath = featureStateIcon(state);
  row.contextValue = ContextValues.legend;
  row.accessibilityInformation = { label: joined(featureStateName(state), featureStateMeaning(state)) };
  return row;
}
