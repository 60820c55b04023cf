// Go to Definition on a tag's id (or an id named in `.alignment/` YAML): the item in its YAML file.
import * as vscode from 'vscode';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { idsAtPosition } from './idAtPosition';
import { idValueRange, toRange } from '../workspace/itemLocation';

export class TagDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly store: AlignmentStore) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    const found = idsAtPosition(this.store, document, position);
    if (!found || found.isDeclaration) return undefined;
    const links: vscode.LocationLink[] = [];
    for (const { entry } of found.ids) {
      if (!entry) continue;
      links.push({
        originSelectionRange: found.range,
        targetUri: this.store.uriOf(found.context.snapshot, entry),
        targetRange: toRange(entry.range),
        targetSelectionRange: idValueRange(entry),
      });
    }
    return links.length > 0 ? links : undefined;
  }
}
