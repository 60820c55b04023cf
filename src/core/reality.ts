// A feature's reality beside its reported status: what the information radiator shows, unfiltered.
import type { LoadedItem } from './load';
import type { AlignmentModel } from './model';
import type { Risk } from './schemas';

const LEVEL_SCORE = { low: 1, medium: 2, high: 3 } as const;
const SEVERITY_WEIGHT = { low: 1, medium: 2, high: 3, critical: 4 } as const;
/** Likelihood × impact at or above this (high×medium, medium×high, high×high) is a high risk. */
export const HIGH_RISK_SCORE = 6;

/**
 * A likelihood or impact that is missing (written wrong, `likelihood: extreme`) scores as high: a typo must
 * make a risk more visible, never hide it.
 */
export function riskScore(risk: Pick<Risk, 'likelihood' | 'impact'>): number {
  return LEVEL_SCORE[risk.likelihood ?? 'high'] * LEVEL_SCORE[risk.impact ?? 'high'];
}

/** An open risk scoring high, or one that already happened with more than a low impact. */
export function isHighRisk(risk: LoadedItem<'risk'>): boolean {
  if (risk.item.status === 'occurred') return risk.item.impact !== 'low';
  return risk.item.status === 'open' && riskScore(risk.item) >= HIGH_RISK_SCORE;
}

export function isOpenFlag(flag: LoadedItem<'flag'>): boolean {
  return flag.item.status !== 'resolved';
}

export interface FeatureReality {
  openFlags: { critical: number; high: number; medium: number; low: number };
  invalidatedAssumptions: number;
  noGoGates: number;
  highRisks: number;
  /** A weighted sum of the above: how far reality is from a clean report. 0 when nothing disagrees. */
  gap: number;
  /** Reported on-track or done while reality holds a medium+ flag, an invalidated assumption, a no-go or a high risk. */
  disagrees: boolean;
}

/** Worked out once per model and feature: both trees, the upstream summaries and the lenses ask for it. */
const realities = new WeakMap<AlignmentModel, Map<string, FeatureReality>>();

export function featureReality(model: AlignmentModel, featureId: string): FeatureReality {
  let byFeature = realities.get(model);
  if (!byFeature) realities.set(model, (byFeature = new Map()));
  let reality = byFeature.get(featureId);
  if (!reality) byFeature.set(featureId, (reality = realityOf(model, featureId)));
  return reality;
}

function realityOf(model: AlignmentModel, featureId: string): FeatureReality {
  const reality: FeatureReality = { openFlags: { critical: 0, high: 0, medium: 0, low: 0 }, invalidatedAssumptions: 0, noGoGates: 0, highRisks: 0, gap: 0, disagrees: false };
  for (const entry of model.itemsOfFeature.get(featureId) ?? []) {
    if (entry.kind === 'flag' && isOpenFlag(entry as LoadedItem<'flag'>)) {
      const severity = (entry as LoadedItem<'flag'>).item.severity;
      reality.openFlags[severity]++;
      reality.gap += SEVERITY_WEIGHT[severity];
    } else if (entry.kind === 'assumption' && (entry as LoadedItem<'assumption'>).item.status === 'invalidated') {
      reality.invalidatedAssumptions++;
      reality.gap += 3;
    } else if (entry.kind === 'milestone') {
      const noGo = ((entry as LoadedItem<'milestone'>).item.gates ?? []).filter((gate) => gate.call === 'no-go').length;
      reality.noGoGates += noGo;
      reality.gap += 3 * noGo;
    } else if (entry.kind === 'risk' && isHighRisk(entry as LoadedItem<'risk'>)) {
      reality.highRisks++;
      reality.gap += 2;
    }
  }
  const feature = model.byId.get(featureId) as LoadedItem<'feature'> | undefined;
  const status = feature?.item.reported?.status;
  const serious = reality.openFlags.critical + reality.openFlags.high + reality.openFlags.medium + reality.invalidatedAssumptions + reality.noGoGates + reality.highRisks;
  reality.disagrees = (status === 'on-track' || status === 'done') && serious > 0;
  return reality;
}
