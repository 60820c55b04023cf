// "In the code": under a request, risk, assumption, milestone or flag, the files (and tag lines) that serve
// or tie to it, from the workspace tag index and `paths`. Computed when the item is opened, not before: a
// tree of thousands of items never asks for the places of those nobody looks at.
import * as vscode from 'vscode';
import type { CodeLine, CodePlace, Kind, LoadedItem, SourceRange } from '../../../core';
import type { FolderSnapshot } from '../../workspace/alignmentStore';
import { Commands, ContextValues } from '../../constants';
import { icon, joined } from '../../workspace/kinds/format';
import { codePlaces, codePlacesInSlices, placeUri } from '../../workspace/workspaceTags';
import type { OpenItemArguments, TreeNode } from './treeNode';

/** The kinds whose rows get the group: the ones a comment tag can name. */
const CODE_KINDS: ReadonlySet<Kind> = new Set<Kind>(['request', 'risk', 'assumption', 'milestone', 'flag']);
/** More files than this under one item are summed up in a last row (`truthline where` lists them all). */
const MAX_FILE_ROWS = 500;

export function hasCodeGroup(entry: LoadedItem): boolean {
  return CODE_KINDS.has(entry.kind);
}

export class CodeGroupNode implements TreeNode {
  private places: CodePlace[] | undefined;
  private complete = true;

  constructor(readonly id: string, private readonly snapshot: FolderSnapshot, readonly entry: LoadedItem) {}

  /**
   * Which files the folder's paths cover is worked out once per model, over every file of the folder (~100 ms
   * on 6,000 files): in slices, before the row is drawn, rather than at once.
   */
  async prepare(): Promise<void> {
    if (this.places) return;
    const complete = this.snapshot.tags.complete;
    const places = await codePlacesInSlices(this.snapshot, this.entry.id);
    if (this.places) return;
    this.places = places;
    this.complete = complete;
  }

  /** The places, read once per node: the tree is rebuilt (new nodes) when the index changes. */
  private get found(): CodePlace[] {
    if (!this.places) {
      this.places = codePlaces(this.snapshot, this.entry.id);
      this.complete = this.snapshot.tags.complete;
    }
    return this.places;
  }

  treeItem(): vscode.TreeItem {
    const places = this.found;
    const row = new vscode.TreeItem(vscode.l10n.t('In the code'), places.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    row.id = this.id;
    const lines = places.reduce((sum, place) => sum + place.lines.length, 0);
    const fileCount = places.length === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', places.length);
    const tagCount = lines === 0 ? undefined : lines === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', lines);
    const counts = places.length === 0 ? vscode.l10n.t('no file') : joined(fileCount, tagCount);
    row.description = this.complete ? counts : joined(counts, vscode.l10n.t('indexing…'));
    row.iconPath = icon('code');
    row.contextValue = `${ContextValues.group}.code`;
    row.tooltip = vscode.l10n.t('Files whose comment tags name {0}, and files its paths cover. Click a file to open it at its tag.', this.entry.id);
    row.accessibilityInformation = { label: joined(vscode.l10n.t('In the code'), row.description) };
    return row;
  }

  children(): readonly TreeNode[] {
    const places = this.found;
    const rows: TreeNode[] = places.slice(0, MAX_FILE_ROWS).map((place) => new CodeFileNode(`${this.id}/${place.path}`, placeUri(this.snapshot, place), place));
    if (places.length > MAX_FILE_ROWS) rows.push(new MoreNode(`${this.id}/more`, places.length - MAX_FILE_ROWS, this.entry.id));
    return rows;
  }
}

/** A file: its name, folder and tag lines; opens at its first tag (at its top when only `paths` tie it). */
export class CodeFileNode implements TreeNode {
  constructor(readonly id: string, readonly uri: vscode.Uri, readonly place: CodePlace) {}

  treeItem(): vscode.TreeItem {
    const { place } = this;
    const slash = place.path.lastIndexOf('/');
    const several = place.lines.length > 1;
    const row = new vscode.TreeItem(place.path.slice(slash + 1), several ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    row.id = this.id;
    row.resourceUri = this.uri;
    const where = place.lines.length > 0 ? vscode.l10n.t('line {0}', place.lines.map((line) => line.line).join(', ')) : undefined;
    row.description = joined(slash > 0 ? place.path.slice(0, slash) : undefined, where, place.byPaths ? vscode.l10n.t('paths') : undefined);
    row.tooltip = joined(place.path, ...place.lines.map(lineText), place.byPaths ? vscode.l10n.t('covered by paths') : undefined);
    row.contextValue = ContextValues.code;
    row.command = openCommand(this.uri, place.lines[0], place.path);
    return row;
  }

  children(): readonly TreeNode[] {
    if (this.place.lines.length < 2) return [];
    return this.place.lines.map((line) => new CodeLineNode(`${this.id}#${line.line}:${line.column}:${line.keyword}`, this.uri, line));
  }
}

/** One tag line of a file. */
export class CodeLineNode implements TreeNode {
  constructor(readonly id: string, readonly uri: vscode.Uri, readonly line: CodeLine) {}

  treeItem(): vscode.TreeItem {
    const row = new vscode.TreeItem(vscode.l10n.t('line {0}', this.line.line), vscode.TreeItemCollapsibleState.None);
    row.id = this.id;
    row.description = lineText(this.line);
    row.iconPath = icon(this.line.keyword === 'anchor' ? 'pinned' : 'tag');
    row.contextValue = ContextValues.code;
    row.command = openCommand(this.uri, this.line, vscode.l10n.t('line {0}', this.line.line));
    return row;
  }

  children(): readonly TreeNode[] {
    return [];
  }
}

class MoreNode implements TreeNode {
  constructor(readonly id: string, private readonly more: number, private readonly itemId: string) {}

  treeItem(): vscode.TreeItem {
    const row = new vscode.TreeItem(vscode.l10n.t('… and {0} more files', this.more), vscode.TreeItemCollapsibleState.None);
    row.id = this.id;
    row.tooltip = vscode.l10n.t('Only the first {0} files are listed here. Find All References on {1}, or `truthline where {1}`, lists every one.', MAX_FILE_ROWS, this.itemId);
    row.contextValue = ContextValues.code;
    return row;
  }

  children(): readonly TreeNode[] {
    return [];
  }
}

function lineText(line: CodeLine): string {
  return line.keyword === 'anchor' ? vscode.l10n.t('flag anchored at line {0}', line.line) : `@${line.keyword}`;
}

function openCommand(uri: vscode.Uri, line: CodeLine | undefined, title: string): vscode.Command {
  const range: SourceRange = line ? { line: line.line, column: line.column, endLine: line.line, endColumn: line.endColumn } : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const args: OpenItemArguments = [uri, range];
  return { command: Commands.openItem, title: vscode.l10n.t('Open {0}', title), arguments: args };
}
