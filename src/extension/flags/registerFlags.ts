// Truth flags: raising them, their lifecycle, assumption statuses and gate calls (one edit path), the
// lightbulb, and re-anchoring (the store keeps anchors following the code).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { DisposableStore } from '../util/disposables';
import { logError } from '../util/log';
import { itemOfArgument } from '../workspace/edits/commandArgs';
import { FlagCodeActions } from './codeActions';
import { FlagCommands } from './flagCommands';
import { FlagRaiser } from './raiseFlag';
import { Reanchorer } from './reanchor';
import { StatusCommands } from './statusCommands';
import { AnchorDecorations } from './anchorDecorations';

export function registerFlags(store: AlignmentStore, extensionUri: vscode.Uri): vscode.Disposable {
  const disposables = new DisposableStore();
  disposables.add(new AnchorDecorations(store, extensionUri));
  const afterWrite = (): Promise<void> => store.relocateAnchors();
  const raiser = new FlagRaiser(store, afterWrite);
  const flags = new FlagCommands(store, afterWrite);
  const statuses = new StatusCommands(store, afterWrite);
  const reanchorer = new Reanchorer(store, afterWrite);

  const command = (id: string, run: (argument: unknown) => Promise<vscode.Uri | undefined>): void => {
    disposables.add(vscode.commands.registerCommand(id, (argument: unknown) => reportErrors(id, argument, run)));
  };
  command(Commands.raiseFlag, (argument) => raiser.run(argument));
  command(Commands.acknowledgeFlag, (argument) => flags.acknowledge(argument));
  command(Commands.resolveFlag, (argument) => flags.resolve(argument));
  command(Commands.reopenFlag, (argument) => flags.reopen(argument));
  command(Commands.reanchorFlag, (argument) => reanchorer.run(argument));
  command(Commands.setAssumptionStatus, (argument) => statuses.setAssumptionStatus(argument));
  command(Commands.setGateCall, (argument) => statuses.setGateCall(argument));

  disposables.add(vscode.commands.registerCommand(Commands.flagAnchor, async (argument: unknown) => {
    await store.ready;
    await store.relocateAnchors();
    const found = itemOfArgument(store, argument);
    if (found?.entry.kind !== 'flag') return undefined;
    const state = found.snapshot.anchors.stateOf(found.entry.id);
    return state && { state: state.state, startLine: state.startLine, endLine: state.endLine, uri: state.uri, ...(state.reason ? { reason: state.reason } : {}) };
  }));
  disposables.add(vscode.languages.registerCodeActionsProvider({ pattern: '**/*' }, new FlagCodeActions(store), FlagCodeActions.metadata));
  return disposables;
}

/**
 * Bad arguments from scripts throw on purpose (the caller gets the rejection, and VS Code shows it when
 * the command ran from a key, a menu or the palette); the full error goes to the Truthline log.
 */
async function reportErrors(id: string, argument: unknown, run: (argument: unknown) => Promise<vscode.Uri | undefined>): Promise<vscode.Uri | undefined> {
  try {
    return await run(argument);
  } catch (error) {
    logError(`${id} failed`, error);
    throw error;
  }
}
