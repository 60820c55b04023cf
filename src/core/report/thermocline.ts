// How long truth stays below the thermocline: from a flag (medium or worse) raised on a feature reported
// on-track or done, to the first commit whose report says otherwise. Reports that never caught up are
// "still hidden", counted to as-of and kept out of the median.
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../modelTypes';
import { dayOf } from './dates';
import { isReportedGreen } from './distortion';
import type { ReportedStatus } from './history';
import { median } from './stats';

export interface LatencyValue {
  flag: string;
  feature: string;
  days: number;
}

export interface ThermoclineLatency {
  median: number | null;
  values: LatencyValue[];
  stillHidden: LatencyValue[];
}

/** The report's states over time: each commit's statuses from its day on. */
export interface StatusState {
  day: number;
  statuses: ReadonlyMap<string, ReportedStatus | undefined>;
}

const SERIOUS = new Set(['medium', 'high', 'critical']);

/**
 * `states` are the commits up to as-of, oldest first. Without history, pass the current model's statuses as
 * one state from the beginning of time: a flag on a feature reported green now is still hidden, and no
 * latency can be measured.
 */
export function thermoclineLatencyDays(model: AlignmentModel, asOf: number, states: readonly StatusState[]): ThermoclineLatency {
  const result: ThermoclineLatency = { median: null, values: [], stillHidden: [] };
  if (states.length === 0) return result;
  for (const flag of model.byKind.flag) {
    const raised = dayOf(flag.item.raisedAt);
    const feature = flag.item.feature;
    if (raised === undefined || raised > asOf || feature === undefined || !SERIOUS.has(flag.item.severity)) continue;
    if (!isReportedGreen(statusBefore(states, raised).statuses.get(feature))) continue;
    const until = flag.item.status === 'resolved' ? Math.min(dayOf(flag.item.resolvedAt) ?? asOf, asOf) : asOf;
    const caught = states.find((state) => state.day >= raised && state.day <= until && !isReportedGreen(state.statuses.get(feature)));
    if (caught) result.values.push({ flag: flag.id, feature, days: caught.day - raised });
    else if (flag.item.status !== 'resolved') result.stillHidden.push({ flag: flag.id, feature, days: asOf - raised });
  }
  result.median = median(result.values.map((value) => value.days));
  result.stillHidden.sort((a, b) => b.days - a.days);
  return result;
}

/** The report as it stood before the flag's day (the earliest state when the flag is older than history). */
function statusBefore(states: readonly StatusState[], day: number): StatusState {
  let found = states[0] as StatusState;
  for (const state of states) {
    if (state.day >= day) break;
    found = state;
  }
  return found;
}

/** The current model as the only state: what the report can say without git. */
export function currentStates(model: AlignmentModel): StatusState[] {
  const statuses = new Map<string, ReportedStatus | undefined>();
  for (const feature of model.byKind.feature as readonly LoadedItem<'feature'>[]) statuses.set(feature.id, feature.item.reported?.status);
  return [{ day: Number.NEGATIVE_INFINITY, statuses }];
}
