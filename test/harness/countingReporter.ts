// The unit layer's reporter: mocha's usual spec output, plus the counts written to the results file
// that `npm test` adds up (see results.ts).
import Mocha from 'mocha';
import { collectResults, RESULTS_FILE_ENV, writeResults } from './results';

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const result = collectResults(runner);
    const file = process.env[RESULTS_FILE_ENV];
    if (file) runner.once('end', () => writeResults(file, result));
  }
}

// mocha loads a reporter given by path with require() and expects the constructor itself.
export = CountingReporter;
