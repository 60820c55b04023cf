// The packaged extension (dist/truthline.vsix), installed the way a user installs it, is in the workbench.
import * as assert from 'assert';
import { openWorkbench } from '../harness/uiSession';
import type { Workbench } from '../harness/workbench';

describe('Packaged extension', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('is listed among the installed extensions', async () => {
    // The Extensions view by its own shortcut: "Extensions: Show Installed Extensions" is registered late
    // in this web workbench and is sometimes not in the palette yet when the test types it.
    await workbench.page.keyboard.press('Control+Shift+X');
    const rows = await workbench.waitForSidebarRow('Truthline');
    assert.ok(rows.some((row) => row.startsWith('Truthline\n')), `installed extensions: ${JSON.stringify(rows)}`);
    await workbench.screenshot('installed-extensions');
  });
});
