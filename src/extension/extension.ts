// Wiring only: each feature registers itself and hands its disposables to the context.
import * as vscode from 'vscode';
import { AlignmentStore } from './store/alignmentStore';
import { registerDiagnostics } from './diagnostics/diagnostics';
import { createApi, type TruthlineApi } from './api/api';
import { registerCoreCommands } from './commands/coreCommands';
import { registerCodeLens } from './codelens/registerCodeLens';
import { registerTagProviders } from './tags/registerTagProviders';
import { registerViews } from './views/registerViews';
import { registerFlags } from './flags/registerFlags';
import { initLog } from './util/log';

export function activate(context: vscode.ExtensionContext): TruthlineApi {
  initLog(context);
  const store = new AlignmentStore();
  const api = createApi(store);
  context.subscriptions.push(
    store,
    api,
    registerDiagnostics(store),
    registerCoreCommands(store),
    registerCodeLens(store),
    registerTagProviders(store),
    registerViews(store),
    registerFlags(store),
  );
  return api;
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
