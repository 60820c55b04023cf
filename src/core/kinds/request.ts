import type { KindDescriptor } from './descriptor';
import { excerpt, orMissing, present, quoted } from './text';

/** A customer request: who asked, in their own words. */
export const request: KindDescriptor<'request'> = {
  label: 'Request',
  text: ({ item }) => `${String(item.customer)}: “${String(item.quote)}”`,
  summary: ({ item }) => [orMissing(item.customer, 'customer'), quoted(item.quote, excerpt), ...present(item.priority, item.status)],
  state: ({ item }) => [excerpt(orMissing(item.customer, 'customer'), 32), ...present(item.priority)],
  quote: ({ item }) => item.quote,
  fields: ({ item }) => [
    ['Customer', orMissing(item.customer, 'customer')],
    ['Contact', item.contact],
    ['Received', item.receivedAt],
    ['Channel', item.channel],
    ['Priority', item.priority],
    ['Status', item.status],
    ['Features', item.features?.join(', ')],
  ],
};
