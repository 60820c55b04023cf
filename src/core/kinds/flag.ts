import type { LoadedItem } from '../load';
import type { KindDescriptor, SummaryOptions } from './descriptor';
import { present } from './text';

/** A truth flag: reality as an engineer sees it beside what the status says. */
export const flag: KindDescriptor<'flag'> = {
  label: 'Flag',
  text: ({ item }) => String(item.reality),
  summary: (entry, options) => [
    entry.item.severity,
    entry.item.status,
    ...present(isDrifted(entry, options) && 'drifted', entry.item.about && `about ${entry.item.about}`),
  ],
  state: (entry, options) => [entry.item.severity, entry.item.status, ...present(isDrifted(entry, options) && 'drifted')],
  quote: ({ item }) => item.reality,
  fields: (entry, options) => [
    ['Severity', entry.item.severity],
    ['Status', `${entry.item.status}${isDrifted(entry, options) ? ' (the anchored lines have changed)' : ''}`],
    ['Reported', entry.item.reported],
    ['Raised by', [entry.item.raisedBy, entry.item.raisedAt].filter(Boolean).join(', ')],
    ['About', entry.item.about],
    ['Feature', entry.item.feature],
    ['Resolution', entry.item.resolution],
  ],
};

function isDrifted(entry: LoadedItem<'flag'>, options: SummaryOptions): boolean {
  return Boolean(entry.item.anchor && options.isDrifted?.(entry));
}
