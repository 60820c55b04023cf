// Add This File to a Feature…: the file's path joins the chosen feature's `paths`, edited in place (the
// author's comments and list style kept), so the feature covers the file and the views show it at once.
import * as vscode from 'vscode';
import { addFeaturePath, CommandTitles, isAlignmentFile, type LoadedItem } from '../../core';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';
import { uriOfValue } from '../workspace/edits/commandArgs';
import { editInPlace } from '../workspace/edits/editInPlace';
import { canWrite } from '../workspace/edits/writeAccess';
import { itemLabel, KIND_ICONS } from '../workspace/kinds/itemLabels';
import { pick, type PickItem } from '../workspace/prompts';
import { plainText } from '../util/plainText';
import { coveringFeatures } from './createTarget';

export async function addFileToFeature(store: AlignmentStore, argument: unknown): Promise<vscode.Uri | undefined> {
  await store.ready;
  const uri = uriOfValue(argument) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the file to add to a feature first.'));
    return undefined;
  }
  const context = store.fileContext(uri);
  if (!context?.snapshot.exists) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in a workspace folder with a .alignment/ folder. Run "{1}" first.', plainText(vscode.workspace.asRelativePath(uri)), CommandTitles.initialize));
    return undefined;
  }
  if (isAlignmentFile(context.path)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is a file of .alignment/ itself; a feature covers code.', plainText(context.path)));
    return undefined;
  }
  const { snapshot, path } = context;
  if (!canWrite(snapshot.folder.uri)) return undefined;
  const features = snapshot.model.byKind.feature;
  if (features.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('.alignment/ holds no feature yet: create one with New Feature, which offers this file\'s folder as its paths.'));
    return undefined;
  }
  const feature = await pickFeature(snapshot, path, features);
  if (!feature) return undefined;
  if (coveringFeatures(snapshot, path).some((covering) => covering.id === feature.id)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already covers {1}: its paths match it.', plainText(feature.id), plainText(path)));
    return undefined;
  }
  return editInPlace(store, { snapshot, entry: feature }, {
    ask: () => Promise.resolve(true),
    compute: (text) => addFeaturePath(text, feature.id, path),
    done: () => vscode.l10n.t('Added {0} to the paths of {1}', path, feature.id),
  }, () => Promise.resolve());
}

function pickFeature(snapshot: FolderSnapshot, path: string, features: readonly LoadedItem<'feature'>[]): Promise<LoadedItem<'feature'> | undefined> {
  const covering = new Set(coveringFeatures(snapshot, path).map((feature) => feature.id));
  const items: PickItem<LoadedItem<'feature'>>[] = [...features]
    .sort((a, b) => Number(covering.has(a.id)) - Number(covering.has(b.id)) || a.id.localeCompare(b.id))
    .map((feature) => ({
      label: `$(${KIND_ICONS.feature}) ${itemLabel(feature)}`,
      description: covering.has(feature.id) ? vscode.l10n.t('covers it already') : undefined,
      value: feature,
    }));
  return pick({
    title: vscode.l10n.t('Add {0} to a Feature', plainText(path)),
    placeholder: vscode.l10n.t('Which feature does this file belong to? Its path is added to the feature\'s paths'),
    items,
  });
}
