// Starts and stops code-server: VS Code's server and web workbench, the real VS Code on machines where
// desktop VS Code cannot be downloaded. It runs in its own process group, so stopping it also ends the
// extension host and the other processes it forks.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { onCleanup } from './cleanup';
import { freePort } from './freePort';
import type { VsCodeInstall } from './install';
import type { RunFolder } from './runFolder';
import { waitUntil } from './waiting';

export interface CodeServerOptions {
  readonly install: VsCodeInstall;
  readonly run: RunFolder;
  /** Lets a page's payload start a test run in the extension host (integration tests). */
  readonly testDriver?: boolean;
  /** A fixed port (the demo); tests take a free one. */
  readonly port?: number;
}

export interface CodeServer {
  readonly port: number;
  /** http://127.0.0.1:<port>, without a trailing slash. */
  readonly origin: string;
  readonly log: string;
  /** The workbench opening `folder`; `query` adds further URL parameters. */
  workbenchUrl(folder: string, query?: Record<string, string>): string;
  stop(): Promise<void>;
}

function commonArgs(install: VsCodeInstall, run: RunFolder): string[] {
  return [install.entry, '--user-data-dir', run.userData, '--extensions-dir', run.extensions];
}

/** Installs a packaged extension into the run's extensions folder, the way a user would. */
export function installExtension(install: VsCodeInstall, run: RunFolder, vsix: string): void {
  const result = spawnSync(install.node, [...commonArgs(install, run), '--install-extension', vsix, '--force'], {
    env: run.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`Installing ${vsix} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false; // the group is already gone
    throw error;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  // Ask politely so VS Code can flush its state, then make sure: the extension host and other children
  // may outlive the server's main process.
  signalGroup(pid, 'SIGTERM');
  await Promise.race([exited(child), delay(5000)]);
  signalGroup(pid, 'SIGKILL');
}

async function waitUntilHealthy(origin: string, child: ChildProcess, log: string): Promise<void> {
  await waitUntil(`code-server answers ${origin}/healthz; see ${log}`, async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was ready; see ${log}`);
    }
    // A refused connection means not listening yet, which is what we are waiting for.
    return fetch(`${origin}/healthz`).then((response) => response.ok, () => false);
  }, { timeoutMs: 30_000 });
}

async function startOnce(options: CodeServerOptions, port: number, attempt: number): Promise<CodeServer> {
  const { install, run } = options;
  const origin = `http://127.0.0.1:${port}`;
  const log = path.join(run.root, `code-server-${attempt}.log`);
  const logFd = fs.openSync(log, 'a');
  const args = [
    ...commonArgs(install, run),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(run.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--vscode-option', 'skip-welcome',
    '--vscode-option', 'skip-release-notes',
    ...(options.testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  // detached: its own process group, ended as a whole in stopGroup. Output goes straight to a file so
  // that no pipe ties code-server's lifetime to ours.
  const child = spawn(install.node, args, { env: run.env, cwd: run.root, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const stop = onCleanup(() => stopGroup(child));
  try {
    await waitUntilHealthy(origin, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    origin,
    log,
    workbenchUrl(folder, query = {}) {
      // '/' needs no escaping in a query; leaving it makes the printed URL readable.
      return `${origin}/?${new URLSearchParams({ folder, ...query }).toString().replace(/%2F/g, '/')}`;
    },
    stop,
  };
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (options.port !== undefined) return startOnce(options, options.port, 1);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, await freePort(), attempt);
    } catch (error) {
      // The free port may have been taken between asking and binding; try another, but not forever.
      if (attempt === 3) throw error;
    }
  }
}
