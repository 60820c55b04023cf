// Indexing the tags of a large folder in the real workbench: the status bar shows the progress at once; a
// build still going after a few seconds also shows a notification with Cancel, which stops it and says that
// the answers stay partial until it indexes again (Index Again starts it again).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { openWorkbench, testWorkspace } from '../harness/uiSession';
import type { Workbench } from '../harness/workbench';

const FOLDERS = 100;
const PER_FOLDER = 500;

describe('Tag index progress on a large folder', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let folder: string;

  before(async () => {
    // Next to this run's copy of the example repository (the run folder is removed after the run).
    folder = fs.mkdtempSync(path.join(path.dirname(testWorkspace()), 'large-'));
    fs.mkdirSync(path.join(folder, '.alignment'));
    fs.writeFileSync(path.join(folder, '.alignment', 'features.yaml'), 'kind: feature\nid: app\ntitle: The app\npaths: [src/]\n');
    for (let d = 0; d < FOLDERS; d++) {
      fs.mkdirSync(path.join(folder, 'src', `d${d}`), { recursive: true });
      for (let f = 0; f < PER_FOLDER; f++) fs.writeFileSync(path.join(folder, 'src', `d${d}`, `f${f}.txt`), f === 0 ? '// @serves app\n' : 'x\n');
    }
    workbench = await openWorkbench(folder);
  });

  after(async () => {
    await workbench?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('offers Cancel when indexing takes a while, and stops when it is pressed', async () => {
    const page = workbench.page;
    const progress = workbench.toast('Truthline: indexing tags in');
    await progress.waitFor({ timeout: 120_000 });
    await workbench.toastFadedIn(progress);
    assert.match(await progress.innerText(), /Truthline: indexing tags in large-\w+/);
    await workbench.screenshot('tag-index-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    const stopped = workbench.toast('Truthline stopped indexing tags');
    await stopped.waitFor({ timeout: 30_000 });
    assert.match(await stopped.innerText(), /references and "In the code" stay partial until it indexes again/);
    assert.strictEqual(await stopped.getByRole('button', { name: 'Index Again' }).count(), 1);
    await progress.waitFor({ state: 'detached', timeout: 30_000 });
    await workbench.toastFadedIn(stopped);
    await page.mouse.move(700, 500);
    await workbench.screenshot('tag-index-stopped');
    // Index Again reads the folder again: its progress is back in the status bar.
    await stopped.getByRole('button', { name: 'Index Again' }).click();
    await page.locator('.part.statusbar', { hasText: 'Truthline: indexing tags in' }).waitFor({ timeout: 60_000 });
  });
});
