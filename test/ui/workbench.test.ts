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
    const sections = await workbench.sideBarSections();
    assert.strictEqual(sections[0]?.toLowerCase(), 'checkout-service', `explorer sections: ${JSON.stringify(sections)}`);
    const rows = await workbench.sidebarRows();
    assert.ok(rows.includes('.alignment'), `no .alignment folder among ${JSON.stringify(rows)}`);
  });

  it('opens a source file through quick open', async () => {
    await workbench.openFile('src/payments/paymentService.ts');
    assert.strictEqual(await workbench.activeEditorTitle(), 'paymentService.ts');
    await workbench.screenshot('source-file-open');
  });
});
