// `npm run demo [-- <folder>] [--port N]`: the packaged extension in a real VS Code (code-server) on
// 127.0.0.1, opening the example repository or any folder, until Ctrl+C. scripts/demo.mjs builds and
// packages first, then runs this file bundled. The state lives in a fresh run folder, so every demo starts
// from a clean VS Code and leaves nothing behind.
//
// With CI set (CI=true, as CI services set it) nobody is there to look or press Ctrl+C: the demo starts the
// same way, on a free port unless --port is given, then checks itself in headless Chromium (demoCheck.ts),
// saves test-results/demo.png, stops everything and exits 0 if it works.
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { onCleanup, runMain } from './cleanup';
import { installExtension, startCodeServer } from './codeServer';
import { checkDemo } from './demoCheck';
import { freePort } from './freePort';
import { installVsCode } from './install';
import { killLeftovers } from './leftovers';
import { exampleWorkspace, vsixFile } from './paths';
import { createRunFolder, removeRunFolder } from './runFolder';

interface DemoOptions {
  readonly folder: string;
  /** Only when given with --port; a person gets 8080. */
  readonly port: number | undefined;
}

/** Run by CI (CI=true): check the demo and exit instead of serving. */
const unattended = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

function parseArgs(args: string[]): DemoOptions {
  // npm runs scripts from the package root; a relative folder means relative to where the user typed it.
  const base = process.env.INIT_CWD ?? process.cwd();
  let folder = exampleWorkspace;
  let port: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port needs a port number, not ${value}`);
    } else {
      folder = path.resolve(base, arg);
    }
  }
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${folder} is not a folder`);
  return { folder, port };
}

/** Fails early, with advice, instead of letting code-server die on a busy port. */
function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () => reject(new Error(`Port ${port} on 127.0.0.1 is in use: choose another with --port N`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

runMain(async () => {
  const options = parseArgs(process.argv.slice(2));
  const folder = options.folder;
  const port = options.port ?? (unattended ? await freePort() : 8080);
  await checkPortFree(port);
  const install = installVsCode();
  const run = createRunFolder('demo');
  // Registered first, so it runs last: after code-server has stopped.
  onCleanup(() => {
    const leaked = killLeftovers(run.env.HOME ?? '');
    if (leaked.length > 0) console.error(`ended processes left behind: ${leaked.join(', ')}`);
    removeRunFolder(run);
  });
  installExtension(install, run, vsixFile);
  const server = await startCodeServer({ install, run, port });
  console.log(`\nTruthline demo: ${server.workbenchUrl(folder)}`);
  if (unattended) {
    console.log(`(code-server log: ${server.log}; CI is set: checking the demo in headless Chromium, then stopping)`);
    return checkDemo(install, run, server, folder);
  }
  console.log(`(code-server log: ${server.log}; press Ctrl+C to stop)`);
  // Serve until Ctrl+C: runMain's signal handler stops everything registered above.
  return new Promise<number>(() => undefined);
});
