// What a new flag is about, inferred from where it is raised: the source file and lines (the anchor), the
// features covering the file, and the items tied to this code, the ones tagged on the selected lines first.
import * as vscode from 'vscode';
import {
  anchorOf,
  featureIdsOf,
  isAlignmentFile,
  scanTags,
  TAG_KINDS,
  type Anchor,
  type LoadedItem,
  type TieReason,
} from '../../core';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';
import { decodeText } from '../util/uris';
import { log } from '../util/log';
import { linesOf } from '../workspace/edits/commandArgs';

/** Where a flag is raised from. */
export interface RaiseSource {
  readonly snapshot: FolderSnapshot;
  readonly uri?: vscode.Uri;
  /** Repository-relative path of the source file. */
  readonly path?: string;
  /** The anchor of the selected lines (none for a YAML file of .alignment/ or without a file). */
  readonly anchor?: Anchor;
  /** The item whose YAML holds the cursor, when raised from a file of .alignment/. */
  readonly itemAtCursor?: LoadedItem;
  readonly text?: string;
}

export type TieToCode = TieReason | 'selection';

export interface CandidateItem {
  readonly entry: LoadedItem;
  /** The feature the flag goes under when it is about this item. */
  readonly feature: LoadedItem<'feature'> | undefined;
  readonly tie: TieToCode;
}

export interface RaiseCandidates {
  /** The features covering the file (tied to it), else every feature of the folder. */
  readonly features: readonly LoadedItem<'feature'>[];
  readonly coveringFile: boolean;
  /** Raised from a YAML file of .alignment/: the "selection" is the item under the cursor. */
  readonly atCursor: boolean;
  readonly items: readonly CandidateItem[];
}

/** Kinds a flag can be about, in the order they are offered. */
const ABOUT_KINDS = ['milestone', 'assumption', 'risk', 'request', 'decision'] as const;
const TIE_ORDER: Record<TieToCode, number> = { selection: 0, tag: 1, anchor: 2, paths: 3, feature: 4 };

/** The source of a raise: `uri` and `range` when given, else the active editor and its selection. */
export async function raiseSource(store: AlignmentStore, uri: vscode.Uri | undefined, range: vscode.Range | undefined): Promise<RaiseSource | undefined> {
  const editor = vscode.window.activeTextEditor;
  const target = uri ?? (editor && store.fileContext(editor.document.uri) ? editor.document.uri : undefined);
  if (!target) return undefined;
  const context = store.fileContext(target);
  if (!context) return undefined;
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === target.toString());
  const selection = range ?? (editor && editor.document.uri.toString() === target.toString() ? editor.selection : undefined);
  const text = document?.getText() ?? (await readText(target));
  const { path, snapshot } = context;
  if (isAlignmentFile(path)) {
    const line = selection ? selection.start.line + 1 : undefined;
    const itemAtCursor = line === undefined ? undefined : snapshot.model.items.find((entry) => entry.file === path && entry.range.line <= line && line <= entry.range.endLine);
    return { snapshot, uri: target, path, ...(itemAtCursor ? { itemAtCursor } : {}), ...(text !== undefined ? { text } : {}) };
  }
  if (text === undefined || !selection) return { snapshot, uri: target, path, ...(text !== undefined ? { text } : {}) };
  const { startLine, endLine } = linesOf(selection);
  return { snapshot, uri: target, path, text, anchor: anchorOf(path, text, startLine, endLine) };
}

/** The features and items a flag raised from `source` may be about, the likeliest first. */
export function raiseCandidates(store: AlignmentStore, source: RaiseSource): RaiseCandidates {
  const { model } = source.snapshot;
  const applies = source.uri && !source.itemAtCursor ? store.itemsFor(source.uri, source.text) : undefined;
  // In a feature's own YAML, that feature is the one the flag is about.
  const atCursor = source.itemAtCursor?.kind === 'feature' ? [source.itemAtCursor as LoadedItem<'feature'>] : [];
  const covering = applies?.features ?? atCursor;
  const features = covering.length > 0 ? covering : [...model.byKind.feature].sort((a, b) => (a.item.title ?? a.id).localeCompare(b.item.title ?? b.id));
  const onSelection = new Set<string>();
  if (source.anchor && source.text !== undefined) {
    for (const tag of scanTags(source.text)) {
      if (tag.line >= source.anchor.startLine && tag.line <= source.anchor.endLine && model.byId.get(tag.id)?.kind === TAG_KINDS[tag.keyword]) onSelection.add(tag.id);
    }
  }
  const items: CandidateItem[] = [];
  const add = (entry: LoadedItem, tie: TieToCode): void => {
    if (!(ABOUT_KINDS as readonly string[]).includes(entry.kind) || items.some((item) => item.entry.id === entry.id)) return;
    items.push({ entry, feature: featureFor(entry, features, model.byId), tie: onSelection.has(entry.id) ? 'selection' : tie });
  };
  if (source.itemAtCursor) add(source.itemAtCursor, 'selection');
  for (const id of onSelection) add(model.byId.get(id) as LoadedItem, 'selection');
  if (applies) {
    for (const entry of [...applies.milestones, ...applies.assumptions, ...applies.risks, ...applies.requests, ...applies.decisions]) {
      add(entry, applies.ties.get(entry.id) ?? 'feature');
    }
  } else {
    for (const feature of features) for (const entry of model.itemsOfFeature.get(feature.id) ?? []) add(entry, 'feature');
  }
  items.sort((a, b) => TIE_ORDER[a.tie] - TIE_ORDER[b.tie] || ABOUT_KINDS.indexOf(a.entry.kind as never) - ABOUT_KINDS.indexOf(b.entry.kind as never));
  return { features, coveringFile: covering.length > 0, items, atCursor: source.itemAtCursor !== undefined };
}

/** The feature an item belongs to, preferring one of `features` (a request may serve several). */
export function featureFor(entry: LoadedItem, features: readonly LoadedItem<'feature'>[], byId: ReadonlyMap<string, LoadedItem>): LoadedItem<'feature'> | undefined {
  if (entry.kind === 'feature') return entry as LoadedItem<'feature'>;
  const ids = featureIdsOf(entry);
  const preferred = features.find((feature) => ids.includes(feature.id));
  if (preferred) return preferred;
  const own = ids.map((id) => byId.get(id)).find((candidate) => candidate?.kind === 'feature');
  return own as LoadedItem<'feature'> | undefined;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decodeText(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    // An unsaved new file, or one just deleted: the flag is raised without an anchor.
    log(`could not read ${uri.toString()} for an anchor: ${String(error)}`);
    return undefined;
  }
}
