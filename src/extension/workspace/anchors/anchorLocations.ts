// Where each flag's anchored code is now, per workspace folder. The store owns it (and the tracker that
// fills it); every snapshot carries its folder's view, so any feature that shows a flag can show drift,
// and redraw on the store's onDidChangeAnchors.
import * as vscode from 'vscode';
import type { AnchorLocation } from '../../../core';

export interface FlagAnchorState extends AnchorLocation {
  /** The anchored source file. */
  readonly uri: vscode.Uri;
}

/** One folder's anchors, read live: the answer follows the tracker without a new snapshot. */
export interface FolderAnchors {
  /**
   * The state of a flag's anchor: exact, moved (with its current lines), changed, unverified or drifted.
   * Undefined for a flag without an anchor, or before its file was first looked at.
   */
  stateOf(flagId: string): FlagAnchorState | undefined;
  /** Whether the flag's anchored code is gone (its file or its lines). */
  isDrifted(flagId: string): boolean;
  /** Every drifted flag of the folder, by id. */
  drifted(): string[];
}

/** For a folder no tracker looks at (tests that build one folder alone). */
export const NO_ANCHORS: FolderAnchors = { stateOf: () => undefined, isDrifted: () => false, drifted: () => [] };

export class AnchorLocations implements vscode.Disposable {
  private readonly byFolder = new Map<string, ReadonlyMap<string, FlagAnchorState>>();
  private readonly changes = new vscode.EventEmitter<void>();
  /** Fired whenever any flag's anchor state may have changed (code edited, moved, deleted, flags changed). */
  readonly onDidChange: vscode.Event<void> = this.changes.event;

  of(folder: vscode.Uri): FolderAnchors {
    const key = folder.toString();
    const states = (): ReadonlyMap<string, FlagAnchorState> => this.byFolder.get(key) ?? new Map<string, FlagAnchorState>();
    return {
      stateOf: (flagId) => states().get(flagId),
      isDrifted: (flagId) => states().get(flagId)?.state === 'drifted',
      drifted: () => [...states().entries()].filter(([, state]) => state.state === 'drifted').map(([id]) => id),
    };
  }

  /** The tracker's side: replace a folder's states (undefined forgets the folder). */
  publish(folder: vscode.Uri, states: ReadonlyMap<string, FlagAnchorState> | undefined): void {
    const key = folder.toString();
    const previous = this.byFolder.get(key);
    if (states === undefined) this.byFolder.delete(key);
    else this.byFolder.set(key, states);
    if (!sameStates(previous, states)) this.changes.fire();
  }

  dispose(): void {
    this.byFolder.clear();
    this.changes.dispose();
  }
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
