// The six metrics of a customer-led team, at one date, from one model and the report's states over time.
import type { AlignmentModel } from '../modelTypes';
import { flagAcknowledgeDays, type AcknowledgeDays } from './acknowledge';
import { customerToDecisionDays, decisionAttributionRate, type AttributionRate, type DecisionDays } from './attribution';
import { truthDistortionIndex, type DistortionIndex } from './distortion';
import { thermoclineLatencyDays, type StatusState, type ThermoclineLatency } from './thermocline';
import { validationRate, type ValidationRate } from './validation';

export interface Metrics {
  decisionAttributionRate: AttributionRate;
  customerToDecisionDays: DecisionDays;
  validationRate: ValidationRate;
  truthDistortionIndex: DistortionIndex;
  thermoclineLatencyDays: ThermoclineLatency;
  flagAcknowledgeDays: AcknowledgeDays;
}

export function computeMetrics(model: AlignmentModel, asOf: number, states: readonly StatusState[]): Metrics {
  return {
    decisionAttributionRate: decisionAttributionRate(model, asOf),
    customerToDecisionDays: customerToDecisionDays(model, asOf),
    validationRate: validationRate(model, asOf),
    truthDistortionIndex: truthDistortionIndex(model),
    thermoclineLatencyDays: thermoclineLatencyDays(model, asOf, states),
    flagAcknowledgeDays: flagAcknowledgeDays(model, asOf),
  };
}
