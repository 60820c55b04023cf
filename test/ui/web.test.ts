// Truthline in the browser's extension host, as vscode.dev and github.dev run it (code-server's web worker
// host, chosen by the user setting remote.extensionKind): the packaged extension starts without Node, the
// sidebar and the CodeLens show the example as in the desktop, and what needs git says it needs a clone.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { openBrowserHostWorkbench } from '../harness/uiSession';
import { waitUntil } from '../harness/waiting';
import type { Workbench } from '../harness/workbench';

const TIMEOUT = 60_000;
const PATIENTLY = { timeoutMs: TIMEOUT, intervalMs: 200 };

function pane(page: Page, view: string) {
  return page.locator(`.part.sidebar .pane:has(.pane-header[aria-label^="${view}"])`);
}

async function messageOf(page: Page, view: string): Promise<string> {
  return (await pane(page, view).locator('.message').first().innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
}

describe('In the browser\'s extension host (as on vscode.dev and github.dev)', function () {
  this.timeout(180_000);
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await openBrowserHostWorkbench();
    await workbench.openFile('src/payments/paymentService.ts');
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the sidebar and the CodeLens, and says in the views what needs a local clone', async () => {
    assert.ok(workbench);
    const page = workbench.page;
    const moduleLens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'Serves Nordlicht Coworking GmbH' }).first();
    await moduleLens.waitFor({ timeout: TIMEOUT });

    const header = (view: string) => page.locator(`.part.sidebar .pane-header[aria-label^="${view}"]`);
    if (!(await header('Current Feature').isVisible())) await workbench.clickActivityBarItem('Truthline');
    await header('Current Feature').waitFor({ timeout: TIMEOUT });
    await pane(page, 'Current Feature').locator('.monaco-list-row', { hasText: 'payments' }).first().waitFor({ timeout: TIMEOUT });
    await pane(page, 'All Features').locator('.monaco-list-row', { hasText: 'checkout-api' }).first().waitFor({ timeout: TIMEOUT });

    // Only the browser build says this: its git stand-in has no git (the Node build would read the history).
    await waitUntil('All Features says settled statuses go unchecked without git', async () => /Statuses are not checked against later code changes — git cannot run in the browser: this needs a local clone/.test(await messageOf(page, 'All Features')), PATIENTLY);
    // Collapsed until opened: a click on its title opens it.
    if ((await header('Change Impact').getAttribute('aria-expanded')) !== 'true') await header('Change Impact').click();
    await waitUntil('Change Impact says it needs a local clone', async () => /git cannot run in the browser: this needs a local clone/.test(await messageOf(page, 'Change Impact')), PATIENTLY);

    await page.mouse.move(900, 600);
    await workbench.screenshot('web-sidebar');
  });
});
