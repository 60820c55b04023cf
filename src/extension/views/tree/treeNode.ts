// The elements of both trees. Item nodes are also what menu commands receive as their argument, so other
// features can act on them: `node.entry` is the item (kind, id, fields, file, range) and `node.snapshot`
// its folder's snapshot (store.uriOf(node.snapshot, node.entry) is its YAML file).
import * as vscode from 'vscode';
import type { Kind, LoadedItem, SourceRange, SuspectStatus } from '../../../core';
import type { FolderSnapshot } from '../../workspace/alignmentStore';
import { Commands } from '../../constants';
import { childUri } from '../../util/uris';
import { plainText } from '../../util/plainText';
import { markRow, markTooltip, problemsMark, suspectsMark, type RowMark } from './rowMarks';
import type { TreeRow } from '../items/itemRow';

export interface TreeNode {
  /** Stable across refreshes: VS Code keeps expansion and selection by it. */
  readonly id: string;
  /** The row as drawn. */
  treeItem(): vscode.TreeItem;
  /** The row's tooltip when it is made only on hover (RowsProvider.resolveTreeItem); else the row carries its own. */
  tooltip?(): vscode.MarkdownString | string | undefined;
  /** Work the row needs before it is drawn, done with turns for the host (RowsProvider.getTreeItem awaits it). */
  prepare?(): Promise<void>;
  children(): readonly TreeNode[];
}

export interface ItemNodeOptions {
  /**
   * Whether a click opens the YAML (the default). All Features' feature rows expand on click instead, and
   * offer the YAML as an inline action.
   */
  readonly opensOnClick?: boolean;
  /** The item's settled statuses the code has moved past (its gates' calls are marked on the gate rows). */
  readonly suspects?: readonly SuspectStatus[];
}

/** An item of `.alignment/`; clicking it opens its YAML at its line, unless told otherwise. */
export class ItemNode<K extends Kind = Kind> implements TreeNode {
  constructor(
    readonly id: string,
    readonly snapshot: FolderSnapshot,
    readonly entry: LoadedItem<K>,
    private readonly build: () => TreeRow,
    private readonly kids: () => readonly TreeNode[] = () => [],
    private readonly options: ItemNodeOptions = {},
  ) {}

  treeItem(): vscode.TreeItem {
    const item = plainRow(this.build().item);
    item.id = this.id;
    const suspects = this.options.suspects ?? [];
    markRow(item, this.marks());
    // The first thing to fix or check: a problem, else the suspect status, else the item.
    const target = this.entry.problems[0] ?? suspects[0]?.range ?? this.entry.range;
    if (this.options.opensOnClick !== false) item.command ??= openCommand(this.snapshot, this.entry.file, target, item.label);
    return item;
  }

  tooltip(): vscode.MarkdownString | string | undefined {
    return markTooltip(this.build().tooltip(), this.marks());
  }

  private marks(): (RowMark | undefined)[] {
    return [suspectsMark(this.options.suspects ?? []), problemsMark(this.entry.problems)];
  }

  children(): readonly TreeNode[] {
    return this.kids();
  }
}

/** A go/no-go gate of a milestone: `node.entry` is the milestone, `node.gateIndex` the gate's place in `gates`. */
export class GateNode implements TreeNode {
  constructor(
    readonly id: string,
    readonly snapshot: FolderSnapshot,
    readonly entry: LoadedItem<'milestone'>,
    readonly gateIndex: number,
    private readonly build: () => TreeRow,
    /** The gate's call, when the code has moved past it. */
    private readonly suspect?: SuspectStatus,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = plainRow(this.build().item);
    item.id = this.id;
    markRow(item, [this.mark()]);
    const range = this.suspect?.range ?? this.entry.locate(['gates', this.gateIndex]) ?? this.entry.range;
    item.command = openCommand(this.snapshot, this.entry.file, range, item.label);
    return item;
  }

  tooltip(): vscode.MarkdownString | string | undefined {
    return markTooltip(this.build().tooltip(), [this.mark()]);
  }

  private mark(): RowMark | undefined {
    return this.suspect ? suspectsMark([this.suspect]) : undefined;
  }

  children(): readonly TreeNode[] {
    return [];
  }
}

/** A node that only holds others: a group with its count, the file's own items, a workspace folder. */
export class ContainerNode implements TreeNode {
  private built: readonly TreeNode[] | undefined;

  /** `kids` as a function: worked out when the row is first opened, then kept. */
  constructor(readonly id: string, private readonly build: () => vscode.TreeItem, private readonly kids: readonly TreeNode[] | (() => readonly TreeNode[])) {}

  treeItem(): vscode.TreeItem {
    const item = plainRow(this.build());
    item.id = this.id;
    return item;
  }

  children(): readonly TreeNode[] {
    if (typeof this.kids !== 'function') return this.kids;
    return (this.built ??= this.kids());
  }
}

/** A row's label and description show YAML text as written (see plainText). */
function plainRow(item: vscode.TreeItem): vscode.TreeItem {
  if (typeof item.label === 'string') item.label = plainText(item.label);
  else if (item.label) item.label = { ...item.label, label: plainText(item.label.label) };
  if (typeof item.description === 'string') item.description = plainText(item.description);
  return item;
}

/** The arguments of Commands.openItem: what a row needs to open its YAML at its line. */
export type OpenItemArguments = [uri: vscode.Uri, range: SourceRange];

function openCommand(snapshot: FolderSnapshot, file: string, range: SourceRange, label: vscode.TreeItem['label']): vscode.Command {
  const args: OpenItemArguments = [childUri(snapshot.folder.uri, file), range];
  const title = typeof label === 'string' ? label : label?.label ?? '';
  return { command: Commands.openItem, title: vscode.l10n.t('Open {0}', title), arguments: args };
}
