// Writing a new flag: a fresh id, one new file named after it (never over an existing one), then waiting
// until the store has read it, so the views show it as soon as the command returns.
import * as vscode from 'vscode';
import { flagFilePath, localTimestamp, newFlagId, newFlagText, type Anchor, type Flag } from '../../../core';
import type { AlignmentStore, FolderSnapshot } from '../alignmentStore';
import { childUri } from '../../util/uris';
import { plainText } from '../../util/plainText';
import { createNewFile } from './writer';
import { canWrite } from './writeAccess';

export interface FlagDraft {
  readonly feature?: string | undefined;
  readonly about?: string | undefined;
  readonly reported?: string | undefined;
  readonly reality: string;
  readonly severity: Flag['severity'];
  readonly raisedBy?: string | undefined;
  readonly anchor?: Anchor | undefined;
}

/** Another random id is tried when one is taken; four collisions in a row mean something else is wrong. */
const ID_ATTEMPTS = 5;
const STORE_WAIT_MS = 3_000;

export async function writeNewFlag(store: AlignmentStore, snapshot: FolderSnapshot, draft: FlagDraft, afterWrite: () => Promise<void>): Promise<vscode.Uri | undefined> {
  const folder = snapshot.folder.uri;
  if (!canWrite(folder)) return undefined;
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const now = new Date();
    const id = newFlagId(now, crypto.getRandomValues(new Uint8Array(4)));
    if (store.snapshots().some((candidate) => candidate.model.byId.has(id))) continue;
    const text = newFlagText({ id, ...draft, raisedAt: localTimestamp(now) });
    if (!text.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not raise the flag: {0}', plainText(text.message)));
      return undefined;
    }
    const uri = childUri(folder, flagFilePath(id));
    const created = await createNewFile(uri, text.text, vscode.l10n.t('Raise truth flag {0}', id));
    if (created === 'failed') return undefined;
    if (created === 'exists') continue;
    await waitForItem(store, folder, id);
    await afterWrite();
    announce(id, uri, draft.reality);
    return uri;
  }
  void vscode.window.showErrorMessage(vscode.l10n.t('Could not find a free flag id in .alignment/flags/ after {0} tries; nothing was written.', ID_ATTEMPTS));
  return undefined;
}

/** Resolves once the store holds `id` in `folder`; reloads if the watcher is slow. */
export function waitForItem(store: AlignmentStore, folder: vscode.Uri, id: string): Promise<void> {
  return store.waitFor(folder, (snapshot) => snapshot.model.byId.has(id), STORE_WAIT_MS);
}

/** A notification offering to open the new flag; not awaited, so the command returns at once. */
function announce(id: string, uri: vscode.Uri, reality: string): void {
  const open = vscode.l10n.t('Open');
  const short = reality.length > 80 ? `${reality.slice(0, 79)}…` : reality;
  void vscode.window.showInformationMessage(vscode.l10n.t('Truth flag {0} raised: {1}', id, plainText(short)), open).then((choice) => {
    if (choice === open) void vscode.window.showTextDocument(uri);
  });
}
