import { isHighRisk } from '../reality';
import type { KindDescriptor } from './descriptor';
import { orMissing, present } from './text';

/** A pre-mortem risk: how likely, how bad, and the sign that it is starting to happen. */
export const risk: KindDescriptor<'risk'> = {
  label: 'Risk',
  text: ({ item }) => String(item.risk),
  summary: (entry) => [
    `likelihood ${orMissing(entry.item.likelihood, 'likelihood')} / impact ${orMissing(entry.item.impact, 'impact')}`,
    entry.item.status,
    ...present(isHighRisk(entry) && 'high risk'),
  ],
  state: (entry) => [
    isHighRisk(entry) ? 'high risk' : `${orMissing(entry.item.likelihood, 'likelihood')} / ${orMissing(entry.item.impact, 'impact')}`,
    ...present(entry.item.status !== 'open' && entry.item.status),
  ],
  quote: ({ item }) => item.risk,
  fields: (entry) => [
    ['Likelihood / impact', `${orMissing(entry.item.likelihood, 'likelihood')} / ${orMissing(entry.item.impact, 'impact')}${isHighRisk(entry) ? ' (high risk)' : ''}`],
    ['Status', entry.item.status],
    ['Early warning sign', entry.item.earlyWarningSign],
    ['Mitigation', entry.item.mitigationStrategy],
    ['Owner', entry.item.owner],
    ['Feature', entry.item.feature],
  ],
};
