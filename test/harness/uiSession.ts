// What UI tests share: one code-server with the packaged extension installed, and one browser, both
// started by runUi.ts. Each test file opens its own workbench page (a fresh browser context, so no
// browser-side state leaks between files) on the same server.
import type { Browser } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { screenshotDir } from './paths';
import { Workbench } from './workbench';

interface UiSession {
  readonly browser: Browser;
  readonly server: CodeServer;
  /** A copy of the example repository made for this run (see workspaceCopy.ts). */
  readonly workspace: string;
}

let session: UiSession | undefined;
const open = new Set<Workbench>();

export function setUiSession(value: UiSession): void {
  session = value;
}

/** The folder UI tests open: this run's copy of the example repository. */
export function testWorkspace(): string {
  if (!session) throw new Error('UI tests run through runUi.js, which starts code-server and the browser');
  return session.workspace;
}

/** Opens the workbench on `folder` (this run's copy of the example repository by default) and waits until it is ready. */
export async function openWorkbench(folder?: string): Promise<Workbench> {
  if (!session) throw new Error('UI tests run through runUi.js, which starts code-server and the browser');
  folder ??= session.workspace;
  const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const workbench = new Workbench(await context.newPage(), screenshotDir);
  open.add(workbench);
  context.once('close', () => open.delete(workbench));
  await workbench.page.goto(session.server.workbenchUrl(folder));
  await workbench.ready();
  return workbench;
}

/** Workbenches still open, for screenshots when a test fails. */
export function openWorkbenches(): Workbench[] {
  return [...open];
}
