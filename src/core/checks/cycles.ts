// A feature that depends on itself, directly or through others, can never be unblocked.
// Depth-first search with an explicit stack: a `dependsOn` chain of 100,000 features is data, not a reason
// to run out of call stack.
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../modelTypes';
import { problem, type Problem } from '../problems';

/** A cycle longer than this is shown by its ends only: a 100,000-id message helps no one. */
const MAX_IDS_IN_MESSAGE = 50;

interface Frame {
  readonly feature: LoadedItem<'feature'>;
  readonly dependsOn: readonly string[];
  /** The next `dependsOn` entry to follow. */
  next: number;
}

export function checkDependencyCycles(model: AlignmentModel): Problem[] {
  const problems: Problem[] = [];
  const done = new Set<string>();
  /** The ids on the current path, and where each is on it. */
  const path: string[] = [];
  const onPath = new Map<string, number>();
  const reported = new Set<string>();
  const frames: Frame[] = [];

  const enter = (feature: LoadedItem<'feature'>): void => {
    onPath.set(feature.id, path.length);
    path.push(feature.id);
    frames.push({ feature, dependsOn: feature.item.dependsOn ?? [], next: 0 });
  };

  for (const root of model.byKind.feature) {
    if (done.has(root.id) || onPath.has(root.id)) continue;
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as Frame;
      if (frame.next >= frame.dependsOn.length) {
        frames.pop();
        path.pop();
        onPath.delete(frame.feature.id);
        done.add(frame.feature.id);
        continue;
      }
      const index = frame.next++;
      const next = frame.dependsOn[index] as string;
      const target = model.byId.get(next);
      if (target?.kind !== 'feature') continue; // reported as unknown-reference
      const start = onPath.get(next);
      if (start !== undefined) {
        // The cycle is the path from `next` up to this feature. While this feature is on the path, what lies
        // below it is fixed, and every id enters the path once: the two ends name the cycle's set of ids.
        const key = `${next}\u0000${frame.feature.id}`;
        if (!reported.has(key)) {
          reported.add(key);
          const { feature } = frame;
          problems.push(problem(feature.file, feature.locate(['dependsOn', index]) ?? feature.range, 'dependency-cycle',
            `feature "${next}" depends on itself: ${describeCycle(path, start)}`));
        }
      } else if (!done.has(next)) {
        enter(target as LoadedItem<'feature'>);
      }
    }
  }
  return problems;
}

/** `a -> b -> c -> a` for the cycle that is `path` from `start` to its end, shortened in the middle when long. */
function describeCycle(path: readonly string[], start: number): string {
  const length = path.length - start;
  const first = path[start] as string;
  if (length <= MAX_IDS_IN_MESSAGE) return [...path.slice(start), first].join(' -> ');
  const half = MAX_IDS_IN_MESSAGE / 2;
  const omitted = length - 2 * half;
  return [...path.slice(start, start + half), `… (${omitted.toLocaleString('en-US')} more)`, ...path.slice(path.length - half), first].join(' -> ');
}
