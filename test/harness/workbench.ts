// A page object for the real VS Code workbench in Chromium: what UI tests use instead of raw selectors,
// so that when VS Code's DOM changes only this file changes. Selectors are VS Code's own class names and
// aria-labels, as a screen reader sees them.
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { waitUntil } from './waiting';

const quickInputRows = '.quick-input-widget .quick-input-list .monaco-list-row';

export class Workbench {
  constructor(readonly page: Page, private readonly screenshotDir: string) {}

  /** Waits until the workbench shows the explorer with the workspace folder. */
  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    await this.page.locator('.part.sidebar .explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** Opens a workspace file through quick open (Ctrl+P), as a user would, and waits for its tab. */
  /** Quick open, once more if the first Ctrl+P came before the workbench took keyboard input (busy machines). */
  async openFile(relativePath: string): Promise<void> {
    try {
      await this.quickOpen(relativePath);
    } catch (error) {
      console.log(`    (retrying to open ${relativePath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      await this.page.keyboard.press('Escape');
      await this.quickOpen(relativePath);
    }
  }

  private async quickOpen(relativePath: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(relativePath);
    const name = path.basename(relativePath);
    await this.page.locator(quickInputRows, { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor();
    // The tab appears before the text is rendered; wait for the first line so screenshots show it.
    await this.page.locator('.part.editor .editor-instance .monaco-editor .view-lines .view-line').first().waitFor();
  }

  /** Runs a command from the palette by its full title, e.g. 'Truthline: Refresh'. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    // F1 types the '>' of command mode; fill() replaces the whole value, so it must include it.
    const typed = `>${title}`;
    await input.fill(typed);
    await this.page.locator(quickInputRows, { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
    // Done when the palette closes, or shows the command's own prompt (same widget, new value).
    await waitUntil(`the palette closes or shows the prompt of ${title}`, async () => !(await input.isVisible()) || (await input.inputValue()) !== typed, { timeoutMs: 10_000, intervalMs: 50 });
  }

  /** Answers the quick input a command is showing (an input box or a pick list) with `text` and Enter. */
  async answerPrompt(text: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the quick input's title contains `text`, e.g. 'Raise Truth Flag (2/3)'. */
  async waitForPromptTitle(text: string): Promise<void> {
    const title = this.page.locator('.quick-input-widget .quick-input-title');
    await waitUntil(`the prompt's title says ${text}`, async () => (await title.isVisible()) && (await title.innerText()).includes(text), { timeoutMs: 30_000, intervalMs: 50 });
  }

  /** Selects whole lines `from` to `to` (1-based) of the active editor: Ctrl+G, then Shift+Down and Shift+End. */
  async selectLines(from: number, to: number): Promise<void> {
    await this.page.locator('.part.editor .monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor();
    await this.page.keyboard.type(String(from));
    await this.page.keyboard.press('Enter');
    const statusBar = this.page.locator('.part.statusbar');
    await waitUntil(`the cursor is on line ${from}`, async () => new RegExp(`Ln ${from}, Col 1\\b`).test(await statusBar.innerText()), { timeoutMs: 30_000, intervalMs: 50 });
    for (let line = from; line < to; line++) await this.page.keyboard.press('Shift+ArrowDown');
    await this.page.keyboard.press('Shift+End');
    await waitUntil(`lines ${from}-${to} are selected`, async () => new RegExp(`Ln ${to}, Col \\d+ \\(\\d+ selected\\)`).test(await statusBar.innerText()), { timeoutMs: 30_000, intervalMs: 50 });
  }

  /** The notification toast that contains `text` (toasts show without the smoke-test driver, as in the UI layer). */
  toast(text: string): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  }

  /**
   * Waits until a toast has finished sliding and fading in (0.3 s in VS Code; at once with reduced motion),
   * so that a screenshot shows it whole: its computed opacity is 1 and it is no longer moved.
   */
  async toastFadedIn(toast: Locator): Promise<void> {
    type Style = { opacity: string; transform: string };
    await waitUntil('the notification has faded in', () => toast.evaluate((element) => {
      const style = (globalThis as unknown as { getComputedStyle(element: unknown): Style }).getComputedStyle(element);
      return style.opacity === '1' && style.transform === 'none';
    }), { timeoutMs: 10_000, intervalMs: 50 });
  }

  /** Clicks the activity bar item whose aria-label starts with `label` (a view container's title). */
  async clickActivityBarItem(label: string): Promise<void> {
    await this.page.locator(`.part.activitybar [aria-label^="${label}"]`).first().click();
  }

  /** The side bar's title, e.g. 'EXPLORER' or a view container's title. */
  async sideBarTitle(): Promise<string> {
    return (await this.page.locator('.part.sidebar .composite.title .title-label').first().innerText()).trim();
  }

  /** The titles of the side bar's sections (in the explorer, the first is the workspace folder's name). */
  async sideBarSections(): Promise<string[]> {
    return this.texts('.part.sidebar .pane-header .title');
  }

  /** The visible rows of the side bar's lists and trees, as text. */
  async sidebarRows(): Promise<string[]> {
    return this.texts('.part.sidebar .monaco-list-row');
  }

  /** Waits until a side bar row contains `text`, and returns every row's text. */
  async waitForSidebarRow(text: string): Promise<string[]> {
    await this.page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first().waitFor();
    return this.sidebarRows();
  }

  /** The texts of the CodeLenses in the visible editors. */
  async codeLensTexts(): Promise<string[]> {
    return this.texts('.monaco-editor .codelens-decoration');
  }

  /**
   * The messages in the notification center. With the smoke-test driver toasts are hidden, so this
   * opens the center through its command.
   */
  async notifications(): Promise<string[]> {
    await this.runCommand('Notifications: Show Notifications');
    return this.texts('.notifications-center .notification-list-item-message');
  }

  /** Closes the editor shown as a modal over the others (the Workspace Trust editor is one) by its close button. */
  async closeModalEditor(): Promise<void> {
    const modal = this.page.locator('.part.editor.modal-editor-part');
    await modal.locator('.modal-editor-header .action-label[aria-label^="Close Modal Editor"]').click();
    await modal.waitFor({ state: 'hidden' });
  }

  /** The file name of the active editor tab. */
  async activeEditorTitle(): Promise<string> {
    return (await this.page.locator('.tabs-container .tab.active').first().getAttribute('data-resource-name')) ?? '';
  }

  /** Saves a screenshot as test-results/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }

  private async texts(selector: string): Promise<string[]> {
    const texts = await this.page.locator(selector).allInnerTexts();
    return texts.map((text) => text.trim()).filter((text) => text.length > 0);
  }
}
