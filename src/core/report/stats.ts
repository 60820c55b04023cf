// The two shapes every metric takes: a share of a set (null when the set is empty: "n/a", never NaN), and
// durations in days with their median.

export interface Rate {
  /** count ÷ of, from 0 to 1; null when `of` is 0. */
  value: number | null;
  count: number;
  of: number;
}

export function rate(count: number, of: number): Rate {
  return { value: of === 0 ? null : count / of, count, of };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
