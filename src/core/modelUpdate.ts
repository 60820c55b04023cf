// A model built from the one before when few files changed (the editor rebuilds on every edit): the items of
// unchanged files keep their cross-check answers, their place in the path index and in their features'
// groups; only the changed files' items, and the items whose answers read them, are checked and filed again.
// The result equals a full build's (the unit tests and the fuzzer compare the two); where that would take
// more than the changed files' work (an id written twice, files added or removed, many files changed), there
// is no update and buildModel builds anew.
import { checkAnchorPaths } from './checks/anchorPaths';
import { checkDependencyCycles } from './checks/cycles';
import { checkGlobs } from './checks/globs';
import { NO_ITEM_PROBLEMS, replaceItemProblems, type ItemProblems } from './checks/itemProblems';
import { checkReferences, referencesOf } from './checks/references';
import { checkNoGoButOnTrack } from './checks/thermocline';
import type { FileParse, LoadedItem } from './load';
import type { ModelOptions } from './model';
import { customersOf, emptyByKind, featureIdsOf, fitsRanks, groupOf, keepParts, partsOf, RANK_SPAN, rankOf, withCheckProblems, type ModelParts } from './modelParts';
import type { AlignmentModel, ItemsByKind } from './modelTypes';
import { ownPaths } from './ownPaths';
import type { PathOwner } from './pathIndex';
import type { Problem } from './problems';
import type { Kind } from './schemas';

/** Past this share of the files changed, a full build is about as quick. */
const MOST_CHANGED = 1 / 8;

interface Change {
  /** Places in `files` of the changed files. */
  readonly at: readonly number[];
  /** The changed files' items before and now. */
  readonly removed: readonly LoadedItem[];
  readonly added: readonly LoadedItem[];
  /** The same ids of the same kinds in the same order: every other item keeps its place and its answers. */
  readonly sameIds: boolean;
}

/**
 * The model of `files` built from `previous`, or undefined when a full build is needed; in one step, or two
 * when a new repository listing makes every pattern's warning be worked out again.
 */
export function* updateModel(previous: AlignmentModel, files: readonly FileParse[], options: ModelOptions): Generator<void, AlignmentModel | undefined, void> {
  const parts = partsOf(previous);
  if (!parts?.ranked || !fitsRanks(files)) return undefined;
  const change = changeFrom(previous.files, files);
  if (!change || !idsStayUnique(previous, files, parts, change)) return undefined;
  const touches = (...kinds: Kind[]): boolean => change.removed.some((entry) => kinds.includes(entry.kind)) || change.added.some((entry) => kinds.includes(entry.kind));
  const items = change.sameIds ? withItemsReplaced(previous, files, change) : files.flatMap((file) => file.items);
  const byId = change.sameIds ? withIdsReplaced(previous.byId, change.added) : byIdOf(items);
  const byKind = change.sameIds ? withKindsReplaced(previous.byKind, change) : byKindOf(items);
  const customers = touches('request') ? customersOf(byKind.request) : previous.customers;
  const namingMembers = updateNaming(parts.namingMembers, change, files);
  const model: AlignmentModel = {
    files,
    items,
    byId,
    byKind,
    problems: [],
    pathIndex: previous.pathIndex.replacing(ownersOf(change.removed), rankedOwners(change, files)),
    itemsOfFeature: updateGroups(previous.itemsOfFeature, namingMembers, byId, byKind, change),
    customers,
  };
  const references = updateReferences(model, parts.references, change, !sameSet(customers, previous.customers));
  const anchors = replaceItemProblems(parts.anchors, change.removed, checkAnchorPaths(change.added));
  const cycles = sameFeatureGraph(change, parts.cycles) ? parts.cycles : checkDependencyCycles(model);
  const gates = updateGates(model, parts.gates, change);
  if (options.repoFiles && parts.globListing !== options.repoFiles) yield;
  const globs = updateGlobs(model, parts, change, options);
  const unkeptIds = files.some((file) => (file.unkeptIds?.length ?? 0) > 0) || parts.unkeptIds.size > 0
    ? new Set(files.flatMap((file) => file.unkeptIds ?? []).map((unkept) => unkept.id))
    : parts.unkeptIds;
  const problems = withCheckProblems(files.flatMap((file) => file.problems), { references, cycles, gates, anchors, globs });
  return keepParts({ ...model, problems }, { ranked: true, unkeptIds, namingMembers, references, anchors, globs, globListing: options.repoFiles, cycles, gates });
}

/** Which files changed: the same paths in the same places, some parsed again. Undefined past MOST_CHANGED. */
function changeFrom(before: readonly FileParse[], now: readonly FileParse[]): Change | undefined {
  if (before.length !== now.length) return undefined;
  const at: number[] = [];
  for (let index = 0; index < now.length; index++) {
    const was = before[index] as FileParse;
    const is = now[index] as FileParse;
    if (was === is) continue;
    if (was.file !== is.file) return undefined;
    at.push(index);
  }
  if (at.length > Math.max(4, now.length * MOST_CHANGED)) return undefined;
  const removed = at.flatMap((index) => before[index]?.items ?? []);
  const added = at.flatMap((index) => now[index]?.items ?? []);
  const sameIds = removed.length === added.length && removed.every((entry, index) => entry.id === added[index]?.id && entry.kind === added[index]?.kind);
  return { at, removed, added, sameIds };
}

/** No id written twice after the change either (a duplicate is reported at both places: a full build). */
function idsStayUnique(previous: AlignmentModel, now: readonly FileParse[], parts: ModelParts, change: Change): boolean {
  const leaving = new Set(change.removed.map((entry) => entry.id));
  for (const index of change.at) for (const unkept of previous.files[index]?.unkeptIds ?? []) leaving.add(unkept.id);
  const coming = new Set<string>();
  const comingIds = [...change.added.map((entry) => entry.id), ...change.at.flatMap((index) => (now[index]?.unkeptIds ?? []).map((unkept) => unkept.id))];
  return comingIds.every((id) => {
    if (coming.has(id)) return false;
    coming.add(id);
    return leaving.has(id) || (!previous.byId.has(id) && !parts.unkeptIds.has(id));
  });
}

/** The items before with the changed files' items in their places (the same number in each file). */
function withItemsReplaced(previous: AlignmentModel, files: readonly FileParse[], change: Change): LoadedItem[] {
  const items = previous.items.slice();
  let start = 0;
  let next = 0;
  files.forEach((file, index) => {
    if (index === change.at[next]) {
      next++;
      file.items.forEach((entry, at) => (items[start + at] = entry));
    }
    start += file.items.length;
  });
  return items;
}

function byIdOf(items: readonly LoadedItem[]): Map<string, LoadedItem> {
  const byId = new Map<string, LoadedItem>();
  for (const entry of items) byId.set(entry.id, entry);
  return byId;
}

function withIdsReplaced(byId: ReadonlyMap<string, LoadedItem>, added: readonly LoadedItem[]): Map<string, LoadedItem> {
  const next = new Map(byId);
  for (const entry of added) next.set(entry.id, entry); // an existing key keeps its place
  return next;
}

/** The lists of the changed kinds copied, each changed item in its place. */
function withKindsReplaced(byKind: ItemsByKind, change: Change): ItemsByKind {
  const next = { ...byKind } as { [K in Kind]: LoadedItem<K>[] };
  const copied = new Set<Kind>();
  change.removed.forEach((entry, index) => {
    const list = copied.has(entry.kind) ? next[entry.kind] as LoadedItem[] : [...byKind[entry.kind]] as LoadedItem[];
    copied.add(entry.kind);
    (next[entry.kind] as LoadedItem[]) = list;
    list[list.indexOf(entry)] = change.added[index] as LoadedItem;
  });
  return next;
}

function byKindOf(items: readonly LoadedItem[]): { [K in Kind]: LoadedItem<K>[] } {
  const byKind = emptyByKind();
  for (const entry of items) (byKind[entry.kind] as LoadedItem[]).push(entry);
  return byKind;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

function ownersOf(entries: readonly LoadedItem[]): PathOwner<LoadedItem>[] {
  return entries.flatMap((entry) => {
    const paths = ownPaths(entry);
    return paths.length > 0 ? [{ owner: entry, paths }] : [];
  });
}

function rankedOwners(change: Change, files: readonly FileParse[]): PathOwner<LoadedItem>[] {
  return change.at.flatMap((fileIndex) => (files[fileIndex]?.items ?? []).flatMap((entry, itemIndex) => {
    const paths = ownPaths(entry);
    return paths.length > 0 ? [{ owner: entry, paths, rank: rankOf(fileIndex, itemIndex) }] : [];
  }));
}

/**
 * The naming members with the changed files' old items taken out and their new ones put in at their rank.
 * Members of one unchanged file keep their order; a changed file's new items come after every member of an
 * earlier file and before every member of a later one.
 */
function updateNaming(previous: ReadonlyMap<string, readonly LoadedItem[]>, change: Change, files: readonly FileParse[]): ReadonlyMap<string, readonly LoadedItem[]> {
  const removed = new Set(change.removed);
  const incoming = new Map<string, { entry: LoadedItem; rank: number }[]>();
  for (const fileIndex of change.at) {
    (files[fileIndex]?.items ?? []).forEach((entry, itemIndex) => {
      for (const featureId of new Set(featureIdsOf(entry))) {
        const list = incoming.get(featureId) ?? [];
        list.push({ entry, rank: rankOf(fileIndex, itemIndex) });
        incoming.set(featureId, list);
      }
    });
  }
  const touched = new Set([...change.removed.flatMap(featureIdsOf), ...incoming.keys()]);
  if (touched.size === 0) return previous;
  const filePlace = new Map(files.map((file, index) => [file.file, index]));
  const next = new Map(previous);
  for (const featureId of touched) {
    const kept = (previous.get(featureId) ?? []).filter((entry) => !removed.has(entry));
    const coming = incoming.get(featureId) ?? [];
    const merged: LoadedItem[] = [];
    let at = 0;
    for (const entry of kept) {
      const rank = (filePlace.get(entry.file) ?? 0) * RANK_SPAN;
      while (at < coming.length && (coming[at]?.rank ?? 0) < rank) merged.push((coming[at++] as { entry: LoadedItem }).entry);
      merged.push(entry);
    }
    while (at < coming.length) merged.push((coming[at++] as { entry: LoadedItem }).entry);
    if (merged.length > 0) next.set(featureId, merged);
    else next.delete(featureId);
  }
  return next;
}

/**
 * The groups of the features the change touches built again: those the changed items name or named, the
 * changed features, and the features whose `direction.for` names a changed request.
 */
function updateGroups(previous: ReadonlyMap<string, readonly LoadedItem[]>, namingMembers: ReadonlyMap<string, readonly LoadedItem[]>, byId: ReadonlyMap<string, LoadedItem>, byKind: ItemsByKind, change: Change): ReadonlyMap<string, readonly LoadedItem[]> {
  const changed = [...change.removed, ...change.added];
  const touched = new Set(changed.flatMap(featureIdsOf));
  for (const entry of changed) if (entry.kind === 'feature') touched.add(entry.id);
  const requests = new Set(changed.filter((entry) => entry.kind === 'request').map((entry) => entry.id));
  if (requests.size > 0) {
    for (const feature of byKind.feature) if (feature.item.direction?.for?.some((target) => requests.has(target))) touched.add(feature.id);
  }
  if (touched.size === 0) return previous;
  const next = new Map(previous);
  for (const featureId of touched) {
    const group = groupOf(featureId, namingMembers.get(featureId), byId);
    if (group) next.set(featureId, group);
    else next.delete(featureId);
  }
  return next;
}

/**
 * An item's reference answers read the kinds of the ids it names, the list of ids (to suggest one for an
 * unknown id) and, for a feature's `direction.for`, the customers. Checked again: the changed files' items,
 * every item with a problem before (its suggestion may change), the items naming an id that came, went or
 * changed kind, and the features when the customers changed.
 */
function updateReferences(model: AlignmentModel, previous: ItemProblems, change: Change, customersChanged: boolean): ItemProblems {
  const again = new Set<LoadedItem>(change.added);
  const removed = new Set(change.removed);
  if (!change.sameIds) {
    for (const entry of previous.keys()) if (!removed.has(entry)) again.add(entry);
    // An item naming an id that came had a problem (no such id), and is checked again above, unless the id
    // is also a customer's name a `direction.for` named. One naming an id that went, or now names another
    // kind, may have had none: those are looked for.
    const now = new Map(change.added.map((entry) => [entry.id, entry.kind]));
    const moved = new Set(change.removed.filter((entry) => now.get(entry.id) !== entry.kind).map((entry) => entry.id));
    for (const id of now.keys()) if (model.customers.has(id.toLowerCase())) moved.add(id);
    if (moved.size > 0) {
      for (const entry of model.byId.values()) {
        if (!again.has(entry) && referencesOf(entry).some((reference) => moved.has(reference.id))) again.add(entry);
      }
    }
  }
  if (customersChanged) for (const feature of model.byKind.feature) again.add(feature);
  return replaceItemProblems(previous, [...change.removed, ...again], checkReferences(model, again));
}

/** A feature's no-go check reads its milestones and the feature's status: the milestones of changed features and the changed milestones. */
function updateGates(model: AlignmentModel, previous: ItemProblems, change: Change): ItemProblems {
  const features = new Set([...change.removed, ...change.added].filter((entry) => entry.kind === 'feature').map((entry) => entry.id));
  const again = new Set(change.added.filter((entry): entry is LoadedItem<'milestone'> => entry.kind === 'milestone'));
  if (features.size > 0) {
    for (const milestone of model.byKind.milestone) if (milestone.item.feature !== undefined && features.has(milestone.item.feature)) again.add(milestone);
  }
  if (again.size === 0 && !change.removed.some((entry) => entry.kind === 'milestone')) return previous;
  return replaceItemProblems(previous, [...change.removed, ...again], checkNoGoButOnTrack(model, again));
}

/**
 * The dependency cycles stay when the changed files' features are the same ids with the same `dependsOn`,
 * and no cycle was reported in a changed file (its position there may have moved).
 */
function sameFeatureGraph(change: Change, cycles: readonly Problem[]): boolean {
  const features = (entries: readonly LoadedItem[]): LoadedItem<'feature'>[] => entries.filter((entry): entry is LoadedItem<'feature'> => entry.kind === 'feature');
  const before = features(change.removed);
  const now = features(change.added);
  if (before.length === 0 && now.length === 0) return true;
  const changedFiles = new Set(change.removed.map((entry) => entry.file));
  if (cycles.some((found) => changedFiles.has(found.file))) return false;
  const dependsOn = (feature: LoadedItem<'feature'> | undefined): string => JSON.stringify(feature?.item.dependsOn ?? []);
  return before.length === now.length && before.every((feature, index) => feature.id === now[index]?.id && dependsOn(feature) === dependsOn(now[index]));
}

/** Each item's answers stay for the same listing; a new listing (or none before) checks every item. */
function updateGlobs(model: AlignmentModel, parts: ModelParts, change: Change, options: ModelOptions): ItemProblems {
  if (!options.repoFiles) return NO_ITEM_PROBLEMS;
  if (parts.globListing !== options.repoFiles) return checkGlobs(model.byId.values(), options.repoFiles, options.globMemo);
  return replaceItemProblems(parts.globs, change.removed, checkGlobs(change.added, options.repoFiles, options.globMemo));
}
