// The sidebar's settings, read in one place.
import * as vscode from 'vscode';
import { Settings } from '../constants';
import { GROUP_KINDS, type GroupKind } from '../../core';

export type SortOrder = 'name' | 'gap';

export interface ViewSettings {
  readonly groups: readonly GroupKind[];
  readonly showResolvedFlags: boolean;
  readonly allFeaturesSortBy: SortOrder;
  readonly statusBarEnabled: boolean;
}

export function readViewSettings(): ViewSettings {
  const config = vscode.workspace.getConfiguration();
  const groups = config.get<unknown>(Settings.currentFeatureGroups);
  return {
    // A hand-edited value with a typo keeps the groups it names correctly; a non-list means all of them.
    groups: Array.isArray(groups) ? GROUP_KINDS.filter((kind) => groups.includes(kind)) : GROUP_KINDS,
    showResolvedFlags: config.get<boolean>(Settings.showResolvedFlags) === true,
    allFeaturesSortBy: config.get<string>(Settings.allFeaturesSortBy) === 'gap' ? 'gap' : 'name',
    statusBarEnabled: config.get<boolean>(Settings.statusBarEnabled) !== false,
  };
}

/** Fires when any sidebar setting changes. */
export function onDidChangeViewSettings(listener: () => void): vscode.Disposable {
  const names = [Settings.currentFeatureGroups, Settings.showResolvedFlags, Settings.allFeaturesSortBy, Settings.statusBarEnabled];
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (names.some((name) => event.affectsConfiguration(name))) listener();
  });
}
