// How each group of the sidebar is ordered: what threatens the work first. Pure, so unit tests can pin it.
import { compareIds as compareIdText } from '../lenses';
import type { LoadedItem } from '../load';
import { riskScore } from '../reality';

const ASSUMPTION_ORDER = { invalidated: 0, untested: 1, validated: 2 } as const;
/** Risks that already happened or may still happen come before those dealt with. */
const RISK_STATUS_ORDER = { occurred: 0, open: 0, mitigated: 1, retired: 2 } as const;
const FLAG_STATUS_ORDER = { open: 0, acknowledged: 1, resolved: 2 } as const;
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;
const PRIORITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** R-2 before R-10: ids compare as people read them. */
function compareIds(a: LoadedItem, b: LoadedItem): number {
  return compareIdText(a.id, b.id);
}

/** Invalidated first (the code rests on something known to be false), then untested, then validated. */
export function compareAssumptions(a: LoadedItem<'assumption'>, b: LoadedItem<'assumption'>): number {
  return ASSUMPTION_ORDER[a.item.status] - ASSUMPTION_ORDER[b.item.status] || compareIds(a, b);
}

/** Live risks by likelihood × impact, highest first; an occurred risk before an open one of the same score. */
export function compareRisks(a: LoadedItem<'risk'>, b: LoadedItem<'risk'>): number {
  return RISK_STATUS_ORDER[a.item.status] - RISK_STATUS_ORDER[b.item.status]
    || riskScore(b.item) - riskScore(a.item)
    || (a.item.status === 'occurred' ? 0 : 1) - (b.item.status === 'occurred' ? 0 : 1)
    || compareIds(a, b);
}

/** Open first, then acknowledged, then resolved; within each the most severe, then the oldest. */
export function compareFlags(a: LoadedItem<'flag'>, b: LoadedItem<'flag'>): number {
  return FLAG_STATUS_ORDER[a.item.status] - FLAG_STATUS_ORDER[b.item.status]
    || SEVERITY_ORDER[a.item.severity] - SEVERITY_ORDER[b.item.severity]
    || compareDates(a.item.raisedAt, b.item.raisedAt)
    || compareIds(a, b);
}

/** Blocked milestones first, then by due date (undated last). */
export function compareMilestones(a: LoadedItem<'milestone'>, b: LoadedItem<'milestone'>): number {
  return Number(isBlocked(b)) - Number(isBlocked(a)) || compareDates(a.item.due, b.item.due) || compareIds(a, b);
}

/** By the customer's priority, then the oldest request first. */
export function compareRequests(a: LoadedItem<'request'>, b: LoadedItem<'request'>): number {
  const priority = (entry: LoadedItem<'request'>): number => (entry.item.priority ? PRIORITY_ORDER[entry.item.priority] : 4);
  return priority(a) - priority(b) || compareDates(a.item.receivedAt, b.item.receivedAt) || compareIds(a, b);
}

/** The newest decision first. */
export function compareDecisions(a: LoadedItem<'decision'>, b: LoadedItem<'decision'>): number {
  return compareDates(b.item.decidedAt, a.item.decidedAt) || compareIds(a, b);
}

/** Flags before risks, each in its own order. */
export function compareThreats(a: LoadedItem, b: LoadedItem): number {
  if (a.kind === 'flag' && b.kind === 'flag') return compareFlags(a as LoadedItem<'flag'>, b as LoadedItem<'flag'>);
  if (a.kind === 'risk' && b.kind === 'risk') return compareRisks(a as LoadedItem<'risk'>, b as LoadedItem<'risk'>);
  return a.kind === 'flag' ? -1 : b.kind === 'flag' ? 1 : compareIds(a, b);
}

/** One no-go gate blocks a milestone. */
export function isBlocked(milestone: LoadedItem<'milestone'>): boolean {
  return (milestone.item.gates ?? []).some((gate) => gate.call === 'no-go');
}

/** Earlier first; a missing date after every date. */
function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const difference = timeOf(a) - timeOf(b);
  return Number.isNaN(difference) ? (a < b ? -1 : 1) : difference;
}

/** A calendar date counts as midnight UTC, a date-time as the moment it names. */
export function timeOf(date: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date.replace(' ', 'T'));
}
