// CodeLens and comment tags in the real workbench, as a user meets them: the lens above a module names the
// customers it serves, a click lists their words, choosing one opens its YAML; tags are highlighted and
// hovering one shows the item.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { workbenchWith } from '../harness/uiSession';
import { waitFor } from '../harness/waiting';
import type { Workbench } from '../harness/workbench';

const TIMEOUT = 60_000;
const quickPickRows = '.quick-input-widget .quick-input-list .monaco-list-row';

/** The editor's rendered line holding `text`. */
function line(page: Page, text: string) {
  return page.locator('.part.editor .monaco-editor .view-lines .view-line', { hasText: text }).first();
}

describe('CodeLens in the workbench', () => {
  const opened = workbenchWith('src/payments/paymentService.ts');
  let workbench: Workbench;
  let page: Page;

  before(() => {
    workbench = opened();
    page = workbench.page;
  });

  it('shows above the module whose customer requests it serves, and above each tag its item', async () => {
    const moduleLens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'Serves Nordlicht Coworking GmbH' }).first();
    await moduleLens.waitFor({ timeout: TIMEOUT });
    const lenses = await workbench.codeLensTexts();
    // One line above the header: the module lens, then its other tags' items, compact (VS Code draws a line's
    // lenses in one decoration, separated by bars).
    assert.ok(lenses[0]?.startsWith('Serves Nordlicht Coworking GmbH (CR-101) · Café Mireille SARL (CR-102)'), JSON.stringify(lenses));
    assert.ok(lenses[0]?.includes('M2 1 no-go') && lenses[0].includes('A-2 invalidated'), JSON.stringify(lenses));
    // The open flag's anchored lines (30-32) carry a flag in the gutter (Monaco draws glyph-margin decorations as .cgmr).
    const gutterFlags = (): Promise<number> => page.evaluate<number>("[...document.querySelectorAll('.monaco-editor .cgmr')].filter((mark) => getComputedStyle(mark).backgroundImage.includes('flag-gutter')).length");
    await waitFor('the anchored lines carry gutter flags', gutterFlags, (count) => count > 0, { timeoutMs: TIMEOUT });
    assert.strictEqual(await gutterFlags(), 3, 'one gutter flag per anchored line');
    await workbench.screenshot('codelens-module-and-tags');
  });

  it('highlights the tags in comments with their own tokens', async () => {
    // Without the injection grammar the whole comment is one token; with it, the keyword and each id are their own.
    const tagLine = line(page, '@serves CR-101, CR-102');
    await tagLine.waitFor({ timeout: TIMEOUT });
    const tokens = await tagLine.locator('span > span').evaluateAll((spans) => spans.map((span) => ({ text: span.textContent ?? '', className: span.className })));
    const keyword = tokens.find((token) => token.text === '@serves');
    const id = tokens.find((token) => token.text === 'CR-101');
    const comment = tokens.find((token) => token.text.startsWith('//'));
    assert.ok(keyword && id && comment, JSON.stringify(tokens));
    assert.notStrictEqual(keyword.className, comment.className, 'the keyword is coloured apart from the comment');
    assert.notStrictEqual(id.className, comment.className, 'the id is styled apart from the comment');
  });

  it('shows the item as a card when hovering a tag id', async () => {
    await line(page, '@serves CR-101, CR-102').locator('span > span', { hasText: /^CR-101$/ }).hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Request CR-101' }).first();
    await hover.waitFor({ timeout: TIMEOUT });
    const text = await hover.innerText();
    assert.ok(text.includes('Since last week about half of our orders fail'), text);
    assert.ok(text.includes('Open .alignment/requests/nordlicht-coworking.yaml'), text);
    await workbench.screenshot('tag-hover-card');
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
  });

  it('lists the requests with their words when the module lens is clicked, and opens the chosen one', async () => {
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Serves Nordlicht Coworking GmbH' }).first().click();
    await page.locator(quickPickRows).first().waitFor({ timeout: TIMEOUT });
    const rows = (await page.locator(quickPickRows).allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    assert.strictEqual(rows.length, 2, JSON.stringify(rows));
    assert.ok(rows[0]?.includes('Nordlicht Coworking GmbH') && rows[0].includes('CR-101') && rows[0].includes('2026-10-21') && rows[0].includes('in-progress'), rows[0]);
    assert.ok(rows[0]?.includes('“Since last week about half of our orders fail'), rows[0]);
    assert.ok(rows[1]?.includes('Café Mireille SARL') && rows[1].includes('CR-102'), rows[1]);
    await workbench.screenshot('codelens-request-quick-pick');
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active[data-resource-name="nordlicht-coworking.yaml"]').waitFor({ timeout: TIMEOUT });
    assert.strictEqual(await workbench.activeEditorTitle(), 'nordlicht-coworking.yaml');
    await workbench.screenshot('codelens-request-opened');
  });
});
