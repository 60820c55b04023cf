// scripts/npm-on-node.sh, the step that makes the cold install of code-server work when it runs under npm
// (`npm run demo`, `npm test`): from inside a real `npm run` whose npm exports its own configuration (a
// user agent naming another Node, a nodedir, INIT_CWD, ...), the nested npm must run a package's scripts on
// the Node it is given, with its own user agent and that Node's headers. A tiny local probe package stands
// in for code-server: installing it is offline and takes about a second.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';

const SCRIPT = path.join(repoRoot, 'scripts', 'npm-on-node.sh');
const OUTER_AGENT = 'npm/0.0.0-outer node/v0.0.0-outer linux x64 workspaces/false';
const OUTER_REGISTRY = 'http://127.0.0.1:9/outer-registry/';

/** What the probe's postinstall saw (see probeRecorder). */
interface Record {
  pid: number;
  fakeNodePid?: string;
  userAgent?: string;
  nodedir?: string;
  initCwd?: string;
  localPrefix?: string;
  registry?: string;
}

const probeRecorder = `
const fs = require('fs');
const path = require('path');
const env = process.env;
fs.writeFileSync(path.join(__dirname, 'record.json'), JSON.stringify({
  pid: process.pid,
  fakeNodePid: env.TRUTHLINE_FAKE_NODE_PID,
  userAgent: env.npm_config_user_agent,
  nodedir: env.npm_config_nodedir,
  initCwd: env.INIT_CWD,
  localPrefix: env.npm_config_local_prefix,
  registry: env.npm_config_registry,
}));
`;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('scripts/npm-on-node.sh', function () {
  this.timeout(60_000);
  let tmp: string;
  let fakeNode: string;
  let outer: string;
  let inner: string;

  before(() => {
    tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'truthline-npm-on-node-')));
    // A Node folder whose bin/node marks the processes it starts: exec keeps the pid, so a script whose
    // TRUTHLINE_FAKE_NODE_PID equals its own pid was started through this folder's node, not inherited it.
    fakeNode = path.join(tmp, 'fake-node');
    write(path.join(fakeNode, 'bin', 'node'), `#!/bin/sh\nTRUTHLINE_FAKE_NODE_PID=$$\nexport TRUTHLINE_FAKE_NODE_PID\nexec '${process.execPath}' "$@"\n`);
    chmodSync(path.join(fakeNode, 'bin', 'node'), 0o755);

    const probe = path.join(tmp, 'probe', 'package');
    write(path.join(probe, 'package.json'), JSON.stringify({ name: 'truthline-probe', version: '1.0.0', scripts: { postinstall: 'node record.js' } }));
    write(path.join(probe, 'record.js'), probeRecorder);

    // Both projects' npmrc set a nodedir that must lose to the one npm-on-node.sh sets (as the machine's user
    // npmrc may say nodedir=/usr), and keep npm's cache and checks away from the network and the real home.
    const npmrc = [`cache=${path.join(tmp, 'npm-cache')}`, 'nodedir=/nodedir/from/npmrc', 'update-notifier=false', 'audit=false', 'fund=false', ''].join('\n');
    inner = path.join(tmp, 'inner');
    write(path.join(inner, 'package.json'), JSON.stringify({ name: 'inner', version: '1.0.0', private: true }));
    write(path.join(inner, '.npmrc'), npmrc);
    const tar = spawnSync('tar', ['-czf', path.join(inner, 'probe.tgz'), '-C', path.dirname(probe), 'package'], { encoding: 'utf8' });
    assert.equal(tar.status, 0, tar.stderr);

    outer = path.join(tmp, 'outer');
    const nested = `cd '${inner}' && bash '${SCRIPT}' '${fakeNode}' install --offline --no-save ./probe.tgz`;
    write(path.join(outer, 'package.json'), JSON.stringify({ name: 'outer', version: '1.0.0', private: true, scripts: { nested } }));
    write(path.join(outer, '.npmrc'), npmrc);
  });

  after(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('runs the scripts of what it installs on the given node, with the nested npm\'s own user agent and that nodedir, from inside npm run', () => {
    // The outer npm takes these as its own configuration and exports them to its script, as npm does with
    // its real user agent ("npm/11 node/v20 ...") under `npm run demo`.
    const run = spawnSync('npm', ['run', '--silent', 'nested'], {
      cwd: outer,
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, npm_config_user_agent: OUTER_AGENT, npm_config_registry: OUTER_REGISTRY },
    });
    assert.equal(run.status, 0, `npm run nested failed (${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);

    const record = JSON.parse(readFileSync(path.join(inner, 'node_modules', 'truthline-probe', 'record.json'), 'utf8')) as Record;
    assert.equal(record.fakeNodePid, String(record.pid), 'the postinstall ran on <fake node dir>/bin/node');
    assert.notEqual(record.userAgent, OUTER_AGENT, 'the nested npm has its own user agent, not the outer one');
    assert.match(record.userAgent ?? '', new RegExp(`^npm/\\d+\\.\\d+\\.\\d+ node/${process.version.replace(/\./g, '\\.')} `));
    assert.equal(record.nodedir, fakeNode, 'native modules build against the given node\'s headers');
    assert.equal(record.initCwd, inner, 'INIT_CWD is the nested install\'s, not the outer project\'s');
    assert.equal(record.localPrefix, inner);
    assert.equal(record.registry, OUTER_REGISTRY, 'how to reach the registry is kept');
  });

  it('refuses a folder without bin/node, saying what it needs', () => {
    const run = spawnSync('bash', [SCRIPT, path.join(tmp, 'no-such-node'), '--version'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /usage: npm-on-node\.sh NODE_DIR .*bin\/node must exist/);
  });
});
