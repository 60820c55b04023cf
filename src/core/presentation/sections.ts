// What the Current Feature view shows for one file, as plain data: one section per feature covering the
// file, each with its groups in order, and a section for items tied to the file that no such feature holds.
import { upstreamOf, type ItemsForFile } from '../applies';
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../model';
import { isOpenFlag } from '../reality';
import { compareAssumptions, compareDecisions, compareFlags, compareMilestones, compareRequests, compareRisks, compareThreats } from './order';

/** The groups under a feature, in the order the view shows them. */
export const GROUP_KINDS = ['requests', 'assumptions', 'risks', 'milestones', 'flags', 'upstream', 'decisions'] as const;
export type GroupKind = typeof GROUP_KINDS[number];

export interface SectionOptions {
  /** Groups to show, from the settings; the order stays GROUP_KINDS'. */
  readonly groups: readonly GroupKind[];
  readonly showResolvedFlags: boolean;
}

export interface Group {
  readonly kind: GroupKind;
  readonly entries: readonly LoadedItem[];
}

export interface Section {
  /** Undefined for the items tied to the file directly that none of the file's features holds. */
  readonly feature: LoadedItem<'feature'> | undefined;
  /** Non-empty groups only. */
  readonly groups: readonly Group[];
}

export function sectionsForFile(model: AlignmentModel, found: ItemsForFile, options: SectionOptions): Section[] {
  const sections: Section[] = [];
  const held = new Set<string>();
  for (const feature of found.features) {
    const own = new Set(model.itemsOfFeature.get(feature.id) ?? []);
    for (const entry of own) held.add(entry.id);
    sections.push({ feature, groups: groupsOf(found, (entry) => own.has(entry), upstreamOf(model, [feature.id]), options) });
  }
  const loose = groupsOf(found, (entry) => !held.has(entry.id), [], options);
  if (loose.length > 0) sections.push({ feature: undefined, groups: loose });
  return sections;
}

function groupsOf(found: ItemsForFile, belongs: (entry: LoadedItem) => boolean, upstream: readonly LoadedItem[], options: SectionOptions): Group[] {
  const pick = <K extends LoadedItem>(entries: readonly K[], compare: (a: K, b: K) => number): K[] => entries.filter(belongs).sort(compare);
  const flags = pick(found.flags, compareFlags).filter((flag) => options.showResolvedFlags || isOpenFlag(flag));
  const all: Record<GroupKind, readonly LoadedItem[]> = {
    requests: pick(found.requests, compareRequests),
    assumptions: pick(found.assumptions, compareAssumptions),
    risks: pick(found.risks, compareRisks),
    milestones: pick(found.milestones, compareMilestones),
    flags,
    upstream: [...upstream].sort(compareThreats),
    decisions: pick(found.decisions, compareDecisions),
  };
  return GROUP_KINDS.filter((kind) => options.groups.includes(kind) && all[kind].length > 0).map((kind) => ({ kind, entries: all[kind] }));
}
