// Acknowledge, resolve and reopen a flag, from a tree row, the palette (with a picker), or an argument
// object `{ id, note? }` that runs without prompts.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { acknowledgeFlag, type Flag, type LoadedItem, localDate, oneLine, orMissing, reopenFlag, resolveFlag } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { authorAskingOnce, currentAuthor } from '../workspace/edits/author';
import { idOfArgument, isObject, itemOfArgument, type FoundItem } from '../workspace/edits/commandArgs';
import { editInPlace } from '../workspace/edits/editInPlace';
import { pickFlag } from './itemPickers';
import { ask } from '../workspace/prompts';

/** An argument object (not a tree row): it says everything, nothing is asked. */
export function isArgumentObject(argument: unknown): argument is Record<string, unknown> {
  return isObject(argument) && !('entry' in argument) && !(argument instanceof vscode.Uri);
}

/** The flag or other item a command acts on: named by the argument, else picked. Unknown ids throw. */
export async function itemFor<K extends 'flag' | 'assumption' | 'milestone'>(store: AlignmentStore, argument: unknown, kind: K, choose: () => Promise<FoundItem<K> | undefined>, command: string): Promise<FoundItem<K> | undefined> {
  await store.ready;
  const id = idOfArgument(argument);
  if (id === undefined) return choose();
  const found = itemOfArgument(store, argument);
  if (!found) throw new Error(`${command}: no item "${id}" in .alignment/`);
  if (found.entry.kind !== kind) throw new Error(`${command}: "${id}" is a ${found.entry.kind}, not a ${kind}`);
  return found as FoundItem<K>;
}

/** One move of a flag's lifecycle: which flags it applies to, what it asks, what it writes. */
interface Transition {
  readonly command: string;
  readonly title: string;
  readonly from: Flag['status'][];
  /** The note prompted for from the palette; without one the command asks nothing. */
  readonly note?: { readonly prompt: string; readonly optional: boolean };
  readonly compute: (text: string, id: string, actor: Actor, note: string | undefined) => ReturnType<typeof acknowledgeFlag>;
  readonly done: (id: string) => string;
}

type Actor = { by: string | undefined; at: string };

export class FlagCommands {
  constructor(private readonly store: AlignmentStore, private readonly afterWrite: () => Promise<void>) {}

  acknowledge(argument: unknown): Promise<vscode.Uri | undefined> {
    const title = vscode.l10n.t('Acknowledge Truth Flag');
    return this.move(argument, { command: Commands.acknowledgeFlag, title, from: ['open'], compute: acknowledgeFlag, done: (id) => vscode.l10n.t('Acknowledged {0}', id) });
  }

  resolve(argument: unknown): Promise<vscode.Uri | undefined> {
    const note = { prompt: vscode.l10n.t('How was the gap closed? (the resolution, kept in the flag)'), optional: false };
    return this.move(argument, { command: Commands.resolveFlag, title: vscode.l10n.t('Resolve Truth Flag'), from: ['open', 'acknowledged'], note, compute: resolveFlag, done: (id) => vscode.l10n.t('Resolved {0}', id) });
  }

  reopen(argument: unknown): Promise<vscode.Uri | undefined> {
    const note = { prompt: vscode.l10n.t('Why is it open again? (optional; the earlier resolution is kept in the reality)'), optional: true };
    return this.move(argument, { command: Commands.reopenFlag, title: vscode.l10n.t('Reopen Truth Flag'), from: ['acknowledged', 'resolved'], note, compute: reopenFlag, done: (id) => vscode.l10n.t('Reopened {0}', id) });
  }

  /** A script's argument object says the note (or none); from a row or the palette it is asked for. */
  private async move(argument: unknown, transition: Transition): Promise<vscode.Uri | undefined> {
    const found = await itemFor(this.store, argument, 'flag', () => this.pick(transition.title, transition.from), transition.command);
    if (!found) return undefined;
    const scripted = isArgumentObject(argument);
    const note = transition.note;
    const actor = await this.actor(found, scripted);
    if (!actor) return undefined;
    return editInPlace(this.store, found, {
      ask: () => (scripted ? Promise.resolve(optionalText(argument.note) ?? null) : note ? askNote(found.entry, note.prompt, note.optional) : Promise.resolve(null)),
      compute: (text, answer) => transition.compute(text, found.entry.id, actor, answer ?? undefined),
      done: () => transition.done(found.entry.id),
    }, this.afterWrite);
  }

  private pick(title: string, statuses: Flag['status'][]): Promise<FoundItem<'flag'> | undefined> {
    return pickFlag(this.store, title, vscode.l10n.t('Which flag? (those of the file in the editor first)'), statuses);
  }

  /** Who acts; a script is never asked, a person is asked once when only the system's user name is known. */
  private async actor(found: FoundItem, scripted: boolean): Promise<Actor | undefined> {
    const author = scripted ? await currentAuthor(found.snapshot.folder.uri) : await authorAskingOnce(found.snapshot.folder.uri);
    return author && { by: author.name, at: localDate(new Date()) };
  }
}

/** A note; null when an optional note is left empty (so that "no note" is not Escape). */
async function askNote(entry: LoadedItem, prompt: string, optional: boolean): Promise<string | null | undefined> {
  const note = await ask({ title: `${entry.id}: ${oneLine(orMissing((entry as LoadedItem<'flag'>).item.reality, 'reality'), 60)}`, prompt, optional });
  if (note === undefined) return undefined;
  return note === '' ? null : note;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
