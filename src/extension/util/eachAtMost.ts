// Many reads started in one go put every request on the wire in one task, and their answers come back
// together: a folder of 400 files held the extension host for ~50 ms that way. A few at a time spreads them.

/** Runs `job` on every item in order, at most `limit` at once; rejects as Promise.all does. */
export async function eachAtMost<T>(items: readonly T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await job(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
