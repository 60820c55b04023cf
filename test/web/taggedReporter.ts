// Mocha's report for the browser's extension host: spec-like lines on the console (the harness reads the
// page's console, where the web worker's console.log arrives), each tagged so it can be told from the
// workbench's own log, and at the end one tagged line holding the LayerResult as JSON.
import type { LayerResult } from '../harness/results';

/** The tag of the suite's lines, and the prefix of the line holding the results. */
export const SUITE_TAG = '[suite] ';
export const RESULTS_PREFIX = 'results: ';

const say = (line: string): void => console.log(`${SUITE_TAG}${line}`);

export class TaggedReporter {
  constructor(runner: Mocha.Runner) {
    const result: LayerResult = { passed: 0, failed: 0, failures: [] };
    let pending = 0;
    let depth = 0;
    const indent = (): string => '  '.repeat(depth);
    runner.on('suite', (suite: Mocha.Suite) => {
      if (suite.title) say(`${indent()}${suite.title}`);
      depth++;
    });
    runner.on('suite end', () => { depth--; });
    runner.on('pass', (test: Mocha.Test) => {
      result.passed++;
      say(`${indent()}✔ ${test.title}`);
    });
    runner.on('pending', (test: Mocha.Test) => {
      pending++;
      say(`${indent()}- ${test.title}`);
    });
    // 'fail' also fires for hooks; a failing hook is a failure even though no test ran.
    runner.on('fail', (test: Mocha.Test, error: unknown) => {
      result.failed++;
      const message = error instanceof Error ? error.message : String(error);
      result.failures.push({ title: test.fullTitle(), message });
      say(`${indent()}${result.failed}) ${test.title}`);
    });
    runner.on('end', () => {
      say('');
      say(`${result.passed} passing`);
      if (pending > 0) say(`${pending} pending`);
      if (result.failed > 0) say(`${result.failed} failing`);
      result.failures.forEach((failure, index) => say(`\n${index + 1}) ${failure.title}:\n${failure.message}`));
      say(`${RESULTS_PREFIX}${JSON.stringify(result)}`);
    });
  }
}
