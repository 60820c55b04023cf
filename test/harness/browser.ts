// Debian's Chromium, driven by playwright-core. Never `npx playwright install`: it downloads a browser,
// which cannot work offline.
import { Browser, chromium } from 'playwright-core';
import { onCleanup } from './cleanup';
import type { VsCodeInstall } from './install';
import type { RunFolder } from './runFolder';

const chromiumArgs = [
  '--no-sandbox', // running as root in a container
  '--disable-gpu',
  '--disable-dev-shm-usage', // small /dev/shm in containers
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(install: VsCodeInstall, run: RunFolder): Promise<Browser> {
  // Playwright makes its temporary profile under the Node process's os.tmpdir() as it launches: keep it in
  // the run folder, and give the process its own back after (a later run folder is not made inside this one).
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = run.env.TMPDIR;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: install.chromium,
      headless: true,
      args: chromiumArgs,
      env: run.env,
      // Signals are handled by cleanup.ts, which closes the browser along with everything else.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  onCleanup(() => browser.close());
  return browser;
}
