// The real workbench in a real browser, with the packaged extension installed, on the example repository.
import * as assert from 'assert';
import { openWorkbench } from '../harness/uiSession';
import type { Workbench } from '../harness/workbench';

describe('Workbench', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens the example repository', async () => {
    const title = await workbench.page.locator('.part.sidebar .title-label, .part.sidebar .pane-header .title').allInnerTexts();
    assert.ok(title.some((text) => /checkout-service/i.test(text)), `the explorer shows ${JSON.stringify(title)}`);
  });

  it('opens a source file through quick open', async () => {
    await workbench.openFile('src/payments/paymentService.ts');
    assert.strictEqual(await workbench.activeEditorTitle(), 'paymentService.ts');
    await workbench.screenshot('source-file-open');
  });
});
