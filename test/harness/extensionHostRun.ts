// Runs a mocha suite inside VS Code's real extension host, through the workbench's test payload: the page
// URL names the extension under development and the suite, and code-server (started with the smoke-test
// driver) runs the suite the way desktop VS Code does for @vscode/test-electron. The suite's output
// reaches us only through codeAutomationLog, and its outcome through codeAutomationExit.
import * as fs from 'fs';
import type { Browser } from 'playwright-core';
import { format } from 'util';
import type { CodeServer } from './codeServer';
import { SUITE_TAG } from '../web/taggedReporter';

/**
 * The workbench sends its own log (offline noise, mostly) through codeAutomationLog too. The suite's
 * entry point prefixes the reporter's output with the tag named by this variable, so the two can be told
 * apart: tagged lines are the suite's, the rest go to a file.
 */
export const OUTPUT_TAG_ENV = 'TRUTHLINE_OUTPUT_TAG';
const outputTag = SUITE_TAG; // the browser suite's reporter tags its lines itself

export interface ExtensionHostRun {
  readonly folder: string;
  readonly extensionPath: string;
  /** The compiled suite folder; its index exports run(): Promise<void>. */
  readonly suitePath: string;
  /** Environment variables for the extension host. */
  readonly env: Record<string, string>;
  readonly timeoutMs: number;
  /** Receives the suite's output, line by line, as it happens. */
  readonly onOutput: (line: string) => void;
  /** File that receives the workbench's own log. */
  readonly workbenchLog: string;
  /**
   * The suite runs in the browser's extension host: a web worker in the page, whose console.log arrives on
   * the page's console (read there; the Node host's output comes through codeAutomationLog).
   */
  readonly browserHost?: boolean;
}

/** Resolves with the extension host's exit code: 0 when every test passed. */
export async function runInExtensionHost(browser: Browser, server: CodeServer, run: ExtensionHostRun): Promise<number> {
  // The host's authority must be exactly the one in the page URL, or the workbench looks for another host.
  const remote = (file: string): string => `vscode-remote://127.0.0.1:${server.port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(run.extensionPath)],
    ['extensionTestsPath', remote(run.suitePath)],
    ['extensionEnvironment', JSON.stringify({ ...run.env, [OUTPUT_TAG_ENV]: outputTag })],
  ];
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let resolveExit: (code: number) => void = () => undefined;
    const exit = new Promise<number>((resolve) => { resolveExit = resolve; });
    // The copy of the log handed to codeAutomationExit can miss its last lines: use the live stream.
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown[]) => {
      const text = format(...args);
      if (text.startsWith(outputTag)) {
        for (const line of text.slice(outputTag.length).split('\n')) run.onOutput(line);
      } else {
        fs.appendFileSync(run.workbenchLog, `[${level}] ${text}\n`);
      }
    });
    if (run.browserHost) {
      page.on('console', (message) => {
        const text = message.text().replace(/^\[Extension Host\] /, '');
        if (text.startsWith(outputTag)) for (const line of text.slice(outputTag.length).split('\n')) run.onOutput(line);
        else fs.appendFileSync(run.workbenchLog, `[console ${message.type()}] ${text}\n`);
      });
    }
    await page.goto(server.workbenchUrl(run.folder, { payload: JSON.stringify(payload) }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The extension host did not finish within ${run.timeoutMs / 1000} s; see ${server.log}`)), run.timeoutMs);
    });
    try {
      return await Promise.race([exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await context.close();
  }
}
