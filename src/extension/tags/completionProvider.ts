// Completion of ids after a tag keyword in a comment: `// @risk ` offers the risks, each with its summary.
import * as vscode from 'vscode';
import { compareIds, isAlignmentFile, oneLineSummary, scanTags, TAG_KINDS, type TagKeyword } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { itemCardMarkdown } from '../workspace/kinds/itemCardMarkdown';
import { itemLink } from '../workspace/itemLocation';

export const COMPLETION_TRIGGERS = [' ', ','];
const ID = '[A-Za-z][A-Za-z0-9_.-]*';
/** A keyword, the ids already listed, and the id being typed, right before the cursor. */
const BEFORE_CURSOR = new RegExp(`(?<![\\w@])@(${Object.keys(TAG_KINDS).join('|')})[ \\t]+((?:${ID}[ \\t]*,[ \\t]*)*)([A-Za-z0-9_.-]*)$`);
/** Stands in for the id not typed yet, so scanTags can say whether the keyword is in a comment. */
const PLACEHOLDER = 'X';

export class TagCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly store: AlignmentStore) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const context = this.store.fileContext(document.uri);
    if (!context?.snapshot.exists || isAlignmentFile(context.path)) return undefined;
    const match = BEFORE_CURSOR.exec(document.lineAt(position.line).text.slice(0, position.character));
    if (!match) return undefined;
    const keyword = match[1] as TagKeyword;
    const typed = match[3] ?? '';
    // Only in a comment: scanTags decides that, from the text up to here (block comments may open above).
    const before = document.getText(new vscode.Range(new vscode.Position(0, 0), position)) + (typed ? '' : PLACEHOLDER);
    if (!scanTags(before).some((tag) => tag.line === position.line + 1 && tag.keyword === keyword)) return undefined;
    const listed = new Set((match[2] ?? '').split(',').map((id) => id.trim()).filter(Boolean));
    const range = new vscode.Range(position.translate(0, -typed.length), position);
    const snapshot = context.snapshot;
    const entries = snapshot.model.byKind[TAG_KINDS[keyword]].filter((entry) => !listed.has(entry.id));
    return [...entries].sort((a, b) => compareIds(a.id, b.id)).map((entry, index) => {
      const item = new vscode.CompletionItem({ label: entry.id, description: entry.file }, vscode.CompletionItemKind.Reference);
      item.range = range;
      item.detail = oneLineSummary(entry);
      item.documentation = itemCardMarkdown(entry, itemLink(this.store, snapshot, entry));
      item.sortText = String(index).padStart(6, '0');
      return item;
    });
  }
}
