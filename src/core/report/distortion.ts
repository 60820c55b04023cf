// The thermocline today: features reported on-track or done whose reality disagrees (the All Features
// view's rule, featureReality), out of all features reported on-track or done.
import type { AlignmentModel } from '../modelTypes';
import { featureReality } from '../reality';
import { rate, type Rate } from './stats';

export interface DistortionIndex extends Rate {
  /** The features whose report reads green while reality does not. */
  distorted: string[];
}

export function isReportedGreen(status: string | undefined): boolean {
  return status === 'on-track' || status === 'done';
}

export function truthDistortionIndex(model: AlignmentModel): DistortionIndex {
  const green = model.byKind.feature.filter((feature) => isReportedGreen(feature.item.reported?.status));
  const distorted = green.filter((feature) => featureReality(model, feature.id).disagrees).map((feature) => feature.id);
  return { ...rate(distorted.length, green.length), distorted };
}
