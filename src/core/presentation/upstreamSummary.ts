// The worst few troubled features upstream of every feature, for rows that name them (All Features draws
// every feature at once). Worked out once per model over the components of the dependsOn graph (a cycle is
// allowed as input), so a chain of 2,000 features costs O(features × a few), where asking upstreamTrouble
// of each feature walks the whole chain each time: O(features²), tens of seconds on such a chain.
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../model';
import { compareTroubles, troubleOf, type UpstreamTrouble } from './upstream';
import { runSteps } from '../steps';

export interface UpstreamSummary {
  /** The worst troubled features upstream, worst first: at most UPSTREAM_NAMED. */
  readonly worst: readonly UpstreamTrouble[];
  /** More troubled features upstream than `worst` names. */
  readonly more: boolean;
}

/** How many troubled features upstream a row names. */
export const UPSTREAM_NAMED = 3;
// Each component keeps two more than a row names: one may be the feature itself (in a cycle), one says "more".
const KEPT = UPSTREAM_NAMED + 2;

const NONE: UpstreamSummary = { worst: [], more: false };
const summaries = new WeakMap<AlignmentModel, Map<string, UpstreamSummary>>();

/** Components summed up between two steps of upstreamSummarySteps (~5 ms for 2,000 features' worth). */
const COMPONENTS_PER_STEP = 250;

export function upstreamSummary(model: AlignmentModel, featureId: string): UpstreamSummary {
  let byFeature = summaries.get(model);
  if (!byFeature) {
    byFeature = runSteps(summarize(model));
    summaries.set(model, byFeature);
  }
  return byFeature.get(featureId) ?? NONE;
}

/**
 * Works out the model's upstream summary a step at a time, for an editor that gives its host a turn between
 * steps; upstreamSummary then reads it. Nothing to do when it is known already.
 */
export function* upstreamSummarySteps(model: AlignmentModel): Generator<void, void, void> {
  if (summaries.has(model)) return;
  const steps = summarize(model);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      summaries.set(model, step.value);
      return;
    }
    yield;
    if (summaries.has(model)) return; // worked out whole meanwhile, by a caller who could not wait
  }
}

function* summarize(model: AlignmentModel): Generator<void, Map<string, UpstreamSummary>, void> {
  const features = new Map<string, LoadedItem<'feature'>>();
  for (const entry of model.byKind.feature) if (model.byId.get(entry.id) === entry) features.set(entry.id, entry);
  const dependsOn = (id: string): string[] => (features.get(id)?.item.dependsOn ?? []).filter((next) => features.has(next));
  const result = new Map<string, UpstreamSummary>();
  // Tarjan's components come out upstream first: a component's dependencies are done before it.
  const reach = new Map<number, UpstreamTrouble[]>();
  for (const component of components([...features.keys()], dependsOn)) {
    if (component.index % COMPONENTS_PER_STEP === 0) yield;
    const fromNext = new Map<string, UpstreamTrouble>();
    for (const next of component.next) for (const trouble of reach.get(next) ?? []) fromNext.set(trouble.featureId, trouble);
    const pool = new Map(fromNext);
    for (const id of component.members) {
      const trouble = troubleOf(features.get(id) as LoadedItem<'feature'>, model);
      if (trouble) pool.set(id, { featureId: id, trouble });
    }
    const kept = worstOf(pool.values());
    reach.set(component.index, kept);
    // Upstream of a feature: the rest of its cycle, and what the cycle depends on; never itself.
    const alone = component.members.length === 1 ? worstOf(fromNext.values()) : undefined;
    for (const id of component.members) {
      const others = alone ?? kept.filter((trouble) => trouble.featureId !== id);
      result.set(id, others.length === 0 ? NONE : { worst: others.slice(0, UPSTREAM_NAMED), more: others.length > UPSTREAM_NAMED });
    }
  }
  return result;
}

/** The worst of a component's upstream, all a row can name (the worst few of a union are among its parts' worst few). */
function worstOf(troubles: Iterable<UpstreamTrouble>): UpstreamTrouble[] {
  return [...troubles].sort(compareTroubles).slice(0, KEPT);
}

interface Component {
  readonly index: number;
  readonly members: readonly string[];
  /** The components it depends on (already emitted). */
  readonly next: readonly number[];
}

/** Tarjan's strongly connected components, without recursion (a chain of 15,000 features is deep). */
function components(ids: readonly string[], edges: (id: string) => readonly string[]): Component[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const componentOf = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: Component[] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; edges: readonly string[]; next: number }[] = [];
    const enter = (id: string): void => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, edges: edges(id), next: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      if (frame.next < frame.edges.length) {
        const to = frame.edges[frame.next++] as string;
        if (!index.has(to)) enter(to);
        else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(to) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const members: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        componentOf.set(member, result.length);
        members.push(member);
        if (member === frame.id) break;
      }
      const next = new Set<number>();
      for (const member of members) for (const to of edges(member)) {
        const component = componentOf.get(to) as number;
        if (component !== result.length) next.add(component);
      }
      result.push({ index: result.length, members, next: [...next] });
    }
  }
  return result;
}
