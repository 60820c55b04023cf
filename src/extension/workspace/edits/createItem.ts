// Writing a new item (a feature, a request, a risk…): one new file in the kind's folder, named by its id and
// never written over an existing one, then waiting until the store has read it, and opening it at its id.
import * as vscode from 'vscode';
import { newItemFilePath, newItemText, type NewItem } from '../../../core';
import type { AlignmentStore, FolderSnapshot } from '../alignmentStore';
import { showItem } from '../itemLocation';
import { childUri } from '../../util/uris';
import { plainText } from '../../util/plainText';
import { createNewFile } from './writer';
import { waitForItem } from './createFlag';

export async function writeNewItem(store: AlignmentStore, snapshot: FolderSnapshot, item: NewItem): Promise<vscode.Uri | undefined> {
  const folder = snapshot.folder.uri;
  const text = newItemText(item);
  if (!text.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}: {1}', plainText(item.id), plainText(text.message)));
    return undefined;
  }
  const path = newItemFilePath(item.kind, item.id);
  const uri = childUri(folder, path);
  const created = await createNewFile(uri, text.text, vscode.l10n.t('New {0} {1}', item.kind, item.id));
  if (created === 'failed') return undefined;
  if (created === 'exists') {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists; nothing was written. Add {1} to that file by hand, or choose another id.', path, plainText(item.id)));
    return undefined;
  }
  await waitForItem(store, folder, item.id);
  const current = store.snapshots().find((candidate) => candidate.folder.uri.toString() === folder.toString());
  const entry = current?.model.byId.get(item.id);
  if (current && entry) await showItem(store, current, entry);
  else await vscode.window.showTextDocument(uri, { preview: false });
  vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Created {0} in {1}', item.id, path)}`, 4_000);
  return uri;
}
