// `npm run test:ui`: drives the real VS Code workbench in Chromium with the packaged extension installed
// the way a user installs it. Runs every out/test/ui/**/*.test.js with mocha, in this process, sharing
// one code-server and one browser (uiSession.ts). Build, package and compile first (the npm script does).
// TRUTHLINE_UI_TESTS=<words> runs only some files (see selected()).
import * as fs from 'fs';
import * as path from 'path';
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
import { extensionHosts } from './leftovers';
import { openWorkbenches, type RestrictedServer, type Server, setUiSession } from './uiSession';

/** TRUTHLINE_UI_TESTS=restricted,flags runs only the test files whose names contain one of the words. */
function selected(file: string): boolean {
  const words = (process.env.TRUTHLINE_UI_TESTS ?? '').split(',').map((word) => word.trim()).filter(Boolean);
  return words.length === 0 || words.some((word) => path.basename(file).includes(word));
}

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
  const runs = [run];
  installExtension(install, run, vsixFile);
  const server = await startCodeServer({ install, run });
  // Restricted Mode needs workspace trust on, which is a server's setting: a second code-server, started
  // only when a test asks for it (about 2 s), on a run folder of its own.
  let restricted: Promise<RestrictedServer> | undefined;
  const startRestricted = async (): Promise<RestrictedServer> => {
    const trustRun = createRunFolder('ui-restricted', { workspaceTrust: true });
    runs.push(trustRun);
    installExtension(install, trustRun, vsixFile);
    return {
      server: await startCodeServer({ install, run: trustRun }),
      workspace: copyExampleWorkspace(trustRun),
      extensionHosts: () => extensionHosts(trustRun.env.HOME ?? ''),
    };
  };
  // The browser's extension host needs its user setting before the page opens: a server of its own too.
  let browserHost: Promise<Server> | undefined;
  const startBrowserHost = async (): Promise<Server> => {
    const webRun = createRunFolder('ui-web', { browserHost: true });
    runs.push(webRun);
    installExtension(install, webRun, vsixFile);
    return { server: await startCodeServer({ install, run: webRun }), workspace: copyExampleWorkspace(webRun) };
  };
  setUiSession({
    browser: await launchBrowser(install, run),
    server,
    workspace: copyExampleWorkspace(run),
    restricted: () => (restricted ??= startRestricted()),
    browserHost: () => (browserHost ??= startBrowserHost()),
  });

  // One retry: a real browser driving a real workbench on a small, busy machine now and then misses a
  // frame or a focus change. Every retry is printed with its first error, so flakiness stays visible.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, slow: 10_000, retries: 1 });
  mocha.rootHooks({ afterEach: screenshotOnFailure });
  for (const file of testFiles(uiTests).filter(selected)) mocha.addFile(file);
  const retried: string[] = [];
  const result = await new Promise<ReturnType<typeof collectResults>>((resolve) => {
    const runner = mocha.run(() => resolve(collected));
    const collected = collectResults(runner);
    runner.on('retry', (test: Mocha.Test, error: unknown) => {
      retried.push(test.fullTitle());
      console.log(`    RETRIED ${test.fullTitle()}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    });
  });
  if (retried.length > 0) console.log(`ui: ${retried.length} test(s) passed or failed only on a retry: ${retried.join('; ')}`);
  return finishLayer('ui', runs, result, 0);
});
