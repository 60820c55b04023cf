// Choosing the item a lifecycle command acts on when it is run from the palette: the items of the file in
// the active editor come first, then the rest, the most severe first.
import * as vscode from 'vscode';
import type { Flag, Kind, LoadedItem } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import type { FoundItem } from '../workspace/edits/commandArgs';
import { itemLabel, KIND_ICONS } from '../workspace/kinds/itemLabels';
import { pick, separator, type PickItem } from '../workspace/prompts';
import { plainText } from '../util/plainText';

const SEVERITY_ORDER: Record<Flag['severity'], number> = { critical: 0, high: 1, medium: 2, low: 3 };

export interface ItemPickOptions<K extends Kind> {
  readonly kind: K;
  readonly title: string;
  readonly placeholder: string;
  /** Which items can be picked. */
  readonly accepts: (entry: LoadedItem<K>, found: FoundItem<K>) => boolean;
  /** What the item's row says besides its text. */
  readonly describe: (entry: LoadedItem<K>, found: FoundItem<K>) => string;
  /** Items that sort first (drifted flags, for re-anchoring). */
  readonly first?: (entry: LoadedItem<K>, found: FoundItem<K>) => boolean;
}

export async function pickItem<K extends Kind>(store: AlignmentStore, options: ItemPickOptions<K>): Promise<FoundItem<K> | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const here = active ? store.itemsFor(active.uri, active) : undefined;
  const hereIds = new Set(here ? [...here.ties.keys()] : []);
  const all: FoundItem<K>[] = [];
  const multiRoot = store.snapshots().filter((snapshot) => snapshot.exists).length > 1;
  for (const snapshot of store.snapshots()) {
    for (const entry of snapshot.model.byKind[options.kind] as readonly LoadedItem<K>[]) {
      const found: FoundItem<K> = { snapshot, entry };
      if (options.accepts(entry, found)) all.push(found);
    }
  }
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is nothing to pick: {0}', options.placeholder));
    return undefined;
  }
  const rank = (found: FoundItem<K>): number => (options.first?.(found.entry, found) ? 0 : 2) + (hereIds.has(found.entry.id) && found.snapshot === here?.snapshot ? 0 : 1);
  all.sort((a, b) => rank(a) - rank(b) || severityRank(a.entry) - severityRank(b.entry) || a.entry.id.localeCompare(b.entry.id));
  const items: PickItem<FoundItem<K>>[] = [];
  let group = -1;
  for (const found of all) {
    const isHere = hereIds.has(found.entry.id) && found.snapshot === here?.snapshot;
    const thisGroup = isHere ? 0 : 1;
    if (thisGroup !== group && hereIds.size > 0) items.push(separator(isHere ? vscode.l10n.t('Tied to {0}', plainText(vscode.workspace.asRelativePath(active?.uri ?? '', false))) : vscode.l10n.t('Elsewhere')));
    group = thisGroup;
    const folder = multiRoot ? ` · ${found.snapshot.folder.name}` : '';
    items.push({ label: `$(${KIND_ICONS[options.kind]}) ${itemLabel(found.entry)}`, description: plainText(`${options.describe(found.entry, found)}${folder}`), value: found });
  }
  return pick({ title: options.title, placeholder: options.placeholder, items });
}

/** Flags in the given states, open ones described by severity, state and feature. */
export function pickFlag(store: AlignmentStore, title: string, placeholder: string, statuses: readonly Flag['status'][], driftedFirst = false): Promise<FoundItem<'flag'> | undefined> {
  return pickItem(store, {
    kind: 'flag',
    title,
    placeholder,
    accepts: (entry) => statuses.includes(entry.item.status),
    describe: (entry, found) => [
      entry.item.severity,
      entry.item.status,
      entry.item.feature,
      found.snapshot.anchors.isDrifted(entry.id) ? vscode.l10n.t('drifted') : undefined,
    ].filter(Boolean).join(' · '),
    ...(driftedFirst ? { first: (entry: LoadedItem<'flag'>, found: FoundItem<'flag'>) => found.snapshot.anchors.isDrifted(entry.id) } : {}),
  });
}

function severityRank(entry: LoadedItem): number {
  return entry.kind === 'flag' ? SEVERITY_ORDER[(entry as LoadedItem<'flag'>).item.severity] : 0;
}
