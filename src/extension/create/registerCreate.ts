// Creating items without writing YAML by hand: New Feature…, New Customer Request…, New Assumption…,
// New Risk…, New Milestone…, New Decision…, Add This File to a Feature… and Insert Comment Tag….
import * as vscode from 'vscode';
import type { NewItemKind } from '../../core';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { writeNewItem } from '../workspace/edits/createItem';
import { canWrite, isTrusted } from '../workspace/edits/writeAccess';
import { DisposableStore } from '../util/disposables';
import { logError } from '../util/log';
import { addFileToFeature } from './addFileToFeature';
import { insertTag } from './insertTag';
import { createTarget } from './createTarget';
import { askNewItem, createTitle } from './newItemPrompts';

const NEW_ITEM_COMMANDS: readonly [string, NewItemKind][] = [
  [Commands.newFeature, 'feature'],
  [Commands.newRequest, 'request'],
  [Commands.newAssumption, 'assumption'],
  [Commands.newRisk, 'risk'],
  [Commands.newMilestone, 'milestone'],
  [Commands.newDecision, 'decision'],
];

export function registerCreate(store: AlignmentStore): vscode.Disposable {
  const disposables = new DisposableStore();
  const command = <T>(id: string, run: (argument: unknown) => Promise<T>): void => {
    disposables.add(vscode.commands.registerCommand(id, (argument: unknown) => reportErrors(id, () => run(argument))));
  };
  for (const [id, kind] of NEW_ITEM_COMMANDS) command(id, () => createItem(store, kind));
  command(Commands.addFileToFeature, (argument) => addFileToFeature(store, argument));
  command(Commands.insertTag, () => insertTag(store));
  return disposables;
}

/** Asks, then writes one new file; nothing is asked where nothing can be written (Restricted Mode, read-only). */
async function createItem(store: AlignmentStore, kind: NewItemKind): Promise<vscode.Uri | undefined> {
  if (!isTrusted(vscode.l10n.t('create items'))) return undefined;
  const target = await createTarget(store, createTitle(kind));
  if (!target || !canWrite(target.snapshot.folder.uri)) return undefined;
  const item = await askNewItem(kind, target);
  if (!item) return undefined;
  return writeNewItem(store, target.snapshot, item);
}

/** The full error goes to the Truthline log; VS Code shows the rejection when the command ran from a menu or the palette. */
async function reportErrors<T>(id: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    logError(`${id} failed`, error);
    throw error;
  }
}
