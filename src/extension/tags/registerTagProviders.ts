// Comment tags in the editor: hover cards, Go to Definition, Find All References, links and completion.
// Tags that name unknown ids are reported by the diagnostics (src/extension/diagnostics).
import * as vscode from 'vscode';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { DisposableStore } from '../util/disposables';
import { COMPLETION_TRIGGERS, TagCompletionProvider } from './completionProvider';
import { TagDefinitionProvider } from './definitionProvider';
import { TagLinkProvider } from './documentLinkProvider';
import { TagHoverProvider } from './hoverProvider';
import { ItemReferenceProvider } from './referenceProvider';
import { workspaceFilesSelector } from '../workspace/workspaceSelector';

export function registerTagProviders(store: AlignmentStore): vscode.Disposable {
  const disposables = new DisposableStore();
  const files = workspaceFilesSelector();
  disposables.add(vscode.languages.registerHoverProvider(files, new TagHoverProvider(store)));
  disposables.add(vscode.languages.registerDefinitionProvider(files, new TagDefinitionProvider(store)));
  disposables.add(vscode.languages.registerReferenceProvider(files, new ItemReferenceProvider(store)));
  disposables.add(vscode.languages.registerDocumentLinkProvider(files, new TagLinkProvider(store)));
  disposables.add(vscode.languages.registerCompletionItemProvider(files, new TagCompletionProvider(store), ...COMPLETION_TRIGGERS));
  return disposables;
}
