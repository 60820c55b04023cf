// What the flag commands accept as their first argument, from wherever they are run: nothing (palette),
// a Uri (editor context menu), a tree row (its `entry` is the item, `snapshot` its folder), an id, or an
// argument object from a keybinding, a task, another extension or a test.
import * as vscode from 'vscode';
import type { Kind, LoadedItem } from '../../../core';
import type { AlignmentStore, FolderSnapshot } from '../alignmentStore';

export interface FoundItem<K extends Kind = Kind> {
  readonly snapshot: FolderSnapshot;
  readonly entry: LoadedItem<K>;
}

/** The item an argument names, looked up in the store (a tree row's own folder first). */
export function itemOfArgument(store: AlignmentStore, argument: unknown): FoundItem | undefined {
  if (typeof argument === 'string') return store.findItem(argument);
  if (!isObject(argument)) return undefined;
  const row = argument as { entry?: unknown; snapshot?: unknown };
  if (isObject(row.entry) && typeof (row.entry as { id?: unknown }).id === 'string') {
    const id = (row.entry as { id: string }).id;
    const snapshot = row.snapshot as FolderSnapshot | undefined;
    // The row may be older than the store: take the item as it is now, in the row's folder.
    const current = snapshot ? store.snapshots().find((candidate) => candidate.folder.uri.toString() === snapshot.folder.uri.toString()) : undefined;
    const entry = current?.model.byId.get(id);
    return current && entry ? { snapshot: current, entry } : store.findItem(id);
  }
  const id = (argument as { id?: unknown }).id;
  return typeof id === 'string' ? store.findItem(id) : undefined;
}

/** The id an argument names, found or not (to say "no such item"). */
export function idOfArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (!isObject(argument)) return undefined;
  const entry = (argument as { entry?: { id?: unknown } }).entry;
  if (isObject(entry) && typeof entry.id === 'string') return entry.id;
  const id = (argument as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** A gate row's place in its milestone's `gates`. */
export function gateIndexOfArgument(argument: unknown): number | undefined {
  const index = isObject(argument) ? (argument as { gateIndex?: unknown }).gateIndex : undefined;
  return typeof index === 'number' ? index : undefined;
}

/** A Uri, or a string holding one (from JSON: keybindings, tasks). */
export function uriOfValue(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.length > 0) return /^[a-z][a-z0-9+.-]*:/i.test(value) ? vscode.Uri.parse(value) : undefined;
  if (isObject(value) && typeof (value as { scheme?: unknown }).scheme === 'string' && typeof (value as { path?: unknown }).path === 'string') {
    return vscode.Uri.from(value as { scheme: string; path: string });
  }
  return undefined;
}

/**
 * A range: a vscode.Range or Selection, its JSON shape ({ start: { line, character }, end }, 0-based), or
 * { startLine, endLine } (1-based, as anchors are written).
 */
export function rangeOfValue(value: unknown): vscode.Range | undefined {
  if (value instanceof vscode.Range) return value;
  if (!isObject(value)) return undefined;
  const { start, end, startLine, endLine } = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown }; startLine?: unknown; endLine?: unknown };
  if (typeof startLine === 'number') {
    const last = typeof endLine === 'number' ? endLine : startLine;
    // To the end of the last line, so that line counts as selected.
    return new vscode.Range(Math.max(0, startLine - 1), 0, Math.max(0, last - 1), Number.MAX_SAFE_INTEGER);
  }
  if (isObject(start) && typeof start.line === 'number') {
    const to = isObject(end) && typeof end.line === 'number' ? end : start;
    return new vscode.Range(start.line, numberOr(start.character, 0), to.line as number, numberOr(to.character, 0));
  }
  return undefined;
}

/** 1-based first and last line of a selection; a selection ending at the start of a line leaves that line out. */
export function linesOf(range: vscode.Range): { startLine: number; endLine: number } {
  let last = range.end.line;
  if (last > range.start.line && range.end.character === 0) last--;
  return { startLine: range.start.line + 1, endLine: last + 1 };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
