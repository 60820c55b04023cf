// Raising a truth flag as an engineer does, in the real workbench: select the lines, run the command from
// the palette, answer the three prompts with the keyboard, and see the flag in the Current Feature view.
// Counts the keystrokes of that common case. Deletes the flag it raised.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { openWorkbench, testWorkspace } from '../harness/uiSession';
import { holdsFor, waitUntil } from '../harness/waiting';
import type { Workbench } from '../harness/workbench';

const TIMEOUT = 60_000;
/** How every wait on the workbench is paced: up to a minute, asked every 100 ms. */
const PATIENTLY = { timeoutMs: TIMEOUT, intervalMs: 100 };
const REALITY = 'Only the sandbox works: the return URL falls back to the staging host';

/** Every key the user presses, to report the cost of the common case. */
class Keyboard {
  keystrokes = 0;

  constructor(private readonly page: Page) {}

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.keystrokes++;
    }
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.keystrokes += text.length;
  }
}

function quickInput(page: Page): { title: Locator; input: Locator; rows: Locator; message: Locator } {
  const widget = page.locator('.quick-input-widget');
  return {
    title: widget.locator('.quick-input-title'),
    input: widget.locator('.quick-input-box input'),
    rows: widget.locator('.quick-input-list .monaco-list-row'),
    message: widget.locator('.quick-input-message'),
  };
}

/** A row's inline action button; hovering again until it shows (the tree may redraw under the mouse). */
async function inlineAction(row: Locator, label: string): Promise<Locator> {
  const button = row.locator(`.actions .action-label[aria-label="${label}"]`);
  await waitUntil(`the row offers ${label}`, async () => {
    await row.hover();
    return button.isVisible();
  }, PATIENTLY);
  return button;
}

async function waitForStep(page: Page, step: number, steps = 3): Promise<void> {
  const { title } = quickInput(page);
  await waitUntil(`prompt ${step}/${steps} is shown`, async () => (await title.isVisible()) && (await title.innerText()).includes(`Raise Truth Flag (${step}/${steps})`), PATIENTLY);
}

function flagFiles(): string[] {
  return fs.readdirSync(path.join(testWorkspace(), '.alignment', 'flags')).filter((name) => name.endsWith('.yaml')).sort();
}

describe('Raising a truth flag from the command palette', function () {
  // Generous: other test runs may share the machine's two cores.
  this.timeout(180_000);
  let workbench: Workbench;
  let page: Page;
  const existing = new Set<string>();

  async function selectLines30To32(keyboard: Keyboard): Promise<void> {
    await keyboard.press('Control+G');
    await quickInput(page).input.waitFor();
    await keyboard.type('30');
    await keyboard.press('Enter');
    await waitUntil('the cursor is on line 30', async () => /Ln 30, Col 1/.test(await page.locator('.part.statusbar').innerText()), PATIENTLY);
    await keyboard.press('Shift+ArrowDown', 2);
    await keyboard.press('Shift+End');
    await waitUntil('lines 30-32 are selected', async () => /Ln 32, Col \d+ \(\d+ selected\)/.test(await page.locator('.part.statusbar').innerText()), PATIENTLY);
  }

  async function runRaiseCommand(keyboard: Keyboard): Promise<void> {
    await keyboard.press('F1');
    const { input, rows } = quickInput(page);
    await input.waitFor();
    await keyboard.type('raise truth');
    await waitUntil('the command is the first match', async () => /Truthline: Raise Truth Flag/.test((await rows.first().innerText().catch(() => '')) ?? ''), PATIENTLY);
    await keyboard.press('Enter');
  }

  let raised: string | undefined;

  before(async () => {
    for (const name of flagFiles()) existing.add(name);
    workbench = await openWorkbench();
    page = workbench.page;
    await workbench.openFile('src/payments/paymentService.ts');
    await workbench.clickActivityBarItem('Truthline');
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Truth Flags' }).first().waitFor({ timeout: TIMEOUT });
  });

  after(async () => {
    for (const name of flagFiles()) if (!existing.has(name)) fs.rmSync(path.join(testWorkspace(), '.alignment', 'flags', name));
    await workbench?.close();
  });

  it('writes nothing when Escape is pressed at a prompt', async () => {
    const keyboard = new Keyboard(page);
    await page.locator('.part.editor .monaco-editor .view-lines').first().click();
    await selectLines30To32(keyboard);
    await runRaiseCommand(keyboard);
    await waitForStep(page, 1);
    await keyboard.press('Enter');
    await waitForStep(page, 2);
    await keyboard.type('half a thought');
    await keyboard.press('Escape');
    await waitUntil('the prompt is gone', async () => !(await quickInput(page).input.isVisible()), PATIENTLY);
    await holdsFor('no flag file is written', () => isDeepStrictEqual(flagFiles(), [...existing].sort()), 1_000);
    assert.deepStrictEqual(flagFiles(), [...existing].sort(), 'no file was written');
  });

  it('raises a flag on the selected lines with three prompts answered by the keyboard, and shows it in Current Feature', async () => {
    const keyboard = new Keyboard(page);
    await page.locator('.part.editor .monaco-editor .view-lines').first().click();
    await selectLines30To32(keyboard);
    const selecting = keyboard.keystrokes;
    await runRaiseCommand(keyboard);
    const opening = keyboard.keystrokes - selecting;

    await waitForStep(page, 1);
    const about = await quickInput(page).rows.allInnerTexts();
    assert.match(about[0] ?? '', /payments, the feature as a whole/, `the file's feature comes first: ${JSON.stringify(about.slice(0, 5))}`);
    assert.ok(about.some((row) => /M2: SCA switched on/.test(row)), `M2 is offered: ${JSON.stringify(about)}`);
    await workbench.screenshot('flags-raise-1-about');
    await keyboard.press('Enter');

    await waitForStep(page, 2);
    assert.match(await quickInput(page).message.innerText(), /^Reported: on track, 85% \(Weekly checkout status report, week 46, 2026-11-13\)\. What is the reality\?/);
    await keyboard.type(REALITY);
    await workbench.screenshot('flags-raise-2-reality');
    await keyboard.press('Enter');

    // Neither git nor the truthline.author setting names the user here (only the system's "root"): asked once,
    // the answer is remembered in the settings, and no later command asks again.
    const who = quickInput(page);
    await waitUntil('the one-time question who is writing', async () => (await who.title.isVisible()) && (await who.title.innerText()).includes('who is writing'), PATIENTLY);
    await workbench.screenshot('flags-raise-who');
    const beforeNaming = keyboard.keystrokes;
    await keyboard.type('Ada Tester'); // replaces the proposed system user name, which is selected
    await keyboard.press('Enter');
    const naming = keyboard.keystrokes - beforeNaming;

    await waitForStep(page, 3);
    const severities = await quickInput(page).rows.allInnerTexts();
    assert.ok(severities.some((row) => /Appear by role only: Engineer on payments/.test(row)), JSON.stringify(severities));
    assert.match(await page.locator('.quick-input-widget').innerText(), /Raised as Ada Tester/);
    await workbench.screenshot('flags-raise-3-severity');
    await keyboard.press('Enter');
    const answering = keyboard.keystrokes - selecting - opening - naming;

    await waitUntil('the prompt is gone', async () => !(await quickInput(page).input.isVisible()), PATIENTLY);
    const flagRow = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Only the sandbox works' }).first();
    await flagRow.waitFor({ timeout: TIMEOUT });
    assert.match(await flagRow.innerText(), /medium/);
    await page.locator('.part.sidebar .monaco-list-row', { hasText: /Truth Flags\s*3/ }).first().waitFor({ timeout: TIMEOUT });
    // The notification offers to open the new file; let it finish fading in before the screenshot.
    const toast = workbench.toast('Truth flag F-');
    await toast.waitFor({ timeout: TIMEOUT });
    assert.ok(await toast.locator('.monaco-button', { hasText: 'Open' }).isVisible(), 'the notification offers to open it');
    await workbench.toastFadedIn(toast);
    await workbench.screenshot('flags-raised-current-feature');

    const added = flagFiles().filter((name) => !existing.has(name));
    assert.strictEqual(added.length, 1, `one new flag file: ${JSON.stringify(added)}`);
    const flag = parse(fs.readFileSync(path.join(testWorkspace(), '.alignment', 'flags', added[0] as string), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(`${String(flag.id)}.yaml`, added[0]);
    assert.strictEqual(flag.feature, 'payments');
    assert.strictEqual(flag.about, undefined);
    assert.strictEqual(flag.reality, REALITY);
    assert.strictEqual(flag.severity, 'medium');
    assert.strictEqual(flag.status, 'open');
    assert.strictEqual(flag.raisedBy, 'Ada Tester', 'raised by the name given once');
    assert.deepStrictEqual({ ...(flag.anchor as object), text: undefined }, { path: 'src/payments/paymentService.ts', startLine: 30, endLine: 32, text: undefined });

    raised = added[0];
    console.log(`    keystrokes: ${selecting} to select lines 30-32, ${opening} to open the command (F1, "raise truth", Enter), ${answering} to answer 3 prompts (Enter, ${REALITY.length} characters of reality + Enter, Enter), and once ever ${naming} to give a name`);
  });

  it('acknowledges and then resolves the new flag from its inline actions in the tree', async () => {
    assert.ok(raised, 'the previous test raised a flag');
    const file = path.join(testWorkspace(), '.alignment', 'flags', raised);
    const flagRow = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Only the sandbox works' }).first();
    const acknowledge = await inlineAction(flagRow, 'Acknowledge Truth Flag');
    assert.ok(await flagRow.locator('.actions .action-label[aria-label="Resolve Truth Flag"]').isVisible(), 'resolve is offered beside acknowledge');
    await workbench.screenshot('flags-inline-actions');
    await acknowledge.click();
    await waitUntil('the file says acknowledged', async () => /status: acknowledged/.test(fs.readFileSync(file, 'utf8')), PATIENTLY);
    await waitUntil('the row says acknowledged', async () => /acknowledged/.test(await flagRow.innerText()), PATIENTLY);

    await (await inlineAction(flagRow, 'Resolve Truth Flag')).click();
    const id = raised.replace(/\.yaml$/, '');
    const prompt = quickInput(page);
    await prompt.input.waitFor();
    // VS Code hands a tree row to the command through the row's handle; when the view is refreshing at that
    // moment (the acknowledge above rebuilds the model more than once), the command gets no row and asks
    // which flag, as from the palette. Answer that as a user would, and say that it happened.
    await waitUntil('the note prompt or the flag picker', async () => (await prompt.title.innerText()).length > 0, PATIENTLY);
    if (!(await prompt.title.innerText()).includes(id)) {
      console.log(`    the inline action reached the command without its row (tree refreshing): picked ${id} in the flag picker`);
      await page.keyboard.type(id);
      await prompt.rows.filter({ hasText: id }).first().waitFor({ timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      await waitUntil('the note prompt', async () => (await prompt.title.innerText()).includes(id), PATIENTLY);
    }
    await page.keyboard.type('Return URL read from PUBLIC_CHECKOUT_HOST per environment.');
    await page.keyboard.press('Enter');
    await waitUntil('the file says resolved', async () => /status: resolved/.test(fs.readFileSync(file, 'utf8')), PATIENTLY);
    const flag = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.strictEqual(flag.resolution, 'Return URL read from PUBLIC_CHECKOUT_HOST per environment.');
    await page.locator('.part.sidebar .monaco-list-row', { hasText: /Truth Flags\s*2/ }).first().waitFor({ timeout: TIMEOUT });
  });

  it('raises a flag about M2 from the lightbulb on its tag, in two prompts', async () => {
    const keyboard = new Keyboard(page);
    // The source file in front, whatever the test before left there (quick open leaves the focus in it).
    await workbench.openFile('src/payments/paymentService.ts');
    await keyboard.press('Control+G');
    await quickInput(page).input.waitFor();
    await keyboard.type('4');
    await keyboard.press('Enter');
    await waitUntil('the cursor is on the @milestone tag', async () => /Ln 4, Col 1/.test(await page.locator('.part.statusbar').innerText()), PATIENTLY);
    const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Raise truth flag about M2 on line 4' }).first();
    await keyboard.press('Control+.');
    // A Ctrl+. that lands while the editor is still taking the cursor's move shows nothing; a person presses it
    // again. Said when it happens, so that a lightbulb that needs a second press every time is seen.
    if (!(await action.waitFor({ timeout: 10_000 }).then(() => true, () => false))) {
      console.log('    the lightbulb showed nothing on the first Ctrl+.: pressed again');
      await page.keyboard.press('Escape');
      await keyboard.press('Control+.');
      await action.waitFor({ timeout: TIMEOUT });
    }
    await workbench.screenshot('flags-lightbulb');
    await action.click();
    await waitForStep(page, 1, 2);
    await keyboard.type('M2 cannot hold: the security gate is no-go');
    await keyboard.press('Enter');
    await waitForStep(page, 2, 2);
    await keyboard.press('Enter');
    await waitUntil('a second flag file is written', async () => flagFiles().filter((name) => !existing.has(name)).length === 2, PATIENTLY);
    const added = flagFiles().filter((name) => !existing.has(name) && name !== raised);
    const flag = parse(fs.readFileSync(path.join(testWorkspace(), '.alignment', 'flags', added[0] as string), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(flag.about, 'M2');
    assert.strictEqual(flag.feature, 'payments');
    assert.deepStrictEqual({ ...(flag.anchor as object), text: undefined }, { path: 'src/payments/paymentService.ts', startLine: 4, endLine: 4, text: undefined });
  });
});
