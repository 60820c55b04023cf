import type { KindDescriptor } from './descriptor';
import { excerpt, orMissing, present } from './text';

/** An assumption the plan rests on, and how and when it is tested. */
export const assumption: KindDescriptor<'assumption'> = {
  label: 'Assumption',
  text: ({ item }) => String(item.statement),
  summary: ({ item }) => [item.status, ...present(item.milestone && `tested at ${item.milestone}`), excerpt(orMissing(item.statement, 'statement'))],
  state: ({ item }) => [item.status],
  quote: ({ item }) => item.statement,
  fields: ({ item }) => [
    ['Status', item.status],
    ['Test', item.test],
    ['Evidence', item.evidence],
    ['Milestone', item.milestone],
    ['Feature', item.feature],
  ],
};
