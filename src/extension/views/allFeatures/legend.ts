// "What the icons mean": the last row of All Features, closed until asked, one line per feature icon and one
// for the suspect mark, so nobody has to guess whether yellow is bad news told or bad news hidden.
import * as vscode from 'vscode';
import { ContextValues } from '../../constants';
import { FEATURE_STATES, featureStateIcon, featureStateMeaning, featureStateName } from '../../workspace/kinds/featureState';
import { icon, joined } from '../../workspace/kinds/format';
import { suspectIcon } from '../tree/rowMarks';
import { ContainerNode, type TreeNode } from '../tree/treeNode';

const LEGEND_ID = 'all:legend';

export function legendNode(): TreeNode {
  const lines = [
    ...FEATURE_STATES.map((state) => new ContainerNode(`${LEGEND_ID}/${state}`, () => legendLine(featureStateName(state), featureStateMeaning(state), featureStateIcon(state)), [])),
    new ContainerNode(`${LEGEND_ID}/suspect`, () => legendLine(vscode.l10n.t('suspect'), vscode.l10n.t('an item\'s settled status is older than a change to its code: check it, then confirm it'), suspectIcon()), []),
  ];
  return new ContainerNode(LEGEND_ID, () => {
    const row = new vscode.TreeItem(vscode.l10n.t('What the icons mean'), vscode.TreeItemCollapsibleState.Collapsed);
    row.iconPath = icon('question');
    row.contextValue = ContextValues.legend;
    row.tooltip = vscode.l10n.t('A feature\'s icon says whether its report tells the bad news, or reality has to.');
    return row;
  }, lines);
}

function legendLine(name: string, meaning: string, iconPath: vscode.ThemeIcon): vscode.TreeItem {
  const row = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
  row.description = meaning;
  row.tooltip = meaning;
  row.iconPath = iconPath;
  row.contextValue = ContextValues.legend;
  row.accessibilityInformation = { label: joined(name, meaning) };
  return row;
}
