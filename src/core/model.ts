// The model: every parsed file put together into one immutable snapshot, cross-checked and indexed.
// Views read the snapshot; nothing keeps a copy of its own.
import type { FileParse, LoadedItem, UnkeptId } from './load';
import { ownPaths } from './ownPaths';
import { PathIndex, type PathOwner } from './pathIndex';
import { problem, type Problem } from './problems';
import type { ItemOfKind, Kind } from './schemas';
import type { AlignmentModel } from './modelTypes';
import { checkReferences } from './checks/references';
import { checkAnchorPaths } from './checks/anchorPaths';
import { checkDependencyCycles } from './checks/cycles';
import { checkGlobs, type GlobMatchMemo } from './checks/globs';
import { NO_ITEM_PROBLEMS } from './checks/itemProblems';
import { checkNoGoButOnTrack } from './checks/thermocline';
import { customersOf, emptyByKind, fitsRanks, groupsOf, keepParts, namingMembersOf, rankOf, withCheckProblems } from './modelParts';
import { updateModel } from './modelUpdate';
import { runSteps } from './steps';

export type { AlignmentModel, ItemsByKind } from './modelTypes';
export { featureIdsOf } from './modelParts';

export interface ModelOptions {
  /** Repository-relative paths of the repository's files; when given, globs matching none are reported. */
  repoFiles?: readonly string[];
  /** Kept by a caller that rebuilds often (the editor): only patterns not seen with this listing are tested. */
  globMemo?: GlobMatchMemo;
  /**
   * The model built last from mostly the same files (the editor, on every change): the files whose parses
   * are the same objects keep their items' cross-check answers, so a change to one file costs about that
   * file's work. The model is the same as one built without it.
   */
  previous?: AlignmentModel;
}

export function buildModel(files: readonly FileParse[], options: ModelOptions = {}): AlignmentModel {
  return runSteps(buildModelSteps(files, options));
}

/**
 * buildModel a phase at a time: between two steps an editor gives its host a turn (a full build of 10,000
 * items is ~40 ms of phases of a few ms each). A build from the model before is one step (two with a new
 * repository listing).
 */
export function* buildModelSteps(files: readonly FileParse[], options: ModelOptions = {}): Generator<void, AlignmentModel, void> {
  return (options.previous && (yield* updateModel(options.previous, files, options))) ?? (yield* fullModel(files, options));
}

function* fullModel(files: readonly FileParse[], options: ModelOptions): Generator<void, AlignmentModel, void> {
  const problems: Problem[] = files.flatMap((file) => file.problems);
  const items = files.flatMap((file) => file.items);
  const byId = new Map<string, LoadedItem>();
  const byKind = emptyByKind();
  // Every id that can be read counts, kept as an item or not (an unknown kind): a duplicate is reported
  // now, not once the other typo is fixed.
  // Where an id is written is looked up only for a duplicate: locating every id cost ~10% of a rebuild.
  const written = new Map<string, LoadedItem | WrittenId>();
  let duplicates = false;
  for (const entry of items) {
    const first = written.get(entry.id);
    if (first) {
      problems.push(duplicate(idOf(entry), idOf(first)), duplicate(idOf(first), idOf(entry)));
      duplicates = true;
      continue;
    }
    written.set(entry.id, entry);
    byId.set(entry.id, entry);
    (byKind[entry.kind] as LoadedItem[]).push(entry);
  }
  const unkeptIds = new Set<string>();
  for (const unkept of files.flatMap((file) => file.unkeptIds ?? [])) {
    unkeptIds.add(unkept.id);
    const first = written.get(unkept.id);
    if (first) {
      problems.push(duplicate(unkept, idOf(first)), duplicate(idOf(first), unkept));
      duplicates = true;
    } else {
      written.set(unkept.id, unkept);
    }
  }
  const ranked = !duplicates && fitsRanks(files);
  yield;
  const namingMembers = namingMembersOf(byId.values());
  const itemsOfFeature = groupsOf(namingMembers, byId, byKind.feature);
  yield;
  const pathIndex = new PathIndex(pathOwners(files, byId, ranked));
  yield;
  const model: AlignmentModel = { files, items, byId, byKind, problems, pathIndex, itemsOfFeature, customers: customersOf(byKind.request) };
  const references = checkReferences(model);
  yield;
  const cycles = checkDependencyCycles(model);
  const gates = checkNoGoButOnTrack(model);
  const anchors = checkAnchorPaths(byKind.flag);
  yield;
  const globs = options.repoFiles ? checkGlobs(byId.values(), options.repoFiles, options.globMemo) : NO_ITEM_PROBLEMS;
  yield;
  withCheckProblems(problems, { references, cycles, gates, anchors, globs }); // in place: the model's list
  return keepParts(model, { ranked, unkeptIds, namingMembers, references, anchors, globs, globListing: options.repoFiles, cycles, gates });
}

/** Where an id is written. */
type WrittenId = UnkeptId;

function idOf(entry: LoadedItem | WrittenId): WrittenId {
  return 'locate' in entry ? { id: entry.id, file: entry.file, range: entry.locate(['id']) ?? entry.range } : entry;
}

function duplicate(entry: WrittenId, other: WrittenId): Problem {
  return problem(entry.file, entry.range, 'duplicate-id', `id "${entry.id}" is also used at ${other.file}:${other.range.line}; ids must be unique across .alignment/`);
}

/** Every kept item with `paths` of its own, ranked by its place (when ranks fit; else in the same order). */
function* pathOwners(files: readonly FileParse[], byId: ReadonlyMap<string, LoadedItem>, ranked: boolean): Iterable<PathOwner<LoadedItem>> {
  for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
    const fileItems = (files[fileIndex] as FileParse).items;
    for (let itemIndex = 0; itemIndex < fileItems.length; itemIndex++) {
      const entry = fileItems[itemIndex] as LoadedItem;
      if (byId.get(entry.id) !== entry) continue;
      const paths = ownPaths(entry);
      if (paths.length > 0) yield ranked ? { owner: entry, paths, rank: rankOf(fileIndex, itemIndex) } : { owner: entry, paths };
    }
  }
}

export function itemsOf<K extends Kind>(entries: readonly LoadedItem[], kind: K): LoadedItem<K>[] {
  return entries.filter((entry): entry is LoadedItem<K> => entry.kind === kind);
}

export function getItem<K extends Kind>(model: AlignmentModel, id: string, kind: K): LoadedItem<K> | undefined {
  const entry = model.byId.get(id);
  return entry?.kind === kind ? (entry as LoadedItem<K>) : undefined;
}

export type { ItemOfKind };
