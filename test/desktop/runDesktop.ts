// `npm run test:desktop`: the same integration suite as test:integration, in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (and, on Linux, have a display or xvfb).
// Where the download is impossible (offline CI), it fails with a message saying so: code-server
// (`npm run test:integration`) is then the real VS Code the suite runs in.
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import * as path from 'path';
import { runMain } from '../harness/cleanup';
import { finishLayer } from '../harness/layer';
import { exampleWorkspace, integrationSuite, repoRoot } from '../harness/paths';
import { readResults, RESULTS_FILE_ENV } from '../harness/results';
import { createRunFolder, removeRunFolder } from '../harness/runFolder';

runMain(async () => {
  const run = createRunFolder('desktop');
  const suiteResults = path.join(run.root, 'suite-results.json');
  const isolated = ['HOME', 'TMPDIR', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR'];
  let exitCode: number;
  try {
    exitCode = await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: integrationSuite,
      launchArgs: [
        exampleWorkspace,
        '--user-data-dir', run.userData,
        '--extensions-dir', run.extensions,
        '--disable-extensions', // other extensions; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
      extensionTestsEnv: {
        ...Object.fromEntries(isolated.map((key) => [key, run.env[key]])),
        [RESULTS_FILE_ENV]: suiteResults,
      },
      timeout: 30_000, // idle time allowed while downloading, so an unreachable server fails quickly
    });
  } catch (error) {
    if (error instanceof TestRunFailedError) {
      exitCode = error.code ?? 1;
    } else {
      console.error(`Desktop VS Code could not be downloaded or started: ${error instanceof Error ? error.message : String(error)}`);
      console.error('This layer needs access to update.code.visualstudio.com. Without it, run the same suite in code-server: npm run test:integration');
      removeRunFolder(run); // nothing ran, nothing to inspect
      return 1;
    }
  }
  return finishLayer('desktop', run, readResults(suiteResults), exitCode);
});
