// The truth report as data: what `truthline report --format json` prints and what the Markdown, the HTML
// radiator and the editor's report panel are drawn from.
import type { AlignmentModel } from '../modelTypes';
import type { Problem } from '../problems';
import { dateOfDay } from './dates';
import { folderAsOf, type History } from './history';
import { computeMetrics, type Metrics } from './metrics';
import {
  featureRows, flagsByAge, milestoneRows, openFlagRows, waitingRequestRows,
  type AgeBucket, type FeatureRow, type MilestoneRow, type OpenFlagRow, type WaitingRequestRow,
} from './parts';
import { currentStates } from './thermocline';
import { computeTrend, type TrendPoint } from './trend';

export interface ReportProblem {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

export interface TruthReport {
  asOf: string;
  metrics: Metrics;
  features: FeatureRow[];
  openFlags: OpenFlagRow[];
  flagsByAge: Record<AgeBucket, number>;
  milestones: MilestoneRow[];
  waitingRequests: WaitingRequestRow[];
  trend: TrendPoint[];
  /** Why there is no trend (no git, a shallow clone, no commit yet); null when history was read. */
  trendUnavailable: string | null;
  problems: ReportProblem[];
}

/**
 * `current` is `.alignment/` as it is now (the working tree) and `currentProblems` what checking it found;
 * `history` its commits up to as-of. When the folder was committed again after as-of, the report reads the
 * folder as committed on as-of instead (see folderAsOf). Metrics that need history (thermocline latency) read
 * it; without it they say what the model alone shows.
 */
export function buildReport(current: AlignmentModel, currentProblems: readonly Problem[], asOf: number, history: History): TruthReport {
  const { model, timeline, fromHistory } = folderAsOf(current, history);
  const problems = fromHistory ? model.problems : currentProblems;
  const states = timeline && timeline.commits.length > 0 ? timeline.until(asOf) : currentStates(model);
  const openFlags = openFlagRows(model, asOf);
  const trend = timeline ? computeTrend(timeline, asOf) : [];
  return {
    asOf: dateOfDay(asOf),
    metrics: computeMetrics(model, asOf, states.length > 0 ? states : currentStates(model)),
    features: featureRows(model),
    openFlags,
    flagsByAge: flagsByAge(openFlags),
    milestones: milestoneRows(model, asOf),
    waitingRequests: waitingRequestRows(model, asOf),
    trend,
    trendUnavailable: trendUnavailable(history, trend),
    problems: problems.map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message })),
  };
}

function trendUnavailable(history: History, trend: readonly TrendPoint[]): string | null {
  if ('unavailable' in history) return history.unavailable;
  if (trend.length === 0) return 'no commit touches .alignment/ on or before as-of yet';
  return null;
}
