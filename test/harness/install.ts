// Finds the real VS Code (code-server on its own Node) and Chromium, installing them when missing.
// scripts/install-vscode.sh is the only installer: it is idempotent and fast when everything is cached,
// so it runs every time instead of the harness guessing whether something is missing.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './paths';

export interface VsCodeInstall {
  /** Node 24, which code-server needs; the project itself stays on the machine's Node. */
  readonly node: string;
  readonly entry: string;
  readonly chromium: string;
}

const installScript = path.join(repoRoot, 'scripts', 'install-vscode.sh');

/** The versions are pinned once, in the install script; read them from there. */
function pinned(name: string): string {
  const match = new RegExp(`^${name}=(\\S+)`, 'm').exec(fs.readFileSync(installScript, 'utf8'));
  if (!match?.[1]) throw new Error(`${installScript} no longer sets ${name}`);
  return match[1];
}

export function installVsCode(): VsCodeInstall {
  const run = spawnSync('bash', [installScript], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${installScript} failed (exit ${run.status ?? run.signal})`);
  const cache = run.stdout.trim().split('\n').pop() ?? '';
  const install: VsCodeInstall = {
    node: path.join(cache, `node-${pinned('NODE_VERSION')}`, 'bin', 'node'),
    entry: path.join(cache, `code-server-${pinned('CODE_SERVER_VERSION')}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: '/usr/bin/chromium',
  };
  for (const file of Object.values(install)) {
    if (!fs.existsSync(file)) throw new Error(`${installScript} finished but ${file} is missing`);
  }
  return install;
}
