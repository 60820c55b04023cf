import type { Feature } from '../schemas';
import type { KindDescriptor } from './descriptor';
import { excerpt, orMissing, present } from './text';

/** A feature: what it is for, and the status reported for it. */
export const feature: KindDescriptor<'feature'> = {
  label: 'Feature',
  text: (entry) => String(entry.item.title ?? entry.id),
  summary: ({ item }) => [excerpt(orMissing(item.title, 'title')), ...present(item.reported && `reported ${item.reported.status}${progress(item.reported, ' ')}`)],
  state: ({ item }) => present(item.reported && `reported ${item.reported.status}`),
  quote: ({ item }) => item.title,
  fields: ({ item }) => [
    ['Reported', item.reported && `${item.reported.status}${progress(item.reported, ', ')}${item.reported.source ? ` (${item.reported.source})` : ''}`],
    ['Goal', item.direction?.goal],
    ['For', item.direction?.for?.join(', ')],
    ['Owners', item.owners?.join(', ')],
  ],
};

/** " 85%" after the status, or nothing when no progress is reported. */
function progress(reported: NonNullable<Feature['reported']>, separator: string): string {
  return reported.progress === undefined ? '' : `${separator}${reported.progress}%`;
}
