// Truthline's view container sits in the activity bar and opens in the side bar.
import * as assert from 'assert';
import { openWorkbench } from '../harness/uiSession';
import type { Workbench } from '../harness/workbench';

describe('Activity bar', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens the Truthline container in the side bar', async () => {
    await workbench.clickActivityBarItem('Truthline');
    assert.match(await workbench.sideBarTitle(), /truthline/i);
    await workbench.screenshot('truthline-container');
  });
});
