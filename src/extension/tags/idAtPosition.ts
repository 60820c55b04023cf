// "Which item is under the cursor?" for hover, definition and references: in code, a comment tag's id;
// in a `.alignment/` YAML file, a word that is an item's id (its own `id:` or a field naming it).
import * as vscode from 'vscode';
import { isAlignmentFile, type LoadedItem, type Tag } from '../../core';
import type { AlignmentStore, FileContext } from '../workspace/alignmentStore';
import { tagsAt } from '../workspace/documentTags';
import { idValueRange } from '../workspace/itemLocation';

const ID_WORD = /[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9_-]|[A-Za-z]/;

export interface IdsAtPosition {
  context: FileContext;
  /** Every id there (a tag's `@keyword` covers each id of its list), each with its item if it exists. */
  ids: { id: string; entry: LoadedItem | undefined; tag?: Tag }[];
  range: vscode.Range;
  /** The position is on an item's own `id:` value in YAML. */
  isDeclaration: boolean;
}

export function idsAtPosition(store: AlignmentStore, document: vscode.TextDocument, position: vscode.Position): IdsAtPosition | undefined {
  const context = store.fileContext(document.uri);
  if (!context?.snapshot.exists) return undefined;
  const model = context.snapshot.model;
  if (isAlignmentFile(context.path)) {
    const range = document.getWordRangeAtPosition(position, ID_WORD);
    if (!range) return undefined;
    const id = document.getText(range);
    const entry = model.byId.get(id);
    if (!entry) return undefined;
    const isDeclaration = entry.file === context.path && idValueRange(entry).isEqual(range);
    return { context, ids: [{ id, entry }], range, isDeclaration };
  }
  const found = tagsAt(document, position);
  if (!found) return undefined;
  return { context, ids: found.tags.map((tag) => ({ id: tag.id, entry: model.byId.get(tag.id), tag })), range: found.range, isDeclaration: false };
}
