// A feature that depends on itself, directly or through others, can never be unblocked.
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../model';
import { problem, type Problem } from '../problems';

export function checkDependencyCycles(model: AlignmentModel): Problem[] {
  const problems: Problem[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const stack: string[] = [];

  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    const feature = model.byId.get(id) as LoadedItem<'feature'>;
    (feature.item.dependsOn ?? []).forEach((next, index) => {
      const target = model.byId.get(next);
      if (target?.kind !== 'feature') return; // reported as unknown-reference
      if (state.get(next) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...cycle.slice(0, -1)].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          problems.push(problem(feature.file, feature.locate(['dependsOn', index]) ?? feature.range, 'dependency-cycle',
            `feature "${next}" depends on itself: ${cycle.join(' -> ')}`));
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    });
    stack.pop();
    state.set(id, 'done');
  };

  for (const feature of model.byKind.feature) if (!state.has(feature.id)) visit(feature.id);
  return problems;
}
