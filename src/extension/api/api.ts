// What activate() returns: other extensions and scripts can ask what applies to a file, as plain data.
import * as vscode from 'vscode';
import type { LoadedItem } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import type { ChangeWatch, FolderImpact } from '../workspace/git/changeWatch';
import { completeCodePlaces, placeUri } from '../workspace/workspaceTags';

/** An item as plain data: its fields, plus where it is written. */
export type ItemData = Record<string, unknown> & { id: string; kind: string; file: string; line: number; column: number; uri: string };

export interface ItemsForApi {
  features: ItemData[];
  requests: ItemData[];
  assumptions: ItemData[];
  risks: ItemData[];
  milestones: ItemData[];
  decisions: ItemData[];
  flags: ItemData[];
  upstream: ItemData[];
}

/** A file where an item is in the code: the tags naming it (and a flag's anchor), and whether its `paths` cover the file. */
export interface CodePlaceData {
  /** Repository-relative path. */
  path: string;
  uri: string;
  /** 1-based lines and columns; keyword is the tag's (`serves`, `risk`, …) or `anchor`. */
  lines: { line: number; column: number; endColumn: number; keyword: string }[];
  byPaths: boolean;
}

export interface TruthlineApi {
  /** Items that apply to the file at `uri`, grouped by kind; undefined when its folder has no .alignment/. */
  itemsFor(uri: vscode.Uri): Promise<ItemsForApi | undefined>;
  /**
   * Where the item `id` is in the code (the files and tag lines that serve or tie to it), sorted by path,
   * once the workspace's tags are indexed; undefined for an id no folder has.
   */
  codeFor(id: string): Promise<CodePlaceData[] | undefined>;
  /**
   * What the working tree's change (against the merge-base with the upstream branch, else main or master)
   * touches in the workspace folder of `uri` (or the first with .alignment/): the same shape as
   * `truthline impact --format json`, with `base` and `baseFrom`. Undefined when git cannot say (no
   * repository, Restricted Mode, a virtual workspace) or no folder has .alignment/.
   */
  impact(uri?: vscode.Uri): Promise<FolderImpact | undefined>;
  /** Fired after every reload of any folder's .alignment/. */
  readonly onDidChange: vscode.Event<void>;
}

export function createApi(store: AlignmentStore, changes: ChangeWatch): TruthlineApi & vscode.Disposable {
  const emitter = new vscode.EventEmitter<void>();
  const subscription = store.onDidChange(() => emitter.fire());
  return {
    async itemsFor(uri) {
      await store.ready;
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      let text: vscode.TextDocument | string | undefined = open;
      if (text === undefined) {
        try {
          text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          text = undefined; // not readable (deleted, a folder): answer from paths alone
        }
      }
      const items = store.itemsFor(uri, text);
      if (!items) return undefined;
      const data = (entries: readonly LoadedItem[]): ItemData[] => entries.map((entry) => toData(entry, store.uriOf(items.snapshot, entry)));
      return {
        features: data(items.features),
        requests: data(items.requests),
        assumptions: data(items.assumptions),
        risks: data(items.risks),
        milestones: data(items.milestones),
        decisions: data(items.decisions),
        flags: data(items.flags),
        upstream: data(items.upstream),
      };
    },
    async codeFor(id) {
      await store.ready;
      const found = store.findItem(id);
      if (!found) return undefined;
      const places = (await completeCodePlaces(found.snapshot, id)) ?? [];
      return places.map((place) => ({
        path: place.path,
        uri: placeUri(found.snapshot, place).toString(),
        lines: place.lines.map((line) => ({ ...line })),
        byPaths: place.byPaths,
      }));
    },
    async impact(uri) {
      await store.ready;
      const snapshot = uri ? store.fileContext(uri)?.snapshot : store.snapshots().find((candidate) => candidate.exists);
      if (!snapshot?.exists) return undefined;
      // The watch reads in the background a second after a change: read now, so the answer is current.
      await changes.refresh();
      const answer = changes.answerOf(snapshot);
      return answer && 'value' in answer ? structuredClone(answer.value) : undefined;
    },
    onDidChange: emitter.event,
    dispose() {
      subscription.dispose();
      emitter.dispose();
    },
  };
}

function toData(entry: LoadedItem, uri: vscode.Uri): ItemData {
  return { ...structuredClone(entry.item), id: entry.id, kind: entry.kind, file: entry.file, line: entry.range.line, column: entry.range.column, uri: uri.toString() };
}
