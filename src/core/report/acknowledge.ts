// How long a flag waits before someone owns it: acknowledgedAt − raisedAt, for acknowledged or resolved flags.
import type { AlignmentModel } from '../modelTypes';
import { dayOf } from './dates';
import { median } from './stats';

export interface AcknowledgeDays {
  median: number | null;
  values: { flag: string; days: number }[];
}

export function flagAcknowledgeDays(model: AlignmentModel, asOf: number): AcknowledgeDays {
  const values: AcknowledgeDays['values'] = [];
  for (const flag of model.byKind.flag) {
    if (flag.item.status === 'open') continue;
    const raised = dayOf(flag.item.raisedAt);
    const acknowledged = dayOf(flag.item.acknowledgedAt);
    if (raised === undefined || acknowledged === undefined || acknowledged > asOf) continue;
    values.push({ flag: flag.id, days: acknowledged - raised });
  }
  return { median: median(values.map((value) => value.days)), values };
}
