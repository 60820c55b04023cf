// `Truthline: Initialize`: the palette command and the welcome views' button.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { initializeAlignment } from './initializeCommand';

export function registerInitialize(store: AlignmentStore): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.initialize, () => initializeAlignment(store));
}
