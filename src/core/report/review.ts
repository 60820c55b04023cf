// The weekly Customer Truth Review as data: the ritual's four questions for one ISO week (what customers
// said, how we read it, what we decided, who will validate), the flags of the week and the reports that moved.
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../modelTypes';
import { isAttributedSource } from './attribution';
import { dateOfDay, dayOf, type IsoWeek } from './dates';
import { fieldsOrNull } from './fields';
import { folderAsOf, type History, type ReportedStatus, type Timeline } from './history';

/** Milestones due from the week's start to this many days after its end are "coming due". */
export const COMING_DUE_DAYS = 14;

export interface ReviewRequest {
  id: string;
  customer: string | null;
  contact: string | null;
  channel: string | null;
  receivedAt: string | null;
  quote: string | null;
  /** Features whose `direction.for` names the request or its customer. */
  interpretedBy: { id: string; title: string | null; goal: string | null; successSignal: string | null; nonGoals: string[]; reported: string | null }[];
}

export interface ReviewDecision {
  id: string;
  title: string | null;
  decidedAt: string | null;
  attributed: boolean;
  sources: { request: string | null; customer: string | null; quote: string | null }[];
}

export interface ReviewMilestone {
  id: string;
  title: string | null;
  feature: string | null;
  due: string;
  assumptions: { id: string; statement: string | null; status: string; test: string | null }[];
  /** Customers of the requests behind the milestone's feature: who can say whether we got it right. */
  customers: string[];
}

export interface ReviewFlag {
  id: string;
  feature: string | null;
  severity: string;
  by: string | null;
  on: string;
  text: string | null;
}

export interface StatusChange {
  feature: string;
  from: ReportedStatus | null;
  to: ReportedStatus | null;
  date: string;
  commit: string;
}

export interface WeeklyReview {
  week: string;
  start: string;
  end: string;
  asOf: string;
  said: ReviewRequest[];
  decided: ReviewDecision[];
  comingDue: ReviewMilestone[];
  flags: { raised: ReviewFlag[]; acknowledged: ReviewFlag[]; resolved: ReviewFlag[] };
  statusChanges: StatusChange[];
  /** Why reported status changes are not known (no git history); null when they are. */
  statusChangesUnavailable: string | null;
}

export function weeklyReview(current: AlignmentModel, week: IsoWeek, asOf: number, history: History): WeeklyReview {
  const { model, timeline } = folderAsOf(current, history);
  const last = Math.min(week.end, asOf);
  const inWeek = (date: string | undefined): boolean => {
    const day = dayOf(date);
    return day !== undefined && day >= week.start && day <= last;
  };
  const changes = timeline ? statusChanges(timeline, week.start, last) : [];
  return {
    week: week.label,
    start: dateOfDay(week.start),
    end: dateOfDay(week.end),
    asOf: dateOfDay(asOf),
    said: model.byKind.request.filter((request) => inWeek(request.item.receivedAt)).sort(byDate((r) => r.item.receivedAt)).map((request) => reviewRequest(model, request)),
    decided: model.byKind.decision.filter((decision) => inWeek(decision.item.decidedAt)).sort(byDate((d) => d.item.decidedAt)).map((decision) => reviewDecision(model, decision)),
    comingDue: comingDue(model, week),
    flags: {
      raised: weekFlags(model, (flag) => flag.raisedAt, (flag) => flag.raisedBy, inWeek),
      acknowledged: weekFlags(model, (flag) => flag.acknowledgedAt, (flag) => flag.acknowledgedBy, inWeek),
      resolved: weekFlags(model, (flag) => (flag.status === 'resolved' ? flag.resolvedAt : undefined), (flag) => flag.resolvedBy, inWeek, (flag) => flag.resolution),
    },
    statusChanges: changes,
    statusChangesUnavailable: 'unavailable' in history ? history.unavailable : null,
  };
}

function byDate<T>(dateOf: (entry: T) => string | undefined): (a: T, b: T) => number {
  return (a, b) => (dayOf(dateOf(a)) ?? 0) - (dayOf(dateOf(b)) ?? 0);
}

function reviewRequest(model: AlignmentModel, request: LoadedItem<'request'>): ReviewRequest {
  const customer = request.item.customer?.toLowerCase();
  const features = model.byKind.feature.filter((feature) => (feature.item.direction?.for ?? []).some((target) => target === request.id || target.toLowerCase() === customer));
  return {
    id: request.id,
    ...fieldsOrNull(request.item, ['customer', 'contact', 'channel', 'receivedAt', 'quote']),
    interpretedBy: features.map((feature) => ({
      id: feature.id,
      title: feature.item.title ?? null,
      goal: feature.item.direction?.goal ?? null,
      successSignal: feature.item.direction?.successSignal ?? null,
      nonGoals: feature.item.direction?.nonGoals ?? [],
      reported: feature.item.reported?.status ?? null,
    })),
  };
}

function reviewDecision(model: AlignmentModel, decision: LoadedItem<'decision'>): ReviewDecision {
  const sources = decision.item.sources ?? [];
  return {
    id: decision.id,
    title: decision.item.title ?? null,
    decidedAt: decision.item.decidedAt ?? null,
    attributed: sources.some((source) => isAttributedSource(model, source)),
    sources: sources.map((source) => {
      const entry = source.request === undefined ? undefined : model.byId.get(source.request);
      const request = entry?.kind === 'request' ? (entry as LoadedItem<'request'>).item : undefined;
      return { request: source.request ?? null, customer: source.customer ?? request?.customer ?? null, quote: source.quote ?? request?.quote ?? null };
    }),
  };
}

function comingDue(model: AlignmentModel, week: IsoWeek): ReviewMilestone[] {
  const milestones = model.byKind.milestone.filter((milestone) => {
    const due = dayOf(milestone.item.due);
    return due !== undefined && due >= week.start && due <= week.end + COMING_DUE_DAYS;
  }).sort(byDate((m) => m.item.due));
  return milestones.map((milestone) => {
    const assumptions = model.byKind.assumption.filter((assumption) => assumption.item.milestone === milestone.id || (milestone.item.validates ?? []).includes(assumption.id));
    const features = new Set([milestone.item.feature, ...assumptions.map((assumption) => assumption.item.feature)].filter((id): id is string => id !== undefined));
    return {
      id: milestone.id,
      title: milestone.item.title ?? null,
      feature: milestone.item.feature ?? null,
      due: milestone.item.due as string,
      assumptions: assumptions.map((assumption) => ({ id: assumption.id, statement: assumption.item.statement ?? null, status: assumption.item.status, test: assumption.item.test ?? null })),
      customers: customersOf(model, features),
    };
  });
}

function customersOf(model: AlignmentModel, features: ReadonlySet<string>): string[] {
  const names = new Map<string, string>();
  for (const feature of features) {
    for (const entry of model.itemsOfFeature.get(feature) ?? []) {
      const customer = entry.kind === 'request' ? (entry as LoadedItem<'request'>).item.customer : undefined;
      if (customer && !names.has(customer.toLowerCase())) names.set(customer.toLowerCase(), customer);
    }
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

type FlagItem = LoadedItem<'flag'>['item'];

function weekFlags(model: AlignmentModel, dateOf: (flag: FlagItem) => string | undefined, byOf: (flag: FlagItem) => string | undefined,
  inWeek: (date: string | undefined) => boolean, textOf: (flag: FlagItem) => string | undefined = (flag) => flag.reality): ReviewFlag[] {
  return model.byKind.flag.filter((flag) => inWeek(dateOf(flag.item))).sort(byDate((flag) => dateOf(flag.item))).map((flag) => ({
    id: flag.id,
    feature: flag.item.feature ?? null,
    severity: flag.item.severity,
    by: byOf(flag.item) ?? null,
    on: dateOf(flag.item) as string,
    text: textOf(flag.item) ?? null,
  }));
}

/** Every change of a feature's reported status between the commits of the week (features added or removed included). */
export function statusChanges(timeline: Timeline, start: number, end: number): StatusChange[] {
  const changes: StatusChange[] = [];
  let before: ReadonlyMap<string, ReportedStatus | undefined> = new Map();
  for (const commit of timeline.commits) {
    if (commit.day > end) break;
    if (commit.day >= start) {
      for (const feature of new Set([...before.keys(), ...commit.statuses.keys()])) {
        const from = before.get(feature) ?? null;
        const to = commit.statuses.get(feature) ?? null;
        if (from !== to) changes.push({ feature, from, to, date: commit.date, commit: commit.commit });
      }
    }
    before = commit.statuses;
  }
  return changes;
}
