// An item's fields as the report's JSON writes them: every named key present, a missing value as null.

export function fieldsOrNull<T extends object, K extends keyof T>(item: T, keys: readonly K[]): { [P in K]-?: Exclude<T[P], undefined> | null } {
  const picked = {} as { [P in K]-?: Exclude<T[P], undefined> | null };
  for (const key of keys) picked[key] = (item[key] ?? null) as Exclude<T[K], undefined> | null;
  return picked;
}
