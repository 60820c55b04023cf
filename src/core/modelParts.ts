// What a model keeps beside what it shows, so the next build from mostly the same files can start from it
// (modelUpdate.ts): each item's cross-check answers, the items naming each feature, and where items rank.
import { allItemProblems, type ItemProblems } from './checks/itemProblems';
import type { FileParse, LoadedItem } from './load';
import type { AlignmentModel } from './modelTypes';
import { compareProblems, type Problem } from './problems';
import type { Kind } from './schemas';

export interface ModelParts {
  /**
   * Every id is written once and every file has fewer than RANK_SPAN items: each item's place in the model is
   * its rank, and a build may start from this one.
   */
  readonly ranked: boolean;
  /** Ids written in documents not kept as items (an unknown kind). */
  readonly unkeptIds: ReadonlySet<string>;
  /** The items that name each feature id (`feature`, `features`), in the model's order, each once. */
  readonly namingMembers: ReadonlyMap<string, readonly LoadedItem[]>;
  readonly references: ItemProblems;
  readonly anchors: ItemProblems;
  /** Patterns matching no file of `globListing`; none when the build had no listing. */
  readonly globs: ItemProblems;
  readonly globListing: readonly string[] | undefined;
  readonly cycles: readonly Problem[];
  readonly gates: ItemProblems;
}

const parts = new WeakMap<AlignmentModel, ModelParts>();

export function partsOf(model: AlignmentModel): ModelParts | undefined {
  return parts.get(model);
}

export function keepParts(model: AlignmentModel, kept: ModelParts): AlignmentModel {
  parts.set(model, kept);
  return model;
}

/** Items per file a rank leaves room for: 2^21 (a 1 MiB file holds far fewer), times 2^32 files, fits a double exactly. */
export const RANK_SPAN = 2 ** 21;

/** An item's place among all items: by its file's place, then by its place in the file. */
export function rankOf(fileIndex: number, itemIndex: number): number {
  return fileIndex * RANK_SPAN + itemIndex;
}

export function fitsRanks(files: readonly FileParse[]): boolean {
  return files.length < 2 ** 32 && files.every((file) => file.items.length < RANK_SPAN);
}

/** The features an item names itself (`feature` or `features`). */
export function featureIdsOf(entry: LoadedItem): readonly string[] {
  const item = entry.item as { feature?: string; features?: string[] };
  if (entry.kind === 'feature') return [];
  if (item.feature) return [item.feature];
  return item.features ?? [];
}

/** For each feature id, the items of `entries` (in their order) that name it, each once. */
export function namingMembersOf(entries: Iterable<LoadedItem>): Map<string, LoadedItem[]> {
  const members = new Map<string, LoadedItem[]>();
  for (const entry of entries) {
    for (const featureId of featureIdsOf(entry)) {
      const list = members.get(featureId);
      if (!list) members.set(featureId, [entry]);
      else if (list[list.length - 1] !== entry) list.push(entry);
    }
  }
  return members;
}

/**
 * A feature's group: the items naming it, then the requests its `direction.for` names that are not among
 * them. Undefined when empty.
 */
export function groupOf(featureId: string, naming: readonly LoadedItem[] | undefined, byId: ReadonlyMap<string, LoadedItem>): readonly LoadedItem[] | undefined {
  const feature = byId.get(featureId);
  const wanted = feature?.kind === 'feature' ? (feature as LoadedItem<'feature'>).item.direction?.for ?? [] : [];
  if (wanted.length === 0) return naming && naming.length > 0 ? naming : undefined;
  const group = [...(naming ?? [])];
  for (const target of wanted) {
    const request = byId.get(target);
    if (request?.kind === 'request' && !group.includes(request)) group.push(request);
  }
  return group.length > 0 ? group : undefined;
}

/** Each feature id's group (see groupOf): for every feature id items name, and every feature naming requests. */
export function groupsOf(namingMembers: ReadonlyMap<string, readonly LoadedItem[]>, byId: ReadonlyMap<string, LoadedItem>, features: readonly LoadedItem<'feature'>[]): Map<string, readonly LoadedItem[]> {
  const groups = new Map<string, readonly LoadedItem[]>();
  for (const [featureId, naming] of namingMembers) {
    const group = groupOf(featureId, naming, byId);
    if (group) groups.set(featureId, group);
  }
  for (const feature of features) {
    if (namingMembers.has(feature.id)) continue;
    const group = groupOf(feature.id, undefined, byId);
    if (group) groups.set(feature.id, group);
  }
  return groups;
}

export function customersOf(requests: readonly LoadedItem<'request'>[]): Set<string> {
  const customers = new Set<string>();
  for (const request of requests) if (request.item.customer !== undefined) customers.add(request.item.customer.toLowerCase());
  return customers;
}

/** `first` (the files' own problems, the duplicates) with every cross-check's after it, sorted by file and position. */
export function withCheckProblems(first: Problem[], checks: Pick<ModelParts, 'references' | 'cycles' | 'gates' | 'anchors' | 'globs'>): Problem[] {
  first.push(...allItemProblems(checks.references), ...checks.cycles, ...allItemProblems(checks.gates), ...allItemProblems(checks.anchors), ...allItemProblems(checks.globs));
  return first.sort(compareProblems);
}

export function emptyByKind(): { [K in Kind]: LoadedItem<K>[] } {
  return { feature: [], request: [], assumption: [], risk: [], milestone: [], decision: [], flag: [] };
}
