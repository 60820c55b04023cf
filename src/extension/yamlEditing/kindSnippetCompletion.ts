// Completion of whole items in `.alignment/` files: at the start of a line (or after `- ` in a list), one
// snippet per kind with the keys a valid item needs, its next free id and the file's feature filled in.
// It works without a YAML extension; with one, the schema adds key and value completion beside it.
import * as vscode from 'vscode';
import { isAlignmentFile, kindSnippets, localDate, newFlagId, nextItemId, type AlignmentModel, type Kind } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';

/** Where an item may begin: an empty or partly typed top-level key, or the same after a list's `- `. */
const ITEM_START = /^(-[ \t]+)?([a-z]*)$/;

export class KindSnippetCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly store: AlignmentStore) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const context = this.store.fileContext(document.uri);
    if (!context || !isAlignmentFile(context.path)) return undefined;
    const match = ITEM_START.exec(document.lineAt(position.line).text.slice(0, position.character));
    if (!match) return undefined;
    const listItem = match[1] !== undefined;
    const typed = match[2] ?? '';
    const model = context.snapshot.model;
    const snippets = kindSnippets({
      nextId: (kind) => nextId(model, kind),
      today: localDate(new Date()),
      feature: featureOfFile(model, context.path),
    });
    const range = new vscode.Range(position.translate(0, -typed.length), position);
    return snippets.map((snippet, index) => {
      // The editor indents later lines as the current one; a list item's keys sit two further in.
      const lines = snippet.lines.map((line, at) => (listItem && at > 0 ? `  ${line}` : line));
      const item = new vscode.CompletionItem({ label: `kind: ${snippet.kind}`, description: vscode.l10n.t('new item') }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(lines.join('\n'));
      item.filterText = `kind: ${snippet.kind} ${snippet.kind}`;
      item.range = range;
      item.detail = snippet.description;
      item.documentation = new vscode.MarkdownString().appendCodeblock(lines.join('\n').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1'), 'yaml');
      item.sortText = `0${index}`;
      return item;
    });
  }
}

function nextId(model: AlignmentModel, kind: Kind): string {
  if (kind === 'feature') return 'feature-id';
  if (kind === 'flag') return newFlagId(new Date(), crypto.getRandomValues(new Uint8Array(4)));
  return nextItemId(model, kind);
}

/** The feature the file is about: the one its items name, else a feature whose id is the file's name. */
function featureOfFile(model: AlignmentModel, path: string): string | undefined {
  const named = model.items.find((entry) => entry.file === path && 'feature' in entry.item && typeof entry.item.feature === 'string');
  if (named && 'feature' in named.item && typeof named.item.feature === 'string') return named.item.feature;
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
  return model.byKind.feature.some((entry) => entry.id === base) ? base : undefined;
}
