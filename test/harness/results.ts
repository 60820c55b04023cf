// One shape for every test layer's outcome, so the orchestrator can add layers up without parsing
// reporter output. Used by the unit reporter, the suite inside the extension host and the UI runner.
import * as fs from 'fs';
import * as path from 'path';
import type { Runner, Test } from 'mocha';

export interface Failure {
  readonly title: string;
  readonly message: string;
}

export interface LayerResult {
  passed: number;
  failed: number;
  failures: Failure[];
}

/** Environment variable naming the JSON file a layer writes its LayerResult to. */
export const RESULTS_FILE_ENV = 'TRUTHLINE_RESULTS_FILE';

/** Collects passes and failures as mocha reports them; read it after the runner's 'end'. */
export function collectResults(runner: Runner): LayerResult {
  const result: LayerResult = { passed: 0, failed: 0, failures: [] };
  runner.on('pass', () => { result.passed++; });
  // 'fail' also fires for hooks; a failing hook is a failure even though no test ran.
  runner.on('fail', (test: Test, error: unknown) => {
    result.failed++;
    result.failures.push({ title: test.fullTitle(), message: error instanceof Error ? error.message : String(error) });
  });
  return result;
}

export function writeResults(file: string, result: LayerResult): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
}

/** Reads a results file; undefined when the layer never got far enough to write one. */
export function readResults(file: string): LayerResult | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LayerResult;
}
