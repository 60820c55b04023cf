// Decisions trace to customer names: how many do (decisionAttributionRate), and how long a customer's words
// took to become a decision (customerToDecisionDays).
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../modelTypes';
import type { CustomerRequest, Decision } from '../schemas';
import { dayOf } from './dates';
import { median, rate, type Rate } from './stats';

export interface AttributionRate extends Rate {
  /** Decisions with no source naming a customer with a quote. */
  unattributed: string[];
}

export interface DecisionDays {
  median: number | null;
  values: { decision: string; days: number }[];
}

type Source = NonNullable<Decision['sources']>[number];

function requestOf(model: AlignmentModel, id: string | undefined): CustomerRequest | undefined {
  const entry = id === undefined ? undefined : model.byId.get(id);
  return entry?.kind === 'request' ? (entry.item as CustomerRequest) : undefined;
}

/** A source names a customer (directly, or through a request that does) and carries their words. */
export function isAttributedSource(model: AlignmentModel, source: Source): boolean {
  const request = requestOf(model, source.request);
  const customer = source.customer ?? request?.customer;
  const quote = source.quote ?? request?.quote;
  return Boolean(customer?.trim()) && Boolean(quote?.trim());
}

export function isAttributed(model: AlignmentModel, decision: LoadedItem<'decision'>): boolean {
  return (decision.item.sources ?? []).some((source) => isAttributedSource(model, source));
}

export function decisionAttributionRate(model: AlignmentModel, asOf: number): AttributionRate {
  const decisions = decisionsUntil(model, asOf);
  const unattributed = decisions.filter((decision) => !isAttributed(model, decision)).map((decision) => decision.id);
  return { ...rate(decisions.length - unattributed.length, decisions.length), unattributed };
}

/** For each attributed decision: decidedAt − the earliest receivedAt among its source requests. */
export function customerToDecisionDays(model: AlignmentModel, asOf: number): DecisionDays {
  const values: DecisionDays['values'] = [];
  for (const decision of decisionsUntil(model, asOf)) {
    const decided = dayOf(decision.item.decidedAt);
    if (decided === undefined || !isAttributed(model, decision)) continue;
    const received = (decision.item.sources ?? []).flatMap((source) => {
      const day = dayOf(requestOf(model, source.request)?.receivedAt);
      return day === undefined ? [] : [day];
    });
    if (received.length > 0) values.push({ decision: decision.id, days: decided - Math.min(...received) });
  }
  return { median: median(values.map((value) => value.days)), values };
}

/** Decisions taken on or before as-of (an undated decision counts: it exists). */
function decisionsUntil(model: AlignmentModel, asOf: number): LoadedItem<'decision'>[] {
  return model.byKind.decision.filter((decision) => (dayOf(decision.item.decidedAt) ?? asOf) <= asOf);
}
