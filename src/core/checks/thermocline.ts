// The thermocline of truth: a milestone's gate says no-go while its feature is still reported on track.
import type { AlignmentModel } from '../modelTypes';
import { problem, type Problem } from '../problems';

export function checkNoGoButOnTrack(model: AlignmentModel): Problem[] {
  const problems: Problem[] = [];
  for (const milestone of model.byKind.milestone) {
    const featureId = milestone.item.feature;
    const feature = featureId ? model.byId.get(featureId) : undefined;
    if (feature?.kind !== 'feature') continue;
    const status = (feature.item as { reported?: { status: string } }).reported?.status;
    if (status !== 'on-track' && status !== 'done') continue;
    milestone.item.gates?.forEach((gate, index) => {
      if (gate.call !== 'no-go') return;
      const who = gate.who ? `${gate.role} (${gate.who})` : gate.role;
      problems.push(problem(milestone.file, milestone.locate(['gates', index, 'call']) ?? milestone.range, 'no-go-but-on-track',
        `${who} calls no-go on milestone "${milestone.id}", but feature "${feature.id}" is reported ${status}${gate.reason ? `: ${gate.reason}` : ''}`));
    });
  }
  return problems;
}
