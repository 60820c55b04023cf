// Trouble upstream: the features a feature depends on (transitively) that are blocked or in trouble. A
// dependent feature whose own items are clean is not clean while what it builds on is not.
import { upstreamFeatureIds } from '../applies';
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../model';
import { featureReality } from '../reality';
import { compareTitles, gapLevel } from './gap';

/**
 * Worst first: a no-go gate blocks it; an on-track report reality disagrees with; a report that says
 * off-track or at-risk. Minor concerns (a low flag) are not trouble for the features downstream.
 */
export const UPSTREAM_TROUBLES = ['blocked', 'disagrees', 'off-track', 'at-risk'] as const;
export type UpstreamTroubleKind = typeof UPSTREAM_TROUBLES[number];

export interface UpstreamTrouble {
  readonly featureId: string;
  readonly trouble: UpstreamTroubleKind;
}

export function upstreamTrouble(model: AlignmentModel, featureId: string): UpstreamTrouble[] {
  const troubles: UpstreamTrouble[] = [];
  for (const id of upstreamFeatureIds(model, [featureId])) {
    const feature = model.byId.get(id);
    if (feature?.kind !== 'feature') continue;
    const trouble = troubleOf(feature as LoadedItem<'feature'>, model);
    if (trouble) troubles.push({ featureId: id, trouble });
  }
  return troubles.sort(compareTroubles);
}

/** Worst trouble first, then by name. */
export function compareTroubles(a: UpstreamTrouble, b: UpstreamTrouble): number {
  return UPSTREAM_TROUBLES.indexOf(a.trouble) - UPSTREAM_TROUBLES.indexOf(b.trouble) || compareTitles(a.featureId, b.featureId);
}

/** A feature's own trouble, as the features downstream see it; undefined when it has none. */
export function troubleOf(feature: LoadedItem<'feature'>, model: AlignmentModel): UpstreamTroubleKind | undefined {
  const reality = featureReality(model, feature.id);
  if (reality.noGoGates > 0) return 'blocked';
  if (gapLevel(feature, reality) === 'disagrees') return 'disagrees';
  const status = feature.item.reported?.status;
  return status === 'off-track' || status === 'at-risk' ? status : undefined;
}
