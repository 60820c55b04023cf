// Integration tests wait on conditions, never on fixed sleeps: the extension host answers at its own pace.

/** Polls until `read` gives a value `done` accepts; returns the last value either way, for the assertion. */
export async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
