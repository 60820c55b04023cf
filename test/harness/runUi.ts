// `npm run test:ui`: drives the real VS Code workbench in Chromium with the packaged extension installed
// the way a user installs it. Runs every out/test/ui/**/*.test.js with mocha, in this process, sharing
// one code-server and one browser (uiSession.ts). Build, package and compile first (the npm script does).
import * as fs from 'fs';
import Mocha from 'mocha';
import { launchBrowser } from './browser';
import { runMain } from './cleanup';
import { installExtension, startCodeServer } from './codeServer';
import { installVsCode } from './install';
import { finishLayer } from './layer';
import { testFiles, uiTests, vsixFile } from './paths';
import { collectResults } from './results';
import { createRunFolder } from './runFolder';
import { copyExampleWorkspace } from './workspaceCopy';
import { openWorkbenches, setUiSession } from './uiSession';

/** A screenshot of every open workbench when a test fails: often the quickest way to see why. */
async function screenshotOnFailure(this: Mocha.Context): Promise<void> {
  const test = this.currentTest;
  if (test?.state !== 'failed') return;
  const name = test.fullTitle().replace(/[^\w-]+/g, '-').toLowerCase();
  for (const [index, workbench] of openWorkbenches().entries()) {
    console.log(`    screenshot: ${await workbench.screenshot(`failed-${name}${index ? `-${index}` : ''}`)}`);
  }
}

runMain(async () => {
  if (!fs.existsSync(vsixFile)) throw new Error(`${vsixFile} is missing: run npm run package first`);
  const install = installVsCode();
  const run = createRunFolder('ui');
  installExtension(install, run, vsixFile);
  const server = await startCodeServer({ install, run });
  setUiSession({ browser: await launchBrowser(install, run), server, workspace: copyExampleWorkspace(run) });

  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, slow: 10_000 });
  mocha.rootHooks({ afterEach: screenshotOnFailure });
  for (const file of testFiles(uiTests)) mocha.addFile(file);
  const result = await new Promise<ReturnType<typeof collectResults>>((resolve) => {
    const runner = mocha.run(() => resolve(collected));
    const collected = collectResults(runner);
  });
  return finishLayer('ui', run, result, 0);
});
