// What the views read of every feature of a new model, worked out ahead in slices: each feature's reality
// (memoized per model in core), then the upstream summary over them all. A view's rebuild then only looks
// them up; done inside it, for 2,000 features, they held the extension host for over 50 ms at once.
import { type AlignmentModel, featureReality, upstreamSummarySteps } from '../../../core';
import { hostSlices } from '../../util/timeSlices';

const warming = new WeakMap<AlignmentModel, Promise<void>>();

/** Resolves once the model's realities and upstream summary are ready; both views share one warm-up per model. */
export function warmModel(model: AlignmentModel): Promise<void> {
  let done = warming.get(model);
  if (!done) {
    const features = model.byKind.feature;
    done = Promise.all(features.map((feature) => hostSlices.run(() => featureReality(model, feature.id)))).then(() => hostSlices.steps(upstreamSummarySteps(model)));
    warming.set(model, done);
  }
  return done;
}
