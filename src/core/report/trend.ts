// The metrics week by week: at each week end from the first commit that touched `.alignment/` to as-of,
// computed from the folder as committed on that day.
import { dateOfDay, weekEndsBetween } from './dates';
import type { Timeline } from './history';
import { computeMetrics } from './metrics';

export interface TrendPoint {
  /** The week end (a Sunday), or as-of for the week in progress. */
  date: string;
  /** The last commit on or before `date`. */
  commit: string;
  decisionAttributionRate: number | null;
  customerToDecisionDays: number | null;
  validationRate: number | null;
  truthDistortionIndex: number | null;
  thermoclineLatencyDays: number | null;
  /** Flags whose report had not caught up by `date`. */
  stillHidden: number;
  flagAcknowledgeDays: number | null;
  openFlags: number;
}

export function computeTrend(timeline: Timeline, asOf: number): TrendPoint[] {
  const first = timeline.commits[0];
  if (!first) return [];
  return weekEndsBetween(first.day, asOf).map((day) => {
    const index = timeline.lastIndexOn(day);
    const model = timeline.modelAt(index);
    const metrics = computeMetrics(model, day, timeline.until(day));
    return {
      date: dateOfDay(day),
      commit: timeline.commits[index]?.commit ?? '',
      decisionAttributionRate: metrics.decisionAttributionRate.value,
      customerToDecisionDays: metrics.customerToDecisionDays.median,
      validationRate: metrics.validationRate.value,
      truthDistortionIndex: metrics.truthDistortionIndex.value,
      thermoclineLatencyDays: metrics.thermoclineLatencyDays.median,
      stillHidden: metrics.thermoclineLatencyDays.stillHidden.length,
      flagAcknowledgeDays: metrics.flagAcknowledgeDays.median,
      openFlags: model.byKind.flag.filter((flag) => flag.item.status !== 'resolved').length,
    };
  });
}
