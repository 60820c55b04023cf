// The Change Impact view: what the uncommitted changes and the branch's commits since its merge-base touch,
// from the shared ChangeWatch. Redrawn when it reads a folder again; what is not there (no changes, no git,
// Restricted Mode) is said in the view's message line.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import type { FolderSnapshot } from '../workspace/folderAlignment';
import type { ChangeWatch } from '../workspace/git/changeWatch';
import { Disposable } from '../util/disposables';
import { childUri } from '../util/uris';
import { impactRows, type ImpactRow } from './impactRows';

interface Node {
  readonly row: ImpactRow;
  readonly snapshot: FolderSnapshot;
}

export class ChangeImpactProvider extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly store: AlignmentStore, private readonly changes: ChangeWatch) {
    super();
    this.register(changes.onDidChange(() => this.changeEmitter.fire()));
    this.register(store.onDidChange(() => this.changeEmitter.fire()));
  }

  /** The line above the rows: why there are none, or what the change is compared with. */
  message(): string {
    const lines = this.folders().map((snapshot) => {
      const answer = this.changes.answerOf(snapshot);
      const prefix = this.folders().length > 1 ? `${snapshot.folder.name}: ` : '';
      if (!answer) return `${prefix}${vscode.l10n.t('reading the change from git…')}`;
      if ('unavailable' in answer) return `${prefix}${answer.unavailable}`;
      const impact = answer.value;
      if (impact.files.length === 0 && impact.alignment.length === 0) return `${prefix}${vscode.l10n.t('No changes against {0}.', impact.baseFrom)}`;
      const count = impact.files.length + impact.alignment.length;
      return `${prefix}${count === 1 ? vscode.l10n.t('1 changed file against {0}.', impact.baseFrom) : vscode.l10n.t('{0} changed files against {1}.', count, impact.baseFrom)}`;
    });
    return lines.join(' ');
  }

  getChildren(node?: Node): Node[] {
    if (node) return (node.row.children ?? []).map((row) => ({ row, snapshot: node.snapshot }));
    const folders = this.folders();
    const rowsOf = (snapshot: FolderSnapshot): ImpactRow[] => {
      const answer = this.changes.answerOf(snapshot);
      return answer && 'value' in answer ? impactRows(answer.value, snapshot.folder.uri.toString()) : [];
    };
    if (folders.length === 1 && folders[0]) {
      const snapshot = folders[0];
      return rowsOf(snapshot).map((row) => ({ row, snapshot }));
    }
    return folders.flatMap((snapshot) => {
      const children = rowsOf(snapshot);
      return children.length === 0 ? [] : [{ row: { id: snapshot.folder.uri.toString(), label: snapshot.folder.name, icon: 'root-folder', children, expanded: true }, snapshot }];
    });
  }

  getTreeItem({ row, snapshot }: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, row.children
      ? (row.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed)
      : vscode.TreeItemCollapsibleState.None);
    item.id = row.id;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = new vscode.ThemeIcon(row.icon);
    if (row.opens && 'item' in row.opens) {
      item.command = { command: Commands.openItemById, title: vscode.l10n.t('Open {0}', row.opens.item), arguments: [snapshot.folder.uri, row.opens.item] };
    } else if (row.opens) {
      const uri = childUri(snapshot.folder.uri, row.opens.file);
      item.resourceUri = uri;
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open {0}', row.opens.file), arguments: [uri] };
    }
    return item;
  }

  private folders(): FolderSnapshot[] {
    return this.store.snapshots().filter((snapshot) => snapshot.exists);
  }
}
