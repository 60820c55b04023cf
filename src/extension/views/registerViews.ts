// The sidebar: the Current Feature and All Features views, the status bar item, and their commands.
import * as vscode from 'vscode';
import type { SourceRange } from '../../core';
import { Commands, ContextKeys, Settings, Views } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { DisposableStore } from '../util/disposables';
import { setContextKey } from '../workspace/contextKeys';
import { AllFeaturesProvider } from './allFeatures/allFeaturesProvider';
import { CurrentFeatureProvider, type CurrentFeatureSummary } from './currentFeature/currentFeatureProvider';
import { FollowedFile } from './currentFeature/followedFile';
import { openFeature } from './openFeature';
import { openItem } from '../workspace/itemLocation';
import { updateStatusBar } from './statusBar';
import { suspectNotice } from './suspectNotice';
import type { TreeNode } from './tree/treeNode';
import type { SuspectMarks } from './tree/rowsInput';
import { itemOfArgument } from '../workspace/edits/commandArgs';
import { onDidChangeViewSettings, readViewSettings, type SortOrder, type ViewSettings } from './viewSettings';

export function registerViews(store: AlignmentStore, suspects: SuspectMarks): vscode.Disposable {
  const disposables = new DisposableStore();
  let settings: ViewSettings = readViewSettings();

  const followed = disposables.add(new FollowedFile(store));
  const current = disposables.add(new CurrentFeatureProvider(store, suspects, followed, () => settings));
  const all = disposables.add(new AllFeaturesProvider(store, suspects, settings.allFeaturesSortBy));
  const currentView = disposables.add(vscode.window.createTreeView<TreeNode>(Views.currentFeature, { treeDataProvider: current, showCollapseAll: true }));
  const allView = disposables.add(vscode.window.createTreeView<TreeNode>(Views.allFeatures, { treeDataProvider: all, showCollapseAll: true }));
  const statusBar = disposables.add(vscode.window.createStatusBarItem(Views.currentFeature, vscode.StatusBarAlignment.Left, 50));
  statusBar.name = vscode.l10n.t('Truthline Current Feature');

  const showSummary = (summary: CurrentFeatureSummary): void => {
    currentView.description = summary.uri ? summary.uri.path.slice(summary.uri.path.lastIndexOf('/') + 1) : undefined;
    updateStatusBar(statusBar, summary, settings.statusBarEnabled);
    void setContextKey(ContextKeys.currentFeatureState, summary.state);
  };
  disposables.add(current.onDidChangeSummary(showSummary));

  const setSort = (sort: SortOrder): void => {
    all.sortBy = sort;
    // The title bar's button shows the order it would switch to; the view's title says the one in force.
    allView.description = sort === 'gap' ? vscode.l10n.t('sorted by gap') : vscode.l10n.t('sorted by name');
    void setContextKey(ContextKeys.allFeaturesSortedByGap, sort === 'gap');
  };
  // The title bar's sort button is the setting's switch (as in GitLens): the choice outlives the window.
  const chooseSort = async (sort: SortOrder): Promise<void> => {
    setSort(sort);
    await vscode.workspace.getConfiguration().update(Settings.allFeaturesSortBy, sort, vscode.ConfigurationTarget.Global);
  };
  disposables.add(vscode.commands.registerCommand(Commands.sortAllFeaturesByGap, () => chooseSort('gap')));
  disposables.add(vscode.commands.registerCommand(Commands.sortAllFeaturesByName, () => chooseSort('name')));
  // Resolved flags are one click away in the view's menu, not only in the settings.
  disposables.add(vscode.commands.registerCommand(Commands.showResolvedFlags, () => setShowResolvedFlags(true)));
  disposables.add(vscode.commands.registerCommand(Commands.hideResolvedFlags, () => setShowResolvedFlags(false)));
  disposables.add(vscode.commands.registerCommand(Commands.openItem, (uri: vscode.Uri, range: SourceRange) => openItem(uri, range)));
  disposables.add(vscode.commands.registerCommand(Commands.openFeature, () => openFeature(store)));
  disposables.add(vscode.commands.registerCommand(Commands.openFeatureDefinition, (node: unknown) => openFeatureDefinition(store, node)));

  disposables.add(onDidChangeViewSettings(() => {
    const previous = settings;
    settings = readViewSettings();
    if (settings.allFeaturesSortBy !== previous.allFeaturesSortBy) setSort(settings.allFeaturesSortBy);
    current.refresh();
  }));
  const showAlignmentState = (): void => {
    const snapshots = store.snapshots().filter((snapshot) => snapshot.exists);
    const state = snapshots.length === 0 ? 'missing' : snapshots.some((snapshot) => snapshot.model.byKind.feature.length > 0) ? 'ready' : 'noFeatures';
    void setContextKey(ContextKeys.alignmentState, state);
  };
  disposables.add(store.onDidChange(showAlignmentState));
  const showSuspectNotice = (): void => {
    allView.message = suspectNotice(store);
  };
  disposables.add(store.onDidChange(showSuspectNotice));

  setSort(settings.allFeaturesSortBy);
  void store.ready.then(() => {
    showAlignmentState();
    showSuspectNotice();
  });
  return disposables;
}

/** Writes the setting where it is decided: the workspace if it sets it, else the user's settings. */
async function setShowResolvedFlags(show: boolean): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  const target = config.inspect<boolean>(Settings.showResolvedFlags)?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(Settings.showResolvedFlags, show, target);
}

/** All Features' inline action: a feature row's YAML (or a feature id's), at the feature, focused to edit. */
async function openFeatureDefinition(store: AlignmentStore, argument: unknown): Promise<void> {
  const found = itemOfArgument(store, argument);
  if (found?.entry.kind !== 'feature') return;
  await openItem(store.uriOf(found.snapshot, found.entry), found.entry.range, false);
}
