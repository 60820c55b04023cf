// `truthline where <id>` as a user runs it: the bundled CLI in a child process, on throwaway repositories.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { yaml } from './helpers';
import { buildCli, ROOT, TempRepos } from './tempRepos';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function truthline(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ALIGNMENT = {
  '.alignment/features/checkout.yaml': yaml('kind: feature', 'id: checkout', 'title: Checkout', 'paths: [src/checkout/]'),
  '.alignment/requests/cr-1.yaml': yaml('kind: request', 'id: CR-1', 'customer: Acme GmbH', 'quote: PO numbers, please.', 'features: [checkout]'),
  '.alignment/risks/r-1.yaml': yaml('kind: risk', 'id: R-1', 'risk: Demo only.', 'likelihood: high', 'impact: high'),
};

describe('truthline where (CLI)', function () {
  this.timeout(60_000);
  const repos = new TempRepos('truthline-where');

  before(buildCli);

  after(() => {
    repos.removeAll();
  });

  it('lists the tags naming a request as path:line:column, then the files its paths cover, and a summary', () => {
    const root = repos.make({
      ...ALIGNMENT,
      '.gitignore': 'build/\n',
      'src/checkout/pay.ts': 'export const pay = 1;\n// @serves CR-1\n',
      'lib/po.py': '# @serves CR-1, CR-2\n# @risk CR-1\n',
      'build/out.js': '// @serves CR-1\n',
      'assets/logo.bin': Buffer.from([0x00, 0x40, ...Buffer.from('// @serves CR-1\n')]),
    });
    const run = truthline(['where', 'CR-1'], root);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, [
      'lib/po.py:1:11  @serves CR-1',
      'src/checkout/pay.ts:2:12  @serves CR-1',
      'src/checkout/pay.ts  paths',
      'CR-1 (request): 2 tags in 2 files, 1 files by paths',
      '',
    ].join('\n'));
  });

  it('gives the same list as JSON, from another folder with the root as an argument', () => {
    const root = repos.make({ ...ALIGNMENT, 'src/x.ts': '/* @risk R-1 */\n' });
    const run = truthline(['where', 'R-1', root, '--format', 'json'], path.dirname(root));
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), [{ path: 'src/x.ts', byPaths: false, lines: [{ line: 1, column: 10, endColumn: 13, keyword: 'risk' }] }]);
  });

  it('reads .alignment/ even where .gitignore hides it, as truthline check does', () => {
    const root = repos.make({ ...ALIGNMENT, '.gitignore': '.alignment/\n', 'src/checkout/pay.ts': '// @serves CR-1\n' });
    const run = truthline(['where', 'CR-1'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^src\/checkout\/pay\.ts:1:12 {2}@serves CR-1\n/);
  });

  it('finds tags in the very last of 3,000 files', () => {
    const files: Record<string, string> = { ...ALIGNMENT };
    for (let i = 0; i < 3_000; i++) files[`gen/d${String(Math.floor(i / 100)).padStart(2, '0')}/f${String(i).padStart(4, '0')}.ts`] = `export const v${i} = ${i};\n`;
    files['gen/d29/f2999.ts'] = '// @serves CR-1\n';
    const run = truthline(['where', 'CR-1', '--format=json'], repos.make(files));
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).map((place: { path: string }) => place.path), ['gen/d29/f2999.ts']);
  });

  it('exits 1 for an unknown id and 2 without an id or without .alignment/', () => {
    const root = repos.make(ALIGNMENT);
    const unknown = truthline(['where', 'CR-404'], root);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no item "CR-404"/);
    const missing = truthline(['where'], root);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /where needs an item id/);
    const bare = truthline(['where', 'CR-1'], repos.make({ 'src/a.ts': '' }));
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /no \.alignment\/ folder/);
  });
});
