// Small pieces the kind descriptors share: a missing field said as missing, excerpts, optional parts.
import type { CardField, FieldPair } from './descriptor';

const EXCERPT_LENGTH = 40;

/**
 * A required field as shown: an item that breaks the format is kept without the fields that were wrong,
 * and says so where the value would be, instead of an invented value or an empty space.
 */
export function orMissing(value: string | undefined, field: string): string {
  return value ?? `(no ${field})`;
}

/** The first `max` characters of a text on one line, cut at a word and marked with an ellipsis. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The parts that are there: neither missing, empty nor false. */
export function present(...values: (string | undefined | false)[]): string[] {
  return values.filter((value): value is string => typeof value === 'string' && value !== '');
}

/** A request's quote in quotation marks, shortened by `cut`, or said to be missing. */
export function quoted(quote: string | undefined, cut: (text: string) => string): string {
  return quote === undefined ? orMissing(undefined, 'quote') : `“${cut(quote)}”`;
}

/** The card fields that have a value, in order. */
export function cardFields(pairs: readonly FieldPair[]): CardField[] {
  return pairs.filter(([, value]) => value !== undefined && value !== '').map(([label, value]) => ({ label, value: String(value) }));
}
