// A tag's id is a link (Ctrl+click) to the item's line in its YAML file.
import * as vscode from 'vscode';
import { isAlignmentFile, TAG_KINDS } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { idRange, tagsOf } from '../workspace/documentTags';
import { itemLink } from '../workspace/itemLocation';

export class TagLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly store: AlignmentStore) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const context = this.store.fileContext(document.uri);
    if (!context?.snapshot.exists || isAlignmentFile(context.path)) return [];
    const links: vscode.DocumentLink[] = [];
    for (const tag of tagsOf(document)) {
      const entry = context.snapshot.model.byId.get(tag.id);
      if (entry?.kind !== TAG_KINDS[tag.keyword]) continue;
      const link = new vscode.DocumentLink(idRange(tag), itemLink(this.store, context.snapshot, entry));
      link.tooltip = vscode.l10n.t('Open {0} in {1}', entry.id, entry.file);
      links.push(link);
    }
    return links;
  }
}
