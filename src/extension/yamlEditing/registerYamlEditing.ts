// Writing `.alignment/` files by hand: whole items by completion, and the YAML extension recommended once.
import * as vscode from 'vscode';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { DisposableStore } from '../util/disposables';
import { workspaceFilesSelector } from '../workspace/workspaceSelector';
import { KindSnippetCompletionProvider } from './kindSnippetCompletion';
import { YamlExtensionRecommendation } from './yamlRecommendation';

export function registerYamlEditing(store: AlignmentStore, memory: vscode.Memento): vscode.Disposable {
  const disposables = new DisposableStore();
  disposables.add(vscode.languages.registerCompletionItemProvider(workspaceFilesSelector(), new KindSnippetCompletionProvider(store)));
  disposables.add(new YamlExtensionRecommendation(store, memory));
  return disposables;
}
