// The truth report in the real workbench, as a lead opens it: from the palette, beside the editor, with the
// metrics, the features' reported status beside reality and the customers' words, in the theme's colours.
import * as assert from 'assert';
import type { FrameLocator, Page } from 'playwright-core';
import { workbenchWith } from '../harness/uiSession';
import { waitUntil } from '../harness/waiting';

const TIMEOUT = 60_000;

/** The report's page inside the webview (VS Code nests the content in a second frame). */
function reportFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

describe('Truth report panel', () => {
  const opened = workbenchWith('src/payments/paymentService.ts');

  it('opens from the palette beside the editor with the metrics, the features and the customers waiting', async () => {
    const workbench = opened();
    const page = workbench.page;
    // The palette lists the command once the store has set truthline:hasAlignment: ask until it does.
    await waitUntil('the palette offers Truthline: Open Truth Report', async () => {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget .quick-input-box input').fill('>Truthline: Open Truth Report');
      const offered = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Truthline: Open Truth Report' }).first()
        .waitFor({ timeout: 2_000 }).then(() => true, () => false);
      await page.keyboard.press('Escape');
      return offered;
    }, { timeoutMs: TIMEOUT });
    await workbench.runCommand('Truthline: Open Truth Report');
    const report = reportFrame(page);
    await report.locator('h1', { hasText: 'Truth report' }).waitFor({ timeout: TIMEOUT });
    const text = await report.locator('body').innerText();
    for (const expected of ['Metrics', 'Features: reported vs reality', 'payments', 'Milestone gates', 'Customers waiting for a decision']) {
      assert.ok(text.includes(expected), `the report shows "${expected}"`);
    }
    // The workspace copy has a dated git history of .alignment/: the trend is drawn once git has been read.
    await report.locator('#trend-table').waitFor({ timeout: TIMEOUT });
    assert.ok(!(await report.locator('body').innerText()).includes('No trend'), 'the panel shows the trend read from git');
    await workbench.screenshot('truth-report-panel');
    await report.locator('#trend').scrollIntoViewIfNeeded();
    await workbench.screenshot('truth-report-trend');
  });
});
