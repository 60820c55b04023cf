// The Change Impact view in the real workbench: with a change to the Northpay client in the working tree,
// opening the view shows the customers first, the downstream teams with their owners, then the rest; and
// Current Feature marks the milestone whose go calls the change has moved past as suspect.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { expand, pane, row, rowText, tooltipOf } from '../harness/sideBarRows';
import { testWorkspace, workbenchWith } from '../harness/uiSession';
import { waitUntil } from '../harness/waiting';

const TIMEOUT = 60_000;
const CLIENT = path.join('src', 'payments', 'northpayClient.ts');

describe('Change Impact view', function () {
  this.timeout(180_000);
  const opened = workbenchWith('src/payments/northpayClient.ts');
  let original = '';

  before(() => {
    original = fs.readFileSync(path.join(testWorkspace(), CLIENT), 'utf8');
    fs.writeFileSync(path.join(testWorkspace(), CLIENT), `${original}// A change on the branch.\n`);
  });

  after(() => {
    fs.writeFileSync(path.join(testWorkspace(), CLIENT), original);
  });

  it('shows what the working tree\'s change touches, customers first, downstream owners named', async () => {
    const workbench = opened();
    const page = workbench.page;
    const header = page.locator('.part.sidebar .pane-header[aria-label^="Change Impact"]');
    if (!(await header.isVisible())) await workbench.clickActivityBarItem('Truthline');
    await header.waitFor({ timeout: TIMEOUT });
    // Collapsed until opened: a click on its title opens it.
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = page.locator('.part.sidebar .pane:has(.pane-header[aria-label^="Change Impact"])');
    const rows = pane.locator('.monaco-list-row');
    await waitUntil('the view lists the customers', async () => (await rows.first().innerText().catch(() => '')).startsWith('Customers'), { timeoutMs: TIMEOUT, intervalMs: 200 });
    const texts = await rows.allInnerTexts();
    assert.ok(texts.some((text) => text.includes('Nordlicht Coworking GmbH')), JSON.stringify(texts));
    assert.ok(texts.some((text) => text.startsWith('Downstream teams')), JSON.stringify(texts));
    const message = pane.locator('.message').first();
    await waitUntil('the message names the change', async () => /1 changed file against merge-base with main/.test(await message.innerText().catch(() => '')), { timeoutMs: 15_000, intervalMs: 200 });
    // The other two views folded for the picture, so the whole impact shows; unfolded again after it.
    const others = ['Current Feature', 'All Features'].map((name) => page.locator(`.part.sidebar .pane-header[aria-label^="${name}"]`));
    const fold = async (expanded: 'true' | 'false'): Promise<void> => {
      for (const other of others) if ((await other.getAttribute('aria-expanded')) !== expanded) await other.click();
    };
    await fold('false');
    await waitUntil('the downstream teams show', async () => (await rows.allInnerTexts()).some((text) => text.includes('checkout-api')), { timeoutMs: TIMEOUT, intervalMs: 200 });
    await page.mouse.move(900, 600);
    await workbench.screenshot('impact-view');
    await fold('true');
  });

  it('marks the milestone whose go calls the change moved past as suspect, and says why in its tooltip', async () => {
    const workbench = opened();
    const page = workbench.page;
    // Only Current Feature open, so its rows have the room.
    for (const [name, expanded] of [['Change Impact', 'false'], ['All Features', 'false'], ['Current Feature', 'true']] as const) {
      const header = page.locator(`.part.sidebar .pane-header[aria-label^="${name}"]`);
      if ((await header.getAttribute('aria-expanded')) !== expanded) await header.click();
    }
    await expand(page, 'Current Feature', /^Milestones/);
    const m1 = row(page, 'Current Feature', /^M1/);
    await waitUntil('M1 is marked suspect', async () => (await rowText(m1).catch(() => '')).includes('suspect'), { timeoutMs: TIMEOUT, intervalMs: 200 });
    assert.strictEqual(await m1.locator('.codicon-history').count(), 1, 'the suspect icon');
    const hover = await tooltipOf(page, m1, 'Suspect');
    assert.match(await hover.innerText(), /M1 says "Security: go" since 2026-08-24[\s\S]*northpayClient\.ts \(uncommitted/);
    await workbench.screenshot('suspect-rows');
    await page.mouse.move(900, 600);
    await pane(page, 'Current Feature').waitFor();
  });
});
