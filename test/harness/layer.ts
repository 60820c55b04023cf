// The end of every code-server layer (integration, UI): stop what was started, prove nothing is left,
// turn the outcome into a LayerResult, print the layer's count and hand it to `npm test`.
import { runCleanups } from './cleanup';
import { killLeftovers } from './leftovers';
import { LayerResult, RESULTS_FILE_ENV, writeResults } from './results';
import { removeRunFolder, RunFolder } from './runFolder';

/**
 * `result` is what the tests reported (undefined if they never reported); `exitCode` is how the run
 * itself ended. Either one failing fails the layer, and so does a layer that ran no test at all.
 * A layer that started more than one VS Code (a second one in Restricted Mode) passes each run folder.
 */
export async function finishLayer(layer: string, run: RunFolder | readonly RunFolder[], result: LayerResult | undefined, exitCode: number): Promise<number> {
  const runs: readonly RunFolder[] = 'root' in run ? [run] : run;
  const final: LayerResult = result ?? { passed: 0, failed: 0, failures: [] };
  if (exitCode !== 0 && final.failed === 0) {
    final.failed = 1;
    final.failures.push({ title: `${layer} run`, message: `ended with exit code ${exitCode} without a failing test` });
  }
  if (final.passed + final.failed === 0) {
    final.failed = 1;
    final.failures.push({ title: `${layer} run`, message: 'ran no tests' });
  }

  await runCleanups();
  const leaked = runs.flatMap((each) => killLeftovers(each.env.HOME ?? ''));
  if (leaked.length > 0) {
    final.failed++;
    final.failures.push({ title: `${layer} cleanup`, message: `processes were still running after cleanup: ${leaked.join(', ')}` });
  }

  const file = process.env[RESULTS_FILE_ENV];
  if (file) writeResults(file, final);
  // mocha has printed the details above; one line each is enough for the summary.
  for (const failure of final.failures) console.log(`  FAILED ${failure.title}: ${failure.message.split('\n')[0]}`);
  console.log(`${layer}: ${final.passed} passed, ${final.failed} failed`);
  for (const each of runs) {
    if (final.failed === 0) removeRunFolder(each);
    else console.log(`${layer}: logs and state kept in ${each.root}`);
  }
  return final.failed === 0 ? 0 : 1;
}
