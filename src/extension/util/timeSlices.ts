// Work the extension host must not do in one go: many files parsed as their reads come back, each handed
// over here and run in slices of a few milliseconds, with a turn for the host (other extensions, the
// workbench's messages) between slices. Reads answered together would otherwise run every parse in one task.

/**
 * Hands the thread back to the host until its next turn. In Node a chain of setTimeout(0) whose callbacks
 * each run past a millisecond never leaves the timers phase, so the host's messages wait for the whole
 * chain; setImmediate runs after the loop has polled for them. A browser's worker has no setImmediate, and
 * there a timer is a task like any message.
 */
export function yieldToHost(): Promise<void> {
  const { setImmediate: immediate } = globalThis as { setImmediate?: (callback: () => void) => unknown };
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

export class TimeSlices {
  private readonly queue: (() => void)[] = [];
  private running = false;

  /** `budgetMs`: how long one slice may hold the thread (a single long job still runs whole). */
  constructor(private readonly budgetMs = 15, private readonly now: () => number = () => performance.now()) {}

  /** Runs `job` in a slice, in the order given. */
  run<T>(job: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        try {
          resolve(job());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      if (this.running) return;
      this.running = true;
      // Never at once: reads answered together resume one after another in the same task, each finding the
      // queue empty; started on the host's next turn, the drain sees them all and slices them.
      void yieldToHost().then(() => this.drain());
    });
  }

  /** Runs a core generator (see core's steps.ts) one step per job, to its end, and returns what it returns. */
  async steps<T>(steps: Generator<void, T, void>): Promise<T> {
    for (;;) {
      const step = await this.run(() => steps.next());
      if (step.done) return step.value;
    }
  }

  private async drain(): Promise<void> {
    try {
      // One timer at a time: a turn for the host between slices, not a queue of timers that run back to back.
      while (this.queue.length > 0) {
        const start = this.now();
        while (this.queue.length > 0 && this.now() - start < this.budgetMs) (this.queue.shift() as () => void)();
        if (this.queue.length > 0) await yieldToHost();
      }
    } finally {
      this.running = false;
    }
  }
}

/**
 * A pause for a loop that checks in often (every few files): it hands the thread back to the host once
 * `budgetMs` have passed since the last turn, and otherwise goes on at once.
 */
export function pauseAfter(budgetMs: number, now: () => number = () => performance.now()): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < budgetMs) return;
    await yieldToHost();
    sliceStart = now();
  };
}
