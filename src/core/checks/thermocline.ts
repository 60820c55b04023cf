// The thermocline of truth: a milestone's gate says no-go while its feature is still reported on track.
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../modelTypes';
import { problem, type Problem } from '../problems';
import { NONE, problemsByItem } from './itemProblems';

/** The no-go calls of `milestones` whose feature is reported on track or done, by milestone. */
export function checkNoGoButOnTrack(model: AlignmentModel, milestones: Iterable<LoadedItem<'milestone'>> = model.byKind.milestone): Map<LoadedItem, readonly Problem[]> {
  return problemsByItem(milestones, (milestone) => {
    const featureId = milestone.item.feature;
    const feature = featureId ? model.byId.get(featureId) : undefined;
    if (feature?.kind !== 'feature') return NONE;
    const status = (feature.item as { reported?: { status: string } }).reported?.status;
    if (status !== 'on-track' && status !== 'done') return NONE;
    const problems: Problem[] = [];
    milestone.item.gates?.forEach((gate, index) => {
      if (gate.call !== 'no-go') return;
      const who = gate.who ? `${gate.role} (${gate.who})` : gate.role;
      problems.push(problem(milestone.file, milestone.locate(['gates', index, 'call']) ?? milestone.range, 'no-go-but-on-track',
        `${who} calls no-go on milestone "${milestone.id}", but feature "${feature.id}" is reported ${status}${gate.reason ? `: ${gate.reason}` : ''}`));
    });
    return problems;
  });
}
