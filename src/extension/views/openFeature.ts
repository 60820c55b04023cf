// `Truthline: Open Feature…`: every feature in a quick pick, typed to filter, Enter to open its YAML.
import * as vscode from 'vscode';
import { CommandTitles } from '../constants';
import { compareTitles, featureReality, gapLevel, type LoadedItem, orMissing } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { plainText } from '../util/plainText';
import { realityParts, reportedText } from '../workspace/kinds/feature';
import { openItem } from '../workspace/itemLocation';

interface FeaturePick extends vscode.QuickPickItem {
  readonly uri: vscode.Uri;
  readonly entry: LoadedItem<'feature'>;
}

export async function openFeature(store: AlignmentStore): Promise<void> {
  await store.ready;
  const snapshots = store.snapshots().filter((snapshot) => snapshot.exists);
  const picks: FeaturePick[] = snapshots.flatMap((snapshot) => snapshot.model.byKind.feature.map((entry) => {
    const reality = featureReality(snapshot.model, entry.id);
    const parts = realityParts(reality);
    return {
      label: plainText(orMissing(entry.item.title, 'title')),
      description: plainText(`${entry.id} \u00b7 ${reportedText(entry)}${gapLevel(entry, reality) === 'disagrees' ? ` ${vscode.l10n.t('\u2260 reality disagrees')}` : ''}`),
      detail: plainText([snapshots.length > 1 ? snapshot.folder.name : undefined, entry.item.paths?.join(', '), parts.join(', ')].filter(Boolean).join(' \u2014 ')),
      uri: store.uriOf(snapshot, entry),
      entry,
    };
  })).sort((a, b) => compareTitles(orMissing(a.entry.item.title, 'title'), orMissing(b.entry.item.title, 'title')));
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No features in .alignment/ yet. Add one under .alignment/features/, or run "{0}" in a folder without .alignment/.', CommandTitles.initialize));
    return;
  }
  const picked = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Open Feature'), placeHolder: vscode.l10n.t('Type to filter features by title, id or path'), matchOnDescription: true, matchOnDetail: true });
  if (picked) await openItem(picked.uri, picked.entry.range, false);
}
