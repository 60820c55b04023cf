// How a kind looks in the editor, beside its plain-text descriptor in src/core/kinds: its codicon and its
// tree row (label, description, icon, menus token, screen reader text, tooltip), in localised words.
import type * as vscode from 'vscode';
import type { Kind, LoadedItem } from '../../../core';
import type { RowContext } from './format';

/** An item's tree row, as its kind draws it; the views make the TreeItem (views/items/itemRow.ts). */
export interface ItemRow {
  readonly label: string;
  readonly description: string;
  readonly icon: vscode.ThemeIcon;
  /** The `truthline.<kind>[.<state>]` token the views' menus match. */
  readonly contextValue: string;
  /** What a screen reader says for the row. */
  readonly accessibility: string;
  /**
   * Made when the row is hovered, not when it is drawn: All Features draws 2,000 feature rows at a time, and
   * their tooltips were half of that work.
   */
  readonly tooltip: () => vscode.MarkdownString;
  /** Whether the row has children of its own (a milestone's gates). */
  readonly expandable?: boolean;
}

export interface KindView {
  /** The codicon of the kind where items of several kinds are listed (the pickers). */
  readonly codicon: string;
}

/** The kinds shown as item rows; a feature is a row of its own, with its reality (./feature.ts). */
export type ItemKind = Exclude<Kind, 'feature'>;

export interface ItemKindView<K extends ItemKind> extends KindView {
  row(entry: LoadedItem<K>, context: RowContext): ItemRow;
}
