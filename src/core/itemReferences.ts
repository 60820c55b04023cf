// Where an item is named, for Find All References: the fields of other items in `.alignment/` that name
// its id, and the repository files tied to it through `paths` (tags in code are found by scanTags).
import { referencesOf } from './checks/references';
import { normalizePath } from './globs';
import type { LoadedItem } from './load';
import type { AlignmentModel } from './model';
import type { SourceRange } from './problems';

export interface ItemReference {
  /** The item whose field names the id. */
  readonly from: LoadedItem;
  /** Repository-relative path of its YAML file. */
  readonly file: string;
  readonly range: SourceRange;
}

/** Every field of every item that names `id` (dependsOn, direction.for, features, about, sources, …). */
export function referencesTo(model: AlignmentModel, id: string): ItemReference[] {
  const found: ItemReference[] = [];
  for (const entry of model.byId.values()) {
    for (const reference of referencesOf(entry)) {
      if (reference.id === id) found.push({ from: entry, file: entry.file, range: entry.locate(reference.path) ?? entry.range });
    }
  }
  return found;
}

/**
 * Decides which of a repository's files are tied to the item `id` by paths: its own `paths`, and for a
 * request also the paths of every feature it belongs to (the files whose module lens names it).
 * Build once per item, then test each file.
 */
export function fileTieTest(model: AlignmentModel, id: string): (path: string) => boolean {
  const owners = tieOwners(model, id);
  if (owners.size === 0) return () => false;
  return (path) => model.pathIndex.lookup(normalizePath(path)).some((owner) => owners.has(owner));
}

/** The items whose `paths` tie a file to `id`: the item itself, and for a request every feature it belongs to. */
export function tieOwners(model: AlignmentModel, id: string): Set<LoadedItem> {
  const entry = model.byId.get(id);
  if (!entry) return new Set();
  const owners = new Set<LoadedItem>([entry]);
  if (entry.kind === 'request') {
    for (const [featureId, members] of model.itemsOfFeature) {
      const feature = model.byId.get(featureId);
      if (feature?.kind === 'feature' && members.includes(entry)) owners.add(feature);
    }
  }
  return owners;
}
