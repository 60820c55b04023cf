// Every kind's descriptor, by kind: the one place that says how an item reads as text.
import type { LoadedItem } from '../load';
import type { Kind } from '../schemas';
import { assumption } from './assumption';
import { decision } from './decision';
import type { CardField, KindDescriptor, SummaryOptions } from './descriptor';
import { feature } from './feature';
import { flag } from './flag';
import { milestone } from './milestone';
import { request } from './request';
import { risk } from './risk';
import { cardFields } from './text';

export type { CardField, FieldPair, KindDescriptor, SummaryOptions } from './descriptor';
export { excerpt, orMissing, quoted } from './text';

export const KIND_DESCRIPTORS: { readonly [K in Kind]: KindDescriptor<K> } = { feature, request, assumption, risk, milestone, decision, flag };

/** The descriptor of an item's own kind. */
export function kindOf<K extends Kind>(entry: LoadedItem<K>): KindDescriptor<K> {
  return KIND_DESCRIPTORS[entry.kind] as KindDescriptor<K>;
}

/** What an item says, whole: a risk's risk, a request's customer and quote, or a title. */
export function itemText(entry: LoadedItem): string {
  return kindOf(entry).text(entry);
}

/** One line: the kind and id, then what decides how much it matters (status, likelihood × impact, gates). */
export function oneLineSummary(entry: LoadedItem, options: SummaryOptions = {}): string {
  const kind = kindOf(entry);
  return [`${kind.label} ${entry.id}`, ...kind.summary(entry, options)].join(' · ');
}

/** As few words as a lens above a tag needs: "A-2 invalidated", "R-1 high risk", "M2 1 no-go". */
export function compactSummary(entry: LoadedItem, options: SummaryOptions = {}): string {
  const state = kindOf(entry).state(entry, options);
  return state.length > 0 ? `${entry.id} ${state.join(', ')}` : entry.id;
}

/** An item as a hover card: a heading, the words that matter most (a quote, a statement), then fields. */
export interface ItemCard {
  heading: string;
  /** Someone's own words or the item's main statement, shown as a quote. */
  quote?: string;
  fields: CardField[];
}

export function itemCard(entry: LoadedItem, options: SummaryOptions = {}): ItemCard {
  const kind = kindOf(entry);
  return { heading: `${kind.label} ${entry.id}`, quote: kind.quote(entry), fields: cardFields(kind.fields(entry, options)) };
}
