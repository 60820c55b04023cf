// What applies to a file: the features covering it, every item of those features, items whose own
// `paths` cover it, items its comment tags name, flags anchored in it, and what threatens it upstream.
import type { LoadedItem } from './load';
import { featureIdsOf, itemsOf, type AlignmentModel } from './model';
import { normalizePath } from './globs';
import { TAG_KINDS, type Tag } from './tags';
import { isHighRisk, isOpenFlag } from './reality';

export type TieReason = 'paths' | 'tag' | 'feature' | 'anchor';

export interface ItemsForFile {
  features: LoadedItem<'feature'>[];
  requests: LoadedItem<'request'>[];
  assumptions: LoadedItem<'assumption'>[];
  risks: LoadedItem<'risk'>[];
  milestones: LoadedItem<'milestone'>[];
  decisions: LoadedItem<'decision'>[];
  flags: LoadedItem<'flag'>[];
  /** Open flags and high risks of the features the covering features depend on, transitively. */
  upstream: LoadedItem[];
  /** How each item is tied to the file (the strongest tie). */
  ties: Map<string, TieReason>;
}

export function itemsForFile(model: AlignmentModel, path: string, tags: readonly Tag[] = []): ItemsForFile {
  const file = normalizePath(path);
  const ties = new Map<string, TieReason>();
  const tie = (entry: LoadedItem, reason: TieReason): void => {
    if (!ties.has(entry.id)) ties.set(entry.id, reason);
  };
  for (const entry of model.pathIndex.lookup(file)) tie(entry, 'paths');
  for (const tag of tags) {
    const entry = model.byId.get(tag.id);
    if (entry?.kind === TAG_KINDS[tag.keyword]) tie(entry, 'tag');
  }
  for (const flag of model.byKind.flag) if (flag.item.anchor && normalizePath(flag.item.anchor.path) === file) tie(flag, 'anchor');

  const tied = [...ties.keys()].map((id) => model.byId.get(id) as LoadedItem);
  // Directly tied items pull in their feature: a tagged risk of "checkout" makes checkout current here.
  for (const entry of tied) {
    for (const featureId of featureIdsOf(entry)) {
      const feature = model.byId.get(featureId);
      if (feature?.kind === 'feature' && entry.kind !== 'request' && entry.kind !== 'decision') tie(feature, 'feature');
    }
  }
  const features = itemsOf([...ties.keys()].map((id) => model.byId.get(id) as LoadedItem), 'feature');
  for (const feature of features) for (const entry of model.itemsOfFeature.get(feature.id) ?? []) tie(entry, 'feature');

  const all = [...ties.keys()].map((id) => model.byId.get(id) as LoadedItem);
  return {
    features,
    requests: itemsOf(all, 'request'),
    assumptions: itemsOf(all, 'assumption'),
    risks: itemsOf(all, 'risk'),
    milestones: itemsOf(all, 'milestone'),
    decisions: itemsOf(all, 'decision'),
    flags: itemsOf(all, 'flag'),
    upstream: upstreamOf(model, features.map((feature) => feature.id)),
    ties,
  };
}

export function upstreamOf(model: AlignmentModel, featureIds: readonly string[]): LoadedItem[] {
  const upstream: LoadedItem[] = [];
  for (const featureId of upstreamFeatureIds(model, featureIds)) {
    for (const entry of model.itemsOfFeature.get(featureId) ?? []) {
      if ((entry.kind === 'flag' && isOpenFlag(entry as LoadedItem<'flag'>)) || (entry.kind === 'risk' && isHighRisk(entry as LoadedItem<'risk'>))) upstream.push(entry);
    }
  }
  return upstream;
}

/** The features the given ones depend on, transitively (`dependsOn`), the given ones left out. */
export function upstreamFeatureIds(model: AlignmentModel, featureIds: readonly string[]): string[] {
  const own = new Set(featureIds);
  const seen = new Set<string>();
  const queue = [...featureIds];
  for (let next = 0; next < queue.length; next++) {
    const feature = model.byId.get(queue[next] as string);
    if (feature?.kind !== 'feature') continue;
    for (const next of (feature as LoadedItem<'feature'>).item.dependsOn ?? []) {
      if (!seen.has(next) && !own.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen];
}
