// Milestone-based assumption testing: of the assumptions whose milestone is due by as-of, how many were tested.
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../modelTypes';
import { dayOf } from './dates';
import { rate, type Rate } from './stats';

export interface ValidationRate extends Rate {
  /** Due assumptions still untested. */
  untested: string[];
}

/** The earliest due day among the milestones that test the assumption (its own `milestone`, or one that `validates` it). */
export function assumptionDueDay(model: AlignmentModel, assumption: LoadedItem<'assumption'>): number | undefined {
  const days: number[] = [];
  const own = assumption.item.milestone === undefined ? undefined : model.byId.get(assumption.item.milestone);
  if (own?.kind === 'milestone') pushDay(days, (own as LoadedItem<'milestone'>).item.due);
  for (const milestone of model.byKind.milestone) {
    if (milestone.item.validates?.includes(assumption.id)) pushDay(days, milestone.item.due);
  }
  return days.length === 0 ? undefined : Math.min(...days);
}

function pushDay(days: number[], date: string | undefined): void {
  const day = dayOf(date);
  if (day !== undefined) days.push(day);
}

export function validationRate(model: AlignmentModel, asOf: number): ValidationRate {
  const due = model.byKind.assumption.filter((assumption) => {
    const day = assumptionDueDay(model, assumption);
    return day !== undefined && day <= asOf;
  });
  const untested = due.filter((assumption) => assumption.item.status === 'untested').map((assumption) => assumption.id);
  return { ...rate(due.length - untested.length, due.length), untested };
}
