// `npm run test:integration`: the mocha suite in test/integration, inside the extension host of a real
// VS Code (code-server), on the example repository. Build and compile first (the npm script does).
import * as path from 'path';
import { launchBrowser } from './browser';
import { runMain } from './cleanup';
import { startCodeServer } from './codeServer';
import { runInExtensionHost } from './extensionHostRun';
import { installVsCode } from './install';
import { finishLayer } from './layer';
import { integrationSuite, repoRoot } from './paths';
import { copyExampleWorkspace, TEST_WORKSPACE_ENV } from './workspaceCopy';
import { readResults, RESULTS_FILE_ENV } from './results';
import { createRunFolder } from './runFolder';

runMain(async () => {
  const install = installVsCode();
  const run = createRunFolder('integration');
  const suiteResults = path.join(run.root, 'suite-results.json');
  const workspace = copyExampleWorkspace(run);
  const server = await startCodeServer({ install, run, testDriver: true });
  const browser = await launchBrowser(install, run);
  const exitCode = await runInExtensionHost(browser, server, {
    folder: workspace,
    extensionPath: repoRoot,
    suitePath: integrationSuite,
    env: { [RESULTS_FILE_ENV]: suiteResults, [TEST_WORKSPACE_ENV]: workspace },
    timeoutMs: 180_000,
    onOutput: (line) => console.log(line),
    workbenchLog: path.join(run.root, 'workbench.log'),
  });
  return finishLayer('integration', run, readResults(suiteResults), exitCode);
});
