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
import { ChangeWatch } from './workspace/git/changeWatch';
import { registerImpact } from './impact/registerImpact';
import { initLog } from './util/log';

export function activate(context: vscode.ExtensionContext): TruthlineApi {
  initLog(context);
  const store = new AlignmentStore({ indexTags: true });
  const suspects = new SuspectWatch(store);
  const changes = new ChangeWatch(store);
  const api = createApi(store, changes);
  context.subscriptions.push(
    store,
    suspects,
    changes,
    api,
    registerProblems(store),
    registerCoreCommands(store),
    registerCodeLens(store),
    registerTagProviders(store),
    registerViews(store, suspects),
    registerFlags(store, context.extensionUri),
    registerInitialize(store),
    registerReport(store),
    registerYamlEditing(store, context.globalState),
    registerSuspects(store, suspects),
    registerCreate(store),
    registerImpact(store, changes),
  );
  return api;
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
