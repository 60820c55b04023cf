// What a kind of item is, as plain text: its name, the words that say what an item is, the one-line
// summary and the card. One descriptor per kind (./<kind>.ts); the editor adds icons and its own
// localised rows in src/extension/workspace/kinds/. Nothing here is markup: whoever renders it escapes it.
import type { LoadedItem } from '../load';
import type { Kind } from '../schemas';

export interface SummaryOptions {
  /** Whether a flag's anchored lines have changed since it was raised; unknown when not given. */
  isDrifted?: (flag: LoadedItem<'flag'>) => boolean;
}

export interface CardField {
  label: string;
  value: string;
}

/** A card's field as a descriptor lists it; one without a value is left out of the card. */
export type FieldPair = readonly [label: string, value: string | number | undefined];

export interface KindDescriptor<K extends Kind> {
  /** "Risk", ahead of the id in a summary or card heading. */
  readonly label: string;
  /** What the item says, whole (pickers cut it): a risk's risk, a request's customer and quote. */
  text(entry: LoadedItem<K>): string;
  /** After the kind and id, what decides how much it matters: status, likelihood × impact, gates. */
  summary(entry: LoadedItem<K>, options: SummaryOptions): string[];
  /** The fewest words after the id that still say where it stands ("invalidated", "1 no-go"): a compact lens. */
  state(entry: LoadedItem<K>, options: SummaryOptions): string[];
  /** Someone's own words or the item's main statement, the card's quote. */
  quote(entry: LoadedItem<K>): string | undefined;
  /** The card's fields, in the order shown. */
  fields(entry: LoadedItem<K>, options: SummaryOptions): FieldPair[];
}
