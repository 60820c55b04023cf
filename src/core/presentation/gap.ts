// The gap between what a feature reports and what its items say: the colour of its icon and its mark.
import type { LoadedItem } from '../load';
import type { FeatureReality } from '../reality';

/**
 * - disagrees: reported on-track or done, while reality holds a serious problem (the thermocline of truth)
 * - concerns: reported on-track or done, while reality holds only minor problems (a low flag): reality
 *   disagrees too, if less loudly; the report calls it "concerns", and it never counts as disagreeing
 * - admitted: honest bad news: the report itself says at-risk or off-track, or no one claimed on-track
 * - clean: reported, and nothing in reality contradicts it
 * - unreported: no status reported, or not started
 */
export type GapLevel = 'disagrees' | 'concerns' | 'admitted' | 'clean' | 'unreported';

export function gapLevel(feature: LoadedItem<'feature'>, reality: FeatureReality): GapLevel {
  if (reality.disagrees) return 'disagrees';
  const status = feature.item.reported?.status;
  if (reality.gap > 0 && (status === 'on-track' || status === 'done')) return 'concerns';
  if (reality.gap > 0 || status === 'at-risk' || status === 'off-track') return 'admitted';
  if (status === undefined || status === 'not-started') return 'unreported';
  return 'clean';
}

/** Sorting the radiator by the gap: disagreeing features first, then the widest gap. */
export function compareByGap(a: { name: string; reality: FeatureReality }, b: { name: string; reality: FeatureReality }): number {
  return Number(b.reality.disagrees) - Number(a.reality.disagrees) || b.reality.gap - a.reality.gap || compareTitles(a.name, b.name);
}

export function compareTitles(a: string, b: string): number {
  return TITLE_ORDER.compare(a, b);
}

/** localeCompare with options builds a collator on every call; sorting thousands of rows needs one. */
const TITLE_ORDER = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
