// Hover on a comment tag (or on an id named in `.alignment/` YAML): the item as a card, with a link to it.
import * as vscode from 'vscode';
import { TAG_KINDS } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { idsAtPosition } from './idAtPosition';
import { itemCardMarkdown } from '../workspace/kinds/itemCardMarkdown';
import { itemLink } from '../workspace/itemLocation';

export class TagHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: AlignmentStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = idsAtPosition(this.store, document, position);
    // An item's own `id:` line needs no card of itself.
    if (!found || found.isDeclaration) return undefined;
    const cards = found.ids.map(({ id, entry, tag }) => {
      if (entry && (!tag || entry.kind === TAG_KINDS[tag.keyword])) return itemCardMarkdown(entry, itemLink(this.store, found.context.snapshot, entry), { isDrifted: (flag) => found.context.snapshot.anchors.isDrifted(flag.id) });
      const text = new vscode.MarkdownString();
      text.appendText(tag && entry
        ? vscode.l10n.t('@{0} names {1}, whose kind is {2}; it expects kind {3}.', tag.keyword, id, entry.kind, TAG_KINDS[tag.keyword])
        : vscode.l10n.t('No item in .alignment/ has the id {0}.', id));
      return text;
    });
    return new vscode.Hover(cards, found.range);
  }
}
