// The module lens's click: every request the module serves, with the customer's words, date and status;
// choosing one opens its YAML.
import * as vscode from 'vscode';
import { type LoadedItem, oneLine, orMissing, quoted, requestsServingFile, type ServingRequest } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { plainText } from '../util/plainText';
import { showItem } from '../workspace/itemLocation';
import { tagsOf } from '../workspace/documentTags';

interface RequestPick extends vscode.QuickPickItem {
  entry: LoadedItem<'request'>;
}

export async function showServingRequests(store: AlignmentStore, uri: vscode.Uri): Promise<void> {
  const context = store.fileContext(uri);
  if (!context?.snapshot.exists) return;
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  const tags = document ? tagsOf(document) : [];
  const { requests } = requestsServingFile(context.snapshot.model, context.path, tags);
  if (requests.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No customer request serves {0} any more.', plainText(context.path)));
    return;
  }
  const picked = await vscode.window.showQuickPick(requests.map(toPick), {
    title: vscode.l10n.t('Customer requests served by {0}', context.path),
    placeHolder: vscode.l10n.t('Choose a request to open it'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) await showItem(store, context.snapshot, picked.entry);
}

function toPick(serving: ServingRequest): RequestPick {
  const { request } = serving;
  const item = request.item;
  return {
    label: `$(person) ${plainText(orMissing(item.customer, 'customer'))}`,
    description: plainText([request.id, item.receivedAt, item.status, item.priority, via(serving)].filter(Boolean).join(' · ')),
    detail: plainText(quoted(item.quote, oneLine)),
    entry: request,
  };
}

function via(serving: ServingRequest): string {
  switch (serving.via) {
    case 'paths': return vscode.l10n.t('names this file');
    case 'tag': return vscode.l10n.t('@serves tag');
    case 'feature': return vscode.l10n.t('via feature {0}', serving.feature?.id ?? '');
  }
}
