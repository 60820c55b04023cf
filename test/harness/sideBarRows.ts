// The rows of the side bar's tree views as a person sees them, read from the DOM: a view's rows, their
// text (label and description), one row by its text, and expanding a row by its twistie.
import type { Locator, Page } from 'playwright-core';
import { waitUntil } from './waiting';

const PATIENTLY = { timeoutMs: 60_000, intervalMs: 100 };

/** One view (pane) of the side bar, found by its title. */
export function pane(page: Page, view: string): Locator {
  return page.locator(`.part.sidebar .pane:has(.pane-header[aria-label^="${view}"])`);
}

export function rows(page: Page, view: string): Locator {
  return pane(page, view).locator('.monaco-list-row');
}

/** Each row as "label description", read from the DOM (the side bar may be too narrow to show all of it). */
export async function rowTexts(page: Page, view: string): Promise<string[]> {
  return rows(page, view).evaluateAll((elements) => elements.map((element) => {
    const part = (selector: string): string => element.querySelector(selector)?.textContent?.trim() ?? '';
    return `${part('.label-name')} ${part('.label-description')}`.trim();
  }));
}

/** The data-index of the row the keyboard is on in a view (-1 when none is), as the list marks it. */
export async function focusedRowIndex(page: Page, view: string): Promise<number> {
  const focused = pane(page, view).locator('.monaco-list-row.focused');
  return (await focused.count()) > 0 ? Number(await focused.first().getAttribute('data-index')) : -1;
}

export async function rowText(target: Locator): Promise<string> {
  return target.evaluate((element) => `${element.querySelector('.label-name')?.textContent?.trim() ?? ''} ${element.querySelector('.label-description')?.textContent?.trim() ?? ''}`.trim());
}

export function row(page: Page, view: string, text: string | RegExp): Locator {
  return rows(page, view).filter({ hasText: text }).first();
}

/** Expands a row by its twistie (clicking the row would run its command). Done when its first child is drawn. */
export async function expand(page: Page, view: string, text: string | RegExp): Promise<void> {
  const target = row(page, view, text);
  await target.waitFor({ timeout: PATIENTLY.timeoutMs });
  // The views redraw when the tag index or a flag's anchor settles; a click that lands mid-redraw is lost, so
  // the twistie is clicked again while the row is still folded.
  await waitUntil(`${String(text)} shows its children`, async () => {
    if ((await target.getAttribute('aria-expanded')) !== 'true') await target.locator('.monaco-tl-twistie').click();
    const index = Number(await target.getAttribute('data-index'));
    const level = Number(await target.getAttribute('aria-level'));
    const child = pane(page, view).locator(`.monaco-list-row[data-index="${index + 1}"]`);
    return (await child.count()) > 0 && Number(await child.getAttribute('aria-level')) === level + 1;
  }, { ...PATIENTLY, intervalMs: 2_000 });
}

/**
 * Points at a row until its tooltip shows one text, and gives the tooltip. A redraw of the view (the tag index
 * or an anchor settling, a status watch firing) takes a shown tooltip away, and a mouse that stays put does not
 * bring it back: so the mouse leaves and points again.
 */
export async function tooltipOf(page: Page, target: Locator, text: string | RegExp): Promise<Locator> {
  const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: text }).first();
  await waitUntil(`the row shows its tooltip with ${String(text)}`, async () => {
    await page.mouse.move(0, 0);
    await target.hover();
    return hover.waitFor({ timeout: 3_000 }).then(() => true, () => false);
  }, PATIENTLY);
  return hover;
}
