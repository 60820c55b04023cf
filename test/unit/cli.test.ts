// `truthline check` as a user runs it: the bundled CLI in a child process, on throwaway repositories.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { yaml } from './helpers';
import { buildCli, ROOT, TempRepos } from './tempRepos';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SUMMARY_COUNTS = (feature: number, request: number): string =>
  `(${feature} ${feature === 1 ? 'feature' : 'features'}, ${request} ${request === 1 ? 'request' : 'requests'}, 0 assumptions, 0 risks, 0 milestones, 0 decisions, 0 flags)`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function truthline(args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FEATURE = yaml(
  'kind: feature',
  'id: checkout',
  'title: Checkout',
  'paths: [src/checkout/]',
);
const REQUEST = yaml(
  'kind: request',
  'id: CR-1',
  'customer: Acme GmbH',
  'quote: We need our PO number on every invoice.',
  'features: [checkout]',
);

describe('truthline check (CLI)', function () {
  this.timeout(60_000);
  const repos = new TempRepos('truthline-cli');
  const repo = (files: Record<string, string | Buffer>): string => repos.make(files);

  before(buildCli);

  after(() => {
    repos.removeAll();
  });

  it('exits 0 with only the summary line for a clean repository', () => {
    const root = repo({
      '.alignment/features/checkout.yaml': FEATURE,
      '.alignment/requests/cr-1.yml': REQUEST,
      'src/checkout/pay.ts': '// @serves CR-1\nexport const pay = 1;\n',
    });
    const run = truthline(['check'], root);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, `0 errors, 0 warnings ${SUMMARY_COUNTS(1, 1)}\n`);
    assert.equal(run.status, 0);
  });

  it('warns at a flag whose anchored lines are gone, and follows lines that only moved', () => {
    const flag = (id: string, text: string): string => yaml(
      'kind: flag', `id: ${id}`, 'reality: only works in the demo', 'anchor:', '  path: src/pay.ts', '  startLine: 1', '  endLine: 1', `  text: "${text}"`,
    );
    const root = repo({
      '.alignment/flags/F-1.yaml': flag('F-1', 'const demoOnly = true;'),
      '.alignment/flags/F-2.yaml': flag('F-2', 'const gone = 1;'),
      'src/pay.ts': '// moved down by a line\nconst demoOnly = true;\n',
    });
    const run = truthline(['check'], root);
    assert.match(run.stdout, /^\.alignment\/flags\/F-2\.yaml:5:9: warning anchor-drifted: F-2 has drifted/m);
    assert.doesNotMatch(run.stdout, /F-1\.yaml/);
    assert.equal(run.status, 0);
  });

  it('exits 0 with warnings only, printing path:line:col: severity code: message', () => {
    const root = repo({
      '.alignment/features/checkout.yaml': yaml('kind: feature', 'id: checkout', 'title: Checkout', 'paths:', '  - src/checkout/', '  - src/renamed/'),
      'src/checkout/pay.ts': 'export const pay = 1;\n',
    });
    const run = truthline(['check'], root);
    assert.equal(run.stdout, [
      '.alignment/features/checkout.yaml:6:5: warning glob-matches-nothing: "src/renamed/" matches no file in the repository; was the code moved or renamed?',
      `0 errors, 1 warning ${SUMMARY_COUNTS(1, 0)}`,
      '',
    ].join('\n'));
    assert.equal(run.status, 0);
  });

  it('exits 1 on errors, in the YAML and in source tags, sorted by file and line', () => {
    const root = repo({
      '.alignment/features/checkout.yaml': FEATURE,
      '.alignment/requests/cr-1.yaml': REQUEST.replace('features: [checkout]', 'features: [checkot]'),
      'src/checkout/pay.ts': 'export const pay = 1;\n// @serves CR-2\n',
      'README.md': '<!-- @risk R-1 -->\n',
    });
    const run = truthline(['check'], root);
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(lines, [
      '.alignment/requests/cr-1.yaml:5:12: error unknown-reference: features names "checkot", but no feature has that id; did you mean "checkout"?',
      'README.md:1:12: error unknown-tag-id: @risk names "R-1", but no risk in .alignment/ has that id',
      'src/checkout/pay.ts:2:12: error unknown-tag-id: @serves names "CR-2", but no request in .alignment/ has that id',
      `3 errors, 0 warnings ${SUMMARY_COUNTS(1, 1)}`,
    ]);
    for (const line of lines.slice(0, -1)) assert.match(line, /^[^:]+:\d+:\d+: (error|warning) [a-z-]+: .+$/);
    assert.equal(run.status, 1);
  });

  it('prints JSON with item counts and problems with repository-relative paths', () => {
    const root = repo({
      '.alignment/features/checkout.yaml': `${FEATURE}owners: 5\n`,
      '.alignment/requests/cr-1.yaml': REQUEST,
      '.alignment/empty.yaml': '# nothing yet\n',
      'src/checkout/pay.ts': 'x();\n  // @serves CR-404\n',
    });
    for (const args of [['check', '--format', 'json'], ['check', '--format=json']]) {
      const run = truthline(args, root);
      assert.equal(run.status, 1, args.join(' '));
      assert.deepEqual(JSON.parse(run.stdout), {
        items: { feature: 1, request: 1, assumption: 0, risk: 0, milestone: 0, decision: 0, flag: 0 },
        features: [{ id: 'checkout', title: 'Checkout', reported: null, disagrees: false,
          reality: { openFlags: { critical: 0, high: 0, medium: 0, low: 0 }, invalidatedAssumptions: 0, noGoGates: 0, highRisks: 0, gap: 0, disagrees: false } }],
        problems: [
          { file: '.alignment/empty.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', code: 'empty-file', message: 'file holds no items; add one (see "Truthline: Initialize .alignment/ Folder") or delete it' },
          { file: '.alignment/features/checkout.yaml', line: 5, column: 9, endLine: 5, endColumn: 10, severity: 'error', code: 'schema', message: '"owners": Invalid input: expected array, received number' },
          { file: 'src/checkout/pay.ts', line: 2, column: 14, endLine: 2, endColumn: 20, severity: 'error', code: 'unknown-tag-id', message: '@serves names "CR-404", but no request in .alignment/ has that id' },
        ],
      });
    }
  });

  it('takes the root as an argument and prints paths relative to the current folder', () => {
    const root = repo({ '.alignment/f.yaml': yaml('kind: feature', 'id: checkout', 'title: Checkout', 'dependsOn: [checkout]') });
    const run = truthline(['check', path.basename(root)], path.dirname(root));
    assert.equal(run.stdout.split('\n')[0], `${path.basename(root)}/.alignment/f.yaml:4:13: warning dependency-cycle: feature "checkout" depends on itself: checkout -> checkout`);
    assert.equal(run.status, 0);
    const json = JSON.parse(truthline(['check', root, '--format', 'json'], os.tmpdir()).stdout) as { problems: { file: string }[] };
    assert.deepEqual(json.problems.map((p) => p.file), ['.alignment/f.yaml']);
  });

  it('respects .gitignore at any depth, skips node_modules, and skips binary files when scanning tags', () => {
    const root = repo({
      '.alignment/features/checkout.yaml': FEATURE,
      '.gitignore': 'build/\n*.log\n',
      'src/checkout/pay.ts': '// @serves CR-1\n',
      'src/checkout/.gitignore': 'generated.ts\n',
      'src/checkout/generated.ts': '// @serves CR-GEN\n',
      'build/out.js': '// @serves CR-BUILD\n',
      'debug.log': '# @risk R-LOG\n',
      'node_modules/lib/index.js': '// @serves CR-DEP\n',
      'assets/logo.bin': Buffer.concat([Buffer.from('// @serves CR-BIN\n'), Buffer.from([0, 1, 2, 3])]),
    });
    const run = truthline(['check', '--format', 'json'], root);
    const problems = (JSON.parse(run.stdout) as { problems: { file: string; message: string }[] }).problems;
    assert.deepEqual(problems.map((p) => `${p.file}: ${p.message}`), ['src/checkout/pay.ts: @serves names "CR-1", but no request in .alignment/ has that id']);
    assert.equal(run.status, 1);
  });

  it('reads .alignment/ even when .gitignore hides it, and reports broken files without stopping', () => {
    const root = repo({
      '.gitignore': '.alignment/\n',
      '.alignment/features/checkout.yaml': FEATURE,
      '.alignment/broken.yaml': 'kind: [\n',
      '.alignment/binary.yaml': Buffer.from([0x6b, 0, 0x69]),
      '.alignment/notes.txt': 'not yaml, not read\n',
      'src/checkout/pay.ts': 'export {};\n',
    });
    const run = truthline(['check', '--format', 'json'], root);
    const report = JSON.parse(run.stdout) as { items: Record<string, number>; problems: { file: string; code: string }[] };
    assert.equal(report.items.feature, 1);
    assert.deepEqual(report.problems.map((p) => `${p.file} ${p.code}`), ['.alignment/binary.yaml binary-file', '.alignment/broken.yaml yaml-syntax']);
    assert.equal(run.status, 1);
  });

  it('fails on more warnings than --max-warnings allows, and says so after the summary', () => {
    const root = repo({ '.alignment/f.yaml': yaml('kind: feature', 'id: checkout', 'title: Checkout', 'dependsOn: [checkout]') });
    assert.equal(truthline(['check', '--max-warnings', '1'], root).status, 0);
    const over = truthline(['check', '--max-warnings=0'], root);
    assert.equal(over.status, 1);
    assert.deepEqual(over.stdout.trim().split('\n').slice(-2), [`0 errors, 1 warning ${SUMMARY_COUNTS(1, 0)}`, 'more warnings than --max-warnings 0 allows']);
    assert.equal(truthline(['check', '--max-warnings', '0', '--format', 'json'], root).status, 1);
  });

  it('names each feature\'s reported status beside its reality in the JSON, for dashboards', () => {
    const root = repo({
      '.alignment/f.yaml': yaml('kind: feature', 'id: pay', 'title: Pay', 'reported: { status: on-track }'),
      '.alignment/flag.yaml': yaml('kind: flag', 'id: F-1', 'feature: pay', 'reality: only in the demo', 'severity: high'),
    });
    const json = JSON.parse(truthline(['check', '--format', 'json'], root).stdout) as { features: { id: string; reported: string | null; disagrees: boolean; reality: { openFlags: { high: number } } }[] };
    assert.deepEqual(json.features.map(({ id, reported, disagrees, reality }) => ({ id, reported, disagrees, high: reality.openFlags.high })), [{ id: 'pay', reported: 'on-track', disagrees: true, high: 1 }]);
  });

  it('prints its version', () => {
    for (const flag of ['--version', '-v']) {
      const run = truthline([flag], os.tmpdir());
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `${(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    }
  });

  describe('usage errors exit 2', () => {
    it('says a root folder that is not there is not found (not that it has no .alignment/)', () => {
      const missing = path.join(os.tmpdir(), `truthline-no-such-folder-${process.pid}`);
      const run = truthline(['check', missing], os.tmpdir());
      assert.equal(run.status, 2);
      assert.ok(run.stderr.startsWith(`truthline: folder not found: ${missing}. Give the repository's root folder`), run.stderr);
      assert.match(truthline(['check', path.join(ROOT, 'package.json')], os.tmpdir()).stderr, /^truthline: not a folder: /);
    });

    it('refuses a --max-warnings that is not a whole number', () => {
      for (const [args, value] of [[['--max-warnings=-1'], '-1'], [['--max-warnings', 'many'], 'many'], [['--max-warnings', '1.5'], '1.5']] as const) {
        const run = truthline(['check', ...args], os.tmpdir());
        assert.equal(run.status, 2);
        assert.ok(run.stderr.startsWith(`truthline: --max-warnings takes a whole number of warnings (0 or more), not "${value}"`), run.stderr);
      }
    });

    it('says how to create a missing .alignment/ folder', () => {
      const root = repo({ 'README.md': '# no alignment here\n' });
      const run = truthline(['check'], root);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^truthline: no \.alignment\/ folder in /);
      assert.match(run.stderr, /Create one with "Truthline: Initialize \.alignment\/ Folder" in VS Code, or add \.alignment\/features\/<name>\.yaml by hand/);
      assert.match(run.stderr, /Usage: truthline check/);
    });

    it('treats a file named .alignment as missing', () => {
      const run = truthline(['check'], repo({ '.alignment': 'not a folder\n' }));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no \.alignment\/ folder/);
    });

    for (const [args, message] of [
      [[], 'missing command'],
      [['lint'], 'unknown command "lint"'],
      [['check', '--format', 'xml'], '--format takes "text" or "json", not "xml"'],
      [['check', '--format'], '--format takes "text" or "json", not nothing'],
      [['check', '--verbose'], 'unknown option "--verbose"'],
      [['check', 'a', 'b'], 'unexpected argument "b": give one root folder'],
    ] as const) {
      it(`truthline ${args.join(' ')}`, () => {
        const run = truthline(args, os.tmpdir());
        assert.equal(run.status, 2);
        assert.equal(run.stdout, '');
        assert.ok(run.stderr.startsWith(`truthline: ${message}\n`), run.stderr);
      });
    }

    it('prints the usage and exits 0 for --help', () => {
      const run = truthline(['--help'], os.tmpdir());
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: truthline check \[root\] \[--format text\|json\]/);
    });
  });
});
