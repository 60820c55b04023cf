// Short forms of YAML text for one tree row; the tooltip keeps the whole text.

/**
 * Whitespace (folded YAML, newlines) collapsed to single spaces; with `max`, cut at a word boundary to at
 * most that many characters and an ellipsis.
 */
export function oneLine(text: string, max?: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (max === undefined || flat.length <= max) return flat;
  return `${flat.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** The first sentence, cut at a word boundary when longer than `max` characters. */
export function shorten(text: string, max = 60): string {
  const line = oneLine(text);
  const sentence = /^(.+?[.!?])(\s|$)/.exec(line)?.[1] ?? line;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `date` to `now`; undefined for an unreadable date or one in the future. */
export function daysSince(time: number, now: number): number | undefined {
  if (Number.isNaN(time) || time > now + DAY_MS) return undefined;
  return Math.max(0, Math.floor((now - time) / DAY_MS));
}

/** Parts of a row's description or a picker's detail joined the same way everywhere; empty parts left out. */
export function joined(...parts: (string | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(' · ');
}
