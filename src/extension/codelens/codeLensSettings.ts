import * as vscode from 'vscode';
import { Settings } from '../constants';

export interface CodeLensSettings {
  enabled: boolean;
  /** The lens above each module naming the customers it serves. */
  module: boolean;
  /** A lens above each comment tag. */
  tags: boolean;
  /** `No customer request` above a module a feature covers but no request serves. */
  noRequest: boolean;
}

const NAMES = [Settings.codeLensEnabled, Settings.codeLensModule, Settings.codeLensTags, Settings.codeLensNoRequest];

export function readCodeLensSettings(scope?: vscode.Uri): CodeLensSettings {
  const config = vscode.workspace.getConfiguration(undefined, scope);
  return {
    enabled: config.get<boolean>(Settings.codeLensEnabled, true),
    module: config.get<boolean>(Settings.codeLensModule, true),
    tags: config.get<boolean>(Settings.codeLensTags, true),
    noRequest: config.get<boolean>(Settings.codeLensNoRequest, true),
  };
}

export function affectsCodeLens(event: vscode.ConfigurationChangeEvent): boolean {
  return NAMES.some((name) => event.affectsConfiguration(name));
}

/** Turns the lenses off or on where the setting is decided: the workspace if it sets it, else the user. */
export async function toggleCodeLens(): Promise<boolean> {
  const config = vscode.workspace.getConfiguration();
  const inspected = config.inspect<boolean>(Settings.codeLensEnabled);
  const enabled = !config.get<boolean>(Settings.codeLensEnabled, true);
  const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(Settings.codeLensEnabled, enabled, target);
  return enabled;
}
