// The `truthline` launcher (src/cli/launch.ts): the CLI runs the same from V8's code cache as without it, the
// cache is the user's own and per command, and a broken, stale or unwritable cache never changes an answer.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { yaml } from './helpers';
import { buildCli, ROOT, TempRepos } from './tempRepos';

const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function truthline(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FILES = {
  '.alignment/features.yaml': yaml('kind: feature', 'id: checkout', 'title: Checkout', 'paths: [src/]'),
  'src/a.ts': '// @serves CR-9\n',
};

describe('truthline launcher and its code cache', function () {
  this.timeout(60_000);
  const repos = new TempRepos('truthline-launch');
  let repo: string;
  let plain: Run;

  before(() => {
    buildCli();
    repo = repos.make(FILES);
    plain = truthline(['check'], repo, { TRUTHLINE_COMPILE_CACHE: 'off' });
    assert.equal(plain.status, 1, plain.stderr);
    assert.match(plain.stdout, /src\/a\.ts:1:\d+: error unknown-tag-id/);
  });

  after(() => repos.removeAll());

  const cacheOf = (home: string): string => path.join(home, 'truthline', 'compiled');

  it('writes one cache per command in the user\'s cache folder, private to the user, and answers the same from it', () => {
    const home = repos.make({});
    const first = truthline(['check'], repo, { XDG_CACHE_HOME: home });
    assert.deepEqual(first, plain);
    const files = readdirSync(cacheOf(home));
    assert.equal(files.length, 1, files.join(', '));
    assert.match(files[0] ?? '', /^cli-[0-9a-f]{32}-check\.bin$/);
    assert.equal(statSync(cacheOf(home)).mode & 0o777, 0o700);
    const file = path.join(cacheOf(home), files[0] as string);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const written = readFileSync(file);
    assert.deepEqual(truthline(['check'], repo, { XDG_CACHE_HOME: home }), plain, 'the same answer from the cache');
    assert.deepEqual(readFileSync(file), written, 'an accepted cache is not written again');
    assert.equal(truthline(['--version'], repo, { XDG_CACHE_HOME: home }).status, 0);
    assert.equal(readdirSync(cacheOf(home)).length, 2, 'another command, another cache');
  });

  it('answers the same from a corrupt cache, and writes a good one in its place; another build\'s cache goes', () => {
    const home = repos.make({});
    truthline(['check'], repo, { XDG_CACHE_HOME: home });
    const [name] = readdirSync(cacheOf(home));
    const file = path.join(cacheOf(home), name as string);
    writeFileSync(file, 'not V8 code at all');
    const stale = path.join(cacheOf(home), `cli-${'0'.repeat(32)}-check.bin`);
    writeFileSync(stale, 'an older build');
    assert.deepEqual(truthline(['check'], repo, { XDG_CACHE_HOME: home }), plain);
    assert.ok(readFileSync(file).length > 1000, 'rewritten');
    assert.deepEqual(readdirSync(cacheOf(home)), [name], 'the older build\'s cache is removed');
  });

  it('answers the same where the cache cannot be written, and writes nothing when told not to', () => {
    const blocked = repos.make({ 'not-a-folder': 'a file where the cache folder would go' });
    assert.deepEqual(truthline(['check'], repo, { XDG_CACHE_HOME: path.join(blocked, 'not-a-folder') }), plain);
    const home = repos.make({});
    assert.deepEqual(truthline(['check'], repo, { XDG_CACHE_HOME: home, TRUTHLINE_COMPILE_CACHE: 'off' }), plain);
    assert.deepEqual(readdirSync(home), []);
    const usage = truthline(['check', '--no-such-option'], repo, { XDG_CACHE_HOME: home });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^truthline: /);
  });
});
