// The report's other parts, each what a lead looks for: every feature's report beside its reality, open
// flags by age, milestone gates (a no-go stands out), and the customers still waiting for a decision.
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../modelTypes';
import { featureReality, isOpenFlag, type FeatureReality } from '../reality';
import { compareIds } from '../lenses';
import { dayOf } from './dates';
import { fieldsOrNull } from './fields';

/** Where an item is written, for a link back to its YAML. */
export interface ItemPlace {
  file: string;
  line: number;
}

export interface FeatureRow extends ItemPlace {
  id: string;
  title: string | null;
  reported: { status: string; progress: number | null; source: string | null; asOf: string | null } | null;
  reality: FeatureReality;
}

export interface OpenFlagRow extends ItemPlace {
  id: string;
  feature: string | null;
  severity: string;
  status: string;
  raisedBy: string | null;
  raisedAt: string | null;
  reality: string | null;
  /** Days since raisedAt; null when undated. */
  ageDays: number | null;
}

export interface MilestoneRow extends ItemPlace {
  id: string;
  title: string | null;
  feature: string | null;
  due: string | null;
  overdue: boolean;
  /** A no-go blocks the milestone. */
  blocked: boolean;
  gates: { role: string; who: string | null; call: string; reason: string | null }[];
}

export interface WaitingRequestRow extends ItemPlace {
  id: string;
  customer: string | null;
  contact: string | null;
  quote: string | null;
  receivedAt: string | null;
  /** Days since receivedAt; null when undated. */
  daysWaiting: number | null;
}

export const AGE_BUCKETS = ['0-7 days', '8-30 days', '31-90 days', 'over 90 days', 'undated'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

function place(entry: LoadedItem): ItemPlace {
  return { file: entry.file, line: entry.range.line };
}

export function featureRows(model: AlignmentModel): FeatureRow[] {
  return model.byKind.feature.map((feature) => {
    const reported = feature.item.reported;
    return {
      id: feature.id,
      title: feature.item.title ?? null,
      reported: reported ? { status: reported.status, progress: reported.progress ?? null, source: reported.source ?? null, asOf: reported.asOf ?? null } : null,
      reality: featureReality(model, feature.id),
      ...place(feature),
    };
  }).sort((a, b) => Number(b.reality.disagrees) - Number(a.reality.disagrees) || b.reality.gap - a.reality.gap || compareIds(a.id, b.id));
}

/** Open and acknowledged flags raised by as-of, oldest first. */
export function openFlagRows(model: AlignmentModel, asOf: number): OpenFlagRow[] {
  return model.byKind.flag.filter((flag) => isOpenFlag(flag) && (dayOf(flag.item.raisedAt) ?? asOf) <= asOf).map((flag) => {
    const raised = dayOf(flag.item.raisedAt);
    return {
      id: flag.id,
      feature: flag.item.feature ?? null,
      severity: flag.item.severity,
      status: flag.item.status,
      ...fieldsOrNull(flag.item, ['raisedBy', 'raisedAt', 'reality']),
      ageDays: raised === undefined ? null : asOf - raised,
      ...place(flag),
    };
  }).sort((a, b) => (b.ageDays ?? -1) - (a.ageDays ?? -1) || compareIds(a.id, b.id));
}

export function ageBucket(days: number | null): AgeBucket {
  if (days === null) return 'undated';
  if (days <= 7) return '0-7 days';
  if (days <= 30) return '8-30 days';
  if (days <= 90) return '31-90 days';
  return 'over 90 days';
}

export function flagsByAge(rows: readonly OpenFlagRow[]): Record<AgeBucket, number> {
  const counts = Object.fromEntries(AGE_BUCKETS.map((bucket) => [bucket, 0])) as Record<AgeBucket, number>;
  for (const row of rows) counts[ageBucket(row.ageDays)]++;
  return counts;
}

/** Blocked first, then by due date (undated last). */
export function milestoneRows(model: AlignmentModel, asOf: number): MilestoneRow[] {
  return model.byKind.milestone.map((milestone) => {
    const gates = (milestone.item.gates ?? []).map((gate) => ({ role: gate.role, who: gate.who ?? null, call: gate.call, reason: gate.reason ?? null }));
    const due = dayOf(milestone.item.due);
    return {
      id: milestone.id,
      title: milestone.item.title ?? null,
      feature: milestone.item.feature ?? null,
      due: milestone.item.due ?? null,
      overdue: due !== undefined && due < asOf && gates.some((gate) => gate.call !== 'go'),
      blocked: gates.some((gate) => gate.call === 'no-go'),
      gates,
      ...place(milestone),
    };
  }).sort((a, b) => Number(b.blocked) - Number(a.blocked) || (dayOf(a.due ?? undefined) ?? Infinity) - (dayOf(b.due ?? undefined) ?? Infinity) || compareIds(a.id, b.id));
}

/**
 * Requests received by as-of that no decision names as a source, longest waiting first. A request marked
 * delivered or declined has had its answer.
 */
export function waitingRequestRows(model: AlignmentModel, asOf: number): WaitingRequestRow[] {
  const decided = new Set(model.byKind.decision.flatMap((decision) => (decision.item.sources ?? []).flatMap((source) => (source.request ? [source.request] : []))));
  return model.byKind.request.filter((request) => !decided.has(request.id) && request.item.status !== 'delivered' && request.item.status !== 'declined'
    && (dayOf(request.item.receivedAt) ?? asOf) <= asOf).map((request) => {
    const received = dayOf(request.item.receivedAt);
    return {
      id: request.id,
      ...fieldsOrNull(request.item, ['customer', 'contact', 'quote', 'receivedAt']),
      daysWaiting: received === undefined ? null : asOf - received,
      ...place(request),
    };
  }).sort((a, b) => (b.daysWaiting ?? -1) - (a.daysWaiting ?? -1) || compareIds(a.id, b.id));
}
