// The one way tests wait: on a condition, polled, with a deadline and a message that says what was awaited.
// Integration tests (inside the extension host, through test/integration/waiting.ts), UI tests and the
// harness all use it; no test sleeps for a fixed time and hopes. Plain Node: no vscode, no Playwright.

export interface WaitOptions {
  /** How long to wait before failing; 15 s unless told. */
  readonly timeoutMs?: number;
  /** How often to ask again; 100 ms unless told (a test that measures latency asks more often). */
  readonly intervalMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_INTERVAL_MS = 100;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function duration(ms: number): string {
  return ms >= 1_000 && ms % 1_000 === 0 ? `${ms / 1_000} s` : `${ms} ms`;
}

/** The last value read, short enough for a failure message; nothing for a plain yes/no. */
function last(value: unknown): string {
  if (typeof value === 'boolean') return '';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value); // a cycle or a BigInt: the plain string form says enough
  }
  return `; last: ${text.length > 500 ? `${text.slice(0, 500)}…` : text}`;
}

/**
 * Reads until `done` accepts the value, and returns that value (for the assertions after it). Fails after the
 * timeout with "timed out after … waiting until <what>; last: <value>". An error thrown by `read` ends the wait.
 */
export async function waitFor<T>(what: string, read: () => T | PromiseLike<T>, done: (value: T) => boolean, options: WaitOptions = {}): Promise<T> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = DEFAULT_INTERVAL_MS } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${duration(timeoutMs)} waiting until ${what}${last(value)}`);
    await pause(intervalMs);
  }
}

/** Waits until `condition` holds; fails after the timeout with "timed out after … waiting until <what>". */
export async function waitUntil(what: string, condition: () => boolean | PromiseLike<boolean>, options: WaitOptions = {}): Promise<void> {
  await waitFor(what, condition, (holds) => holds, options);
}

/**
 * The negative wait: checks that `condition` holds now and keeps holding for `forMs` (what something started
 * in the background gets as time to go wrong). Fails as soon as it does not, saying when.
 */
export async function holdsFor(what: string, condition: () => boolean | PromiseLike<boolean>, forMs: number, options: Pick<WaitOptions, 'intervalMs'> = {}): Promise<void> {
  const { intervalMs = DEFAULT_INTERVAL_MS } = options;
  const start = Date.now();
  const end = start + forMs;
  for (;;) {
    if (!(await condition())) throw new Error(`${what}: no longer true after ${Date.now() - start} ms (it was to hold for ${duration(forMs)})`);
    const left = end - Date.now();
    if (left <= 0) return;
    await pause(Math.min(intervalMs, left));
  }
}
