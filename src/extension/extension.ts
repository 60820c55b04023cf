// Wiring only: each feature registers itself and hands its disposables to the context.
import * as vscode from 'vscode';
import { AlignmentStore } from './workspace/alignmentStore';
import { registerProblems } from './problems/registerProblems';
import { createApi, type TruthlineApi } from './api/api';
import { registerCoreCommands } from './commands/coreCommands';
import { registerCodeLens } from './codelens/registerCodeLens';
import { registerTagProviders } from './tags/registerTagProviders';
import { registerViews } from './views/registerViews';
import { registerFlags } from './flags/registerFlags';
import { registerInitialize } from './initialize/registerInitialize';
import { registerReport } from './report/registerReport';
import { registerYamlEditing } from './yamlEditing/registerYamlEditing';
import { registerSuspects } from './suspects/registerSuspects';
import { SuspectWatch } from './workspace/git/suspectWatch';
import { registerCreate } from './create/registerCreate';
import { initLog } from './util/log';

export function activate(context: vscode.ExtensionContext): TruthlineApi {
  initLog(context);
  const store = new AlignmentStore({ indexTags: true });
  const api = createApi(store);
  const suspects = new SuspectWatch(store);
  context.subscriptions.push(
    store,
    suspects,
    api,
    registerProblems(store),
    registerCoreCommands(store),
    registerCodeLens(store),
    registerTagProviders(store),
    registerViews(store),
    registerFlags(store, context.extensionUri),
    registerInitialize(store),
    registerReport(store),
    registerYamlEditing(store, context.globalState),
    registerSuspects(store, suspects),
    registerCreate(store),
  );
  return api;
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
