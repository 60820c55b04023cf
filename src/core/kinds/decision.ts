import type { KindDescriptor } from './descriptor';
import { excerpt, orMissing, present } from './text';

/** A decision and the customers behind it; one without a customer source is unattributed. */
export const decision: KindDescriptor<'decision'> = {
  label: 'Decision',
  text: (entry) => String(entry.item.title ?? entry.id),
  summary: ({ item }) => [
    excerpt(orMissing(item.title, 'title')),
    ...present(item.decidedAt && `decided ${item.decidedAt}`, (item.sources ?? []).length === 0 && 'unattributed'),
  ],
  state: ({ item }) => present(item.decidedAt && `decided ${item.decidedAt}`, (item.sources ?? []).length === 0 && 'unattributed'),
  quote: ({ item }) => item.title,
  fields: ({ item }) => [
    ['Decided', [item.decidedAt, item.decidedBy].filter(Boolean).join(', ')],
    ['Rationale', item.rationale],
    ['Sources', (item.sources ?? []).map((source) => source.customer ?? source.request).join(', ') || 'none (unattributed)'],
  ],
};
