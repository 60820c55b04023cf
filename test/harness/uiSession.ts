// What UI tests share: one code-server with the packaged extension installed, and one browser, both
// started by runUi.ts. Each test file opens its own workbench page (a fresh browser context, so no
// browser-side state leaks between files) on the same server.
import type { Browser } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { screenshotDir } from './paths';
import { Workbench } from './workbench';

export interface Server {
  readonly server: CodeServer;
  /** A copy of the example repository made for this server (see workspaceCopy.ts). */
  readonly workspace: string;
}

export interface RestrictedServer extends Server {
  /** The ids of its extension host processes (Linux; empty elsewhere). */
  extensionHosts(): number[];
}

interface UiSession extends Server {
  readonly browser: Browser;
  /** A second code-server with workspace trust on, started on first use: its workspace opens in Restricted Mode. */
  readonly restricted: () => Promise<RestrictedServer>;
  /** A code-server whose user settings put Truthline in the browser's extension host, started on first use. */
  readonly browserHost: () => Promise<Server>;
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
  return openOn(session.browser, session.server, folder ?? session.workspace);
}

/**
 * Opens the workbench, with workspace trust on, on a copy of the example repository of its own that is not
 * trusted: Restricted Mode. Returns the copy's path too, and how to list its server's extension hosts.
 * Each call opens a fresh browser context.
 */
export async function openRestrictedWorkbench(): Promise<{ workbench: Workbench; workspace: string; extensionHosts(): number[] }> {
  if (!session) throw new Error('UI tests run through runUi.js, which starts code-server and the browser');
  const restricted = await session.restricted();
  return { workbench: await openOn(session.browser, restricted.server, restricted.workspace), workspace: restricted.workspace, extensionHosts: () => restricted.extensionHosts() };
}

/**
 * Opens the workbench with Truthline in the browser's web worker extension host (as on vscode.dev and
 * github.dev), on a copy of the example repository of its own. Each call opens a fresh browser context.
 */
export async function openBrowserHostWorkbench(): Promise<Workbench> {
  if (!session) throw new Error('UI tests run through runUi.js, which starts code-server and the browser');
  const web = await session.browserHost();
  return openOn(session.browser, web.server, web.workspace);
}

async function openOn(browser: Browser, server: CodeServer, folder: string): Promise<Workbench> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const workbench = new Workbench(await context.newPage(), screenshotDir);
  open.add(workbench);
  context.once('close', () => open.delete(workbench));
  await workbench.page.goto(server.workbenchUrl(folder));
  await workbench.ready();
  return workbench;
}

/** Workbenches still open, for screenshots when a test fails. */
export function openWorkbenches(): Workbench[] {
  return [...open];
}

/**
 * For a describe block: opens the workbench on this run's copy of the example repository with `file` open
 * before its tests, and closes it after them. Tests get it from the function returned.
 */
export function workbenchWith(file: string): () => Workbench {
  let workbench: Workbench | undefined;
  before(async () => {
    workbench = await openWorkbench();
    await workbench.openFile(file);
  });
  after(async () => {
    await workbench?.close();
  });
  return () => {
    if (!workbench) throw new Error('the workbench opens in the describe block\'s before hook');
    return workbench;
  };
}
