// Find All References on an item's id (in its YAML, or on a tag in code): the tags naming it, the files
// tied to it through paths, and the other items in `.alignment/` that name it.
import * as vscode from 'vscode';
import { referencesTo } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { childUri } from '../util/uris';
import { idsAtPosition } from './idAtPosition';
import { idValueRange, toRange } from '../workspace/itemLocation';
import { findInWorkspace } from '../workspace/workspaceTags';

export class ItemReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly store: AlignmentStore) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const found = idsAtPosition(this.store, document, position);
    // On a `@keyword` naming several ids the question is ambiguous: answer for ids only.
    const entry = found?.ids.length === 1 ? found.ids[0]?.entry : undefined;
    if (!found || !entry) return undefined;
    const snapshot = found.context.snapshot;
    const locations: vscode.Location[] = [];
    if (context.includeDeclaration) locations.push(new vscode.Location(this.store.uriOf(snapshot, entry), idValueRange(entry)));
    for (const reference of referencesTo(snapshot.model, entry.id)) {
      locations.push(new vscode.Location(childUri(snapshot.folder.uri, reference.file), toRange(reference.range)));
    }
    const inWorkspace = await findInWorkspace(snapshot, entry, token);
    locations.push(...inWorkspace.tags, ...inWorkspace.files);
    return locations;
  }
}
