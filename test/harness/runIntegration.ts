// `npm run test:integration`: the mocha suite in test/integration, inside the extension host of a real
// VS Code (code-server), on the example repository. Build and compile first (the npm script does).
// Three runs, one VS Code each: the suite with workspace trust off (as most users work); the tests in
// test/integration/restricted/ with trust on and the workspace untrusted, in Restricted Mode; and the
// browser suite (test/web: the tests that apply, bundled for a web worker) with Truthline in the browser's
// extension host, as on vscode.dev and github.dev.
// TRUTHLINE_INTEGRATION_RUNS=trusted,restricted,web (any of them) chooses the runs.
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { runMain } from './cleanup';
import { startCodeServer } from './codeServer';
import { runInExtensionHost } from './extensionHostRun';
import { installVsCode, type VsCodeInstall } from './install';
import { finishLayer } from './layer';
import { integrationSuite, repoRoot, RESTRICTED_SUITE_ENV, webSuite } from './paths';
import { copyExampleWorkspace, TEST_WORKSPACE_ENV } from './workspaceCopy';
import { type LayerResult, readResults, RESULTS_FILE_ENV, writeResults } from './results';
import { RESULTS_PREFIX } from '../web/taggedReporter';
import { createRunFolder, type RunFolder } from './runFolder';

const RUNS_ENV = 'TRUTHLINE_INTEGRATION_RUNS';

interface SuiteRun {
  readonly run: RunFolder;
  readonly result: LayerResult | undefined;
  readonly exitCode: number;
}

async function runSuite(install: VsCodeInstall, browser: () => Promise<Browser>, run: RunFolder, restricted: boolean): Promise<SuiteRun> {
  const suiteResults = path.join(run.root, 'suite-results.json');
  const workspace = copyExampleWorkspace(run);
  const server = await startCodeServer({ install, run, testDriver: true });
  try {
    const exitCode = await runInExtensionHost(await browser(), server, {
      folder: workspace,
      extensionPath: repoRoot,
      suitePath: run.browserHost ? webSuite : integrationSuite,
      env: { [RESULTS_FILE_ENV]: suiteResults, [TEST_WORKSPACE_ENV]: workspace, ...(restricted ? { [RESTRICTED_SUITE_ENV]: '1' } : {}) },
      timeoutMs: 180_000,
      // A web worker writes no files: the browser suite's results come as its last tagged line.
      onOutput: (line) => (line.startsWith(RESULTS_PREFIX) ? writeResults(suiteResults, JSON.parse(line.slice(RESULTS_PREFIX.length)) as LayerResult) : console.log(line)),
      workbenchLog: path.join(run.root, 'workbench.log'),
      browserHost: run.browserHost,
    });
    return { run, result: readResults(suiteResults), exitCode };
  } finally {
    await server.stop();
  }
}

/** The runs as one layer: counts add up, and a run that reported nothing or exited badly fails it. */
function combined(runs: readonly SuiteRun[]): { result: LayerResult; exitCode: number } {
  const result: LayerResult = { passed: 0, failed: 0, failures: [] };
  for (const { run, result: each, exitCode } of runs) {
    const label = run.workspaceTrust ? 'Restricted Mode run' : run.browserHost ? 'browser extension host run' : 'integration run';
    if (!each || each.passed + each.failed === 0) {
      result.failed++;
      result.failures.push({ title: label, message: `ran no tests (exit code ${exitCode})` });
      continue;
    }
    result.passed += each.passed;
    result.failed += each.failed;
    result.failures.push(...each.failures);
    if (exitCode !== 0 && each.failed === 0) {
      result.failed++;
      result.failures.push({ title: label, message: `ended with exit code ${exitCode} without a failing test` });
    }
  }
  return { result, exitCode: result.failed === 0 ? 0 : 1 };
}

runMain(async () => {
  const wanted = (process.env[RUNS_ENV] ?? 'trusted,restricted,web').split(',').map((name) => name.trim());
  const install = installVsCode();
  const folders: RunFolder[] = [];
  const runs: SuiteRun[] = [];
  // One Chromium for all runs, started with the first run folder's environment.
  let browser: Promise<Browser> | undefined;
  const sharedBrowser = (run: RunFolder) => (): Promise<Browser> => (browser ??= launchBrowser(install, run));
  if (wanted.includes('trusted')) {
    const run = createRunFolder('integration');
    folders.push(run);
    runs.push(await runSuite(install, sharedBrowser(run), run, false));
  }
  if (wanted.includes('restricted')) {
    const run = createRunFolder('restricted', { workspaceTrust: true });
    folders.push(run);
    console.log('\n  Restricted Mode: workspace trust on, the workspace untrusted');
    runs.push(await runSuite(install, sharedBrowser(run), run, true));
  }
  if (wanted.includes('web')) {
    const run = createRunFolder('web', { browserHost: true });
    folders.push(run);
    console.log('\n  The browser\'s extension host: Truthline in a web worker, without Node (as on vscode.dev)');
    runs.push(await runSuite(install, sharedBrowser(run), run, false));
  }
  const { result, exitCode } = combined(runs);
  return finishLayer('integration', folders, result, exitCode);
});
