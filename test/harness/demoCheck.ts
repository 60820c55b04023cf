// What `npm run demo` does with CI set, instead of serving until Ctrl+C: it looks at the demo it started
// the way a person would, in a browser (headless Chromium), and says whether it works. Passing means the
// workbench opened the folder and Truthline's views show it: the Truthline container in the activity bar,
// and for the example repository the payments feature in All Features and, with its service file open, in
// Current Feature. The screenshot is what a person would have seen.
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import type { CodeServer } from './codeServer';
import type { VsCodeInstall } from './install';
import { exampleWorkspace, repoRoot } from './paths';
import type { RunFolder } from './runFolder';
import { Workbench } from './workbench';

const resultsDir = path.join(repoRoot, 'test-results');
export const demoScreenshot = path.join(resultsDir, 'demo.png');
/** Each wait; generous, for a cold machine busy with other work. */
const TIMEOUT_MS = 120_000;

/** The side bar pane (view) whose header's aria-label starts with `view`. */
function pane(page: Page, view: string): Locator {
  return page.locator(`.part.sidebar .pane:has(.pane-header[aria-label^="${view}"])`);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** Checks the running demo; returns the exit code, having printed one line saying how it went. */
export async function checkDemo(install: VsCodeInstall, run: RunFolder, server: CodeServer, folder: string): Promise<number> {
  const failedShot = path.join(resultsDir, 'demo-failed.png');
  const failedLog = path.join(resultsDir, 'demo-code-server.log');
  fs.mkdirSync(resultsDir, { recursive: true });
  for (const stale of [demoScreenshot, failedShot, failedLog]) fs.rmSync(stale, { force: true });
  const browser = await launchBrowser(install, run);
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const workbench = new Workbench(page, resultsDir);
  const url = server.workbenchUrl(folder);
  const example = path.resolve(folder) === exampleWorkspace;
  let waitingFor = `the workbench at ${url}`;
  try {
    await page.goto(url, { timeout: TIMEOUT_MS });
    await workbench.ready();
    if (example) {
      waitingFor = 'src/payments/paymentService.ts to open';
      await workbench.openFile('src/payments/paymentService.ts');
    }
    waitingFor = 'the Truthline container in the activity bar';
    await workbench.clickActivityBarItem('Truthline');
    // Off the activity bar at once, so its hover is gone when the screenshot is taken.
    await page.mouse.move(1200, 450);
    waitingFor = 'the All Features view';
    await pane(page, 'All Features').locator('.pane-header').waitFor();
    if (example) {
      waitingFor = 'the payments feature in All Features';
      await pane(page, 'All Features').locator('.monaco-list-row', { hasText: /^payments/ }).first().waitFor();
      waitingFor = 'the payments feature in Current Feature';
      await pane(page, 'Current Feature').locator('.monaco-list-row', { hasText: /^payments/ }).first().waitFor();
    }
    await workbench.screenshot(path.basename(demoScreenshot, '.png'));
  } catch (error) {
    await page.screenshot({ path: failedShot }).catch((shotError: unknown) => console.error(`no screenshot: ${firstLine(shotError)}`));
    fs.copyFileSync(server.log, failedLog); // the run folder holding it is removed on exit
    console.error(`\nThe demo does NOT work: gave up waiting for ${waitingFor} (${firstLine(error)}).`);
    console.error(`See ${path.relative(repoRoot, failedShot)} and ${path.relative(repoRoot, failedLog)}.`);
    return 1;
  }
  const shown = example ? 'the example\'s features in the Truthline views' : 'the Truthline views';
  console.log(`\nThe demo works: the workbench shows ${shown}; screenshot: ${path.relative(repoRoot, demoScreenshot)}`);
  return 0;
}
