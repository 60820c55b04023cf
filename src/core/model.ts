// The model: every parsed file put together into one immutable snapshot, cross-checked and indexed.
// Views read the snapshot; nothing keeps a copy of its own.
import type { FileParse, LoadedItem, UnkeptId } from './load';
import { ownPaths } from './ownPaths';
import { PathIndex } from './pathIndex';
import { problem, compareProblems, type Problem } from './problems';
import type { ItemOfKind, Kind } from './schemas';
import type { AlignmentModel, ItemsByKind } from './modelTypes';
import { checkReferences } from './checks/references';
import { checkAnchorPaths } from './checks/anchorPaths';
import { checkDependencyCycles } from './checks/cycles';
import { checkGlobs, type GlobMatchMemo } from './checks/globs';
import { checkNoGoButOnTrack } from './checks/thermocline';

export type { AlignmentModel, ItemsByKind } from './modelTypes';

export interface ModelOptions {
  /** Repository-relative paths of the repository's files; when given, globs matching none are reported. */
  repoFiles?: readonly string[];
  /** Kept by a caller that rebuilds often (the editor): only patterns not seen with this listing are tested. */
  globMemo?: GlobMatchMemo;
}

export function buildModel(files: readonly FileParse[], options: ModelOptions = {}): AlignmentModel {
  const problems: Problem[] = files.flatMap((file) => file.problems);
  const items = files.flatMap((file) => file.items);
  const byId = new Map<string, LoadedItem>();
  const byKind = { feature: [], request: [], assumption: [], risk: [], milestone: [], decision: [], flag: [] } as { [K in Kind]: LoadedItem<K>[] };
  // Every id that can be read counts, kept as an item or not (an unknown kind): a duplicate is reported
  // now, not once the other typo is fixed.
  // Where an id is written is looked up only for a duplicate: locating every id cost ~10% of a rebuild.
  const written = new Map<string, LoadedItem | WrittenId>();
  for (const entry of items) {
    const first = written.get(entry.id);
    if (first) {
      problems.push(duplicate(idOf(entry), idOf(first)), duplicate(idOf(first), idOf(entry)));
      continue;
    }
    written.set(entry.id, entry);
    byId.set(entry.id, entry);
    (byKind[entry.kind] as LoadedItem[]).push(entry);
  }
  for (const unkept of files.flatMap((file) => file.unkeptIds ?? [])) {
    const first = written.get(unkept.id);
    if (first) problems.push(duplicate(unkept, idOf(first)), duplicate(idOf(first), unkept));
    else written.set(unkept.id, unkept);
  }
  const customers = new Set(byKind.request.flatMap((request) => request.item.customer === undefined ? [] : [request.item.customer.toLowerCase()]));
  const model: AlignmentModel = {
    files,
    items,
    byId,
    byKind,
    problems,
    pathIndex: new PathIndex(pathOwners(byId)),
    itemsOfFeature: groupByFeature(byId, byKind),
    customers,
  };
  problems.push(...checkReferences(model), ...checkDependencyCycles(model), ...checkNoGoButOnTrack(model), ...checkAnchorPaths(model));
  if (options.repoFiles) problems.push(...checkGlobs(model, options.repoFiles, options.globMemo));
  problems.sort(compareProblems);
  return model;
}

/** Where an id is written. */
type WrittenId = UnkeptId;

function idOf(entry: LoadedItem | WrittenId): WrittenId {
  return 'locate' in entry ? { id: entry.id, file: entry.file, range: entry.locate(['id']) ?? entry.range } : entry;
}

function duplicate(entry: WrittenId, other: WrittenId): Problem {
  return problem(entry.file, entry.range, 'duplicate-id', `id "${entry.id}" is also used at ${other.file}:${other.range.line}; ids must be unique across .alignment/`);
}

function* pathOwners(byId: ReadonlyMap<string, LoadedItem>): Iterable<{ owner: LoadedItem; paths: readonly string[] }> {
  for (const entry of byId.values()) {
    const paths = ownPaths(entry);
    if (paths.length > 0) yield { owner: entry, paths };
  }
}

function groupByFeature(byId: ReadonlyMap<string, LoadedItem>, byKind: ItemsByKind): Map<string, LoadedItem[]> {
  const groups = new Map<string, LoadedItem[]>();
  const add = (featureId: string, entry: LoadedItem): void => {
    const group = groups.get(featureId);
    if (!group) groups.set(featureId, [entry]);
    else if (!group.includes(entry)) group.push(entry);
  };
  for (const entry of byId.values()) {
    for (const featureId of featureIdsOf(entry)) add(featureId, entry);
  }
  for (const feature of byKind.feature) {
    for (const target of feature.item.direction?.for ?? []) {
      const request = byId.get(target);
      if (request?.kind === 'request') add(feature.id, request);
    }
  }
  return groups;
}

/** The features an item names itself (`feature` or `features`). */
export function featureIdsOf(entry: LoadedItem): readonly string[] {
  const item = entry.item as { feature?: string; features?: string[] };
  if (entry.kind === 'feature') return [];
  if (item.feature) return [item.feature];
  return item.features ?? [];
}

export function itemsOf<K extends Kind>(entries: readonly LoadedItem[], kind: K): LoadedItem<K>[] {
  return entries.filter((entry): entry is LoadedItem<K> => entry.kind === kind);
}

export function getItem<K extends Kind>(model: AlignmentModel, id: string, kind: K): LoadedItem<K> | undefined {
  const entry = model.byId.get(id);
  return entry?.kind === kind ? (entry as LoadedItem<K>) : undefined;
}

export type { ItemOfKind };
