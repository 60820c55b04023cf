// Where each flag's anchored code is now, for anyone who shows flags (the views, CodeLens): read it with
// flagAnchorState(folder, flagId) and redraw on onDidChangeFlagAnchors. The AnchorTracker fills it; this
// module holds no logic, and importing it works whichever feature registers first.
import * as vscode from 'vscode';
import type { AnchorLocation } from '../../../core';

export interface FlagAnchorState extends AnchorLocation {
  /** The anchored source file. */
  readonly uri: vscode.Uri;
}

const byFolder = new Map<string, ReadonlyMap<string, FlagAnchorState>>();
const changes = new vscode.EventEmitter<void>();

/** Fired whenever any flag's anchor state may have changed (code edited, moved, deleted, flags changed). */
export const onDidChangeFlagAnchors: vscode.Event<void> = changes.event;

/**
 * The state of a flag's anchor: exact, moved (with its current lines), changed, unverified or drifted.
 * Undefined for a flag without an anchor, or before its file was first looked at.
 */
export function flagAnchorState(folder: vscode.Uri, flagId: string): FlagAnchorState | undefined {
  return byFolder.get(folder.toString())?.get(flagId);
}

/** Whether the flag's anchored code is gone (its file or its lines). */
export function isFlagDrifted(folder: vscode.Uri, flagId: string): boolean {
  return flagAnchorState(folder, flagId)?.state === 'drifted';
}

/** Every drifted flag of a folder, by id. */
export function driftedFlags(folder: vscode.Uri): string[] {
  return [...(byFolder.get(folder.toString()) ?? new Map<string, FlagAnchorState>()).entries()]
    .filter(([, state]) => state.state === 'drifted')
    .map(([id]) => id);
}

/** The tracker's side: replace a folder's states (undefined forgets the folder). */
export function publishFlagAnchors(folder: vscode.Uri, states: ReadonlyMap<string, FlagAnchorState> | undefined): void {
  const key = folder.toString();
  const previous = byFolder.get(key);
  if (states === undefined) byFolder.delete(key);
  else byFolder.set(key, states);
  if (!sameStates(previous, states)) changes.fire();
}

function sameStates(a: ReadonlyMap<string, FlagAnchorState> | undefined, b: ReadonlyMap<string, FlagAnchorState> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [id, state] of a) {
    const other = b.get(id);
    if (!other || other.state !== state.state || other.startLine !== state.startLine || other.endLine !== state.endLine || other.uri.toString() !== state.uri.toString()) return false;
  }
  return true;
}
