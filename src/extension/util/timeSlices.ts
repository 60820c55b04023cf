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
  /** When the slice being run began. */
  private sliceStart = 0;

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

  /**
   * Runs a core generator (see core's steps.ts) to its end and returns what it returns: a job runs its steps
   * until the slice's time is spent (at least one), and the next job goes to the back of the queue.
   */
  async steps<T>(steps: Generator<void, T, void>): Promise<T> {
    for (;;) {
      const step = await this.run(() => {
        let next = steps.next();
        while (!next.done && this.now() - this.sliceStart < this.budgetMs) next = steps.next();
        return next;
      });
      if (step.done) return step.value;
    }
  }

  private async drain(): Promise<void> {
    try {
      // One timer at a time: a turn for the host between slices, not a queue of timers that run back to back.
      while (this.queue.length > 0) {
        const start = this.now();
        this.sliceStart = start;
        while (this.queue.length > 0 && this.now() - start < this.budgetMs) (this.queue.shift() as () => void)();
        if (this.queue.length > 0) await yieldToHost();
      }
    } finally {
      this.running = false;
    }
  }
}

/**
 * The extension's one queue of slices. Queues of their own (each view's rows, each folder's parses, the
 * builds, the path ties) each took a slice in the same turn of the host, one after another, so that a turn
 * held the thread for several budgets at once; one queue keeps a turn to one budget.
 */
export const hostSlices = new TimeSlices(8);
