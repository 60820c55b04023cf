// Work written as a generator that yields between its phases: an editor runs it a step at a time, with a turn
// for its host between steps; a caller that can wait (the CLI, a test) runs it whole with runSteps.

/** Runs `steps` to the end, at once, and returns what it returns. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
