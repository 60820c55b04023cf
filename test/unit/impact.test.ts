// `truthline impact` on real git repositories: what a change touches (core's changeImpact on the change git
// gives), in every format, and its bad input (an unknown ref, no repository, a shallow clone).
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { changeImpact, loadAlignment } from '../../src/core';
import { parseChangedLines, parseNameStatus } from '../../src/git/changes';
import { yaml } from './helpers';
import { buildCli, ROOT, TempRepos } from './tempRepos';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function git(root: string, args: readonly string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' };
  return execFileSync('git', args, { cwd: root, env, encoding: 'utf8' });
}

function truthline(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FILES = {
  '.alignment/features.yaml': yaml(
    '- kind: feature', '  id: pay', '  title: Payments', '  paths: [src/pay/]', '  owners: [Ada Lovelace]',
    '- kind: feature', '  id: ship', '  title: Shipping', '  dependsOn: [pay]', '  owners: [Bo Team]',
    '- kind: feature', '  id: invoices', '  title: Invoices', '  dependsOn: [ship]',
    '- kind: feature', '  id: docs', '  title: Docs', '  paths: [docs/]',
  ),
  '.alignment/items.yaml': yaml(
    '- kind: request', '  id: CR-1', '  customer: Nordlicht Coworking GmbH', '  quote: "The bank app opens and our members give up."', '  features: [pay]',
    '- kind: request', '  id: CR-2', '  customer: Café Mireille', '  quote: Receipts, please.',
    '- kind: risk', '  id: R-1', '  risk: Cards were declined.', '  feature: pay', '  likelihood: high', '  impact: high', '  earlyWarningSign: Declines rise above 3%.',
    '- kind: milestone', '  id: M1', '  title: SCA live', '  feature: pay', '  gates: [{ role: Security, who: Ingrid, call: no-go }]',
    '- kind: flag', '  id: F-1', '  feature: pay', '  reality: Only works in the sandbox.', '  severity: high', '  anchor: { path: src/pay/a.ts, startLine: 2, endLine: 3 }',
  ),
  'src/pay/a.ts': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\nexport const d = 4;\nexport const e = 5;\n',
  'src/pay/old.ts': 'export {};\n',
  'src/misc.ts': '// nothing here\n',
  'docs/readme.md': '# docs\n',
};

describe('truthline impact', function () {
  this.timeout(60_000);
  const repos = new TempRepos('truthline-impact');
  let root: string;

  before(() => {
    buildCli();
    root = repos.make(FILES);
    git(root, ['init', '-q', '-b', 'main']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'start']);
    git(root, ['checkout', '-q', '-b', 'topic']);
  });

  after(() => {
    repos.removeAll();
  });

  afterEach(() => {
    git(root, ['checkout', '-q', 'topic']);
    git(root, ['reset', '-q', '--hard', 'main']);
    git(root, ['clean', '-q', '-fd']);
  });

  it('names the features, customers, risks, milestones, flags on changed lines and the features downstream of a working-tree change', () => {
    writeFileSync(path.join(root, 'src/pay/a.ts'), FILES['src/pay/a.ts'].replace('const b = 2', 'const b = 20'));
    writeFileSync(path.join(root, 'src/misc.ts'), '// @serves CR-2\n');
    const run = truthline(['impact', '--format', 'json'], root);
    assert.equal(run.status, 0, run.stderr);
    const impact = JSON.parse(run.stdout);
    assert.equal(impact.head, 'working tree');
    assert.equal(impact.base, git(root, ['rev-parse', 'main']).trim());
    assert.deepEqual(impact.files, ['src/misc.ts', 'src/pay/a.ts']);
    assert.deepEqual(impact.features.map((feature: { id: string; owners: string[] }) => [feature.id, feature.owners]), [['pay', ['Ada Lovelace']]]);
    assert.deepEqual(impact.requests.map((request: { id: string; customer: string }) => [request.id, request.customer]), [['CR-1', 'Nordlicht Coworking GmbH'], ['CR-2', 'Café Mireille']]);
    assert.deepEqual(impact.risks.map((risk: { id: string; earlyWarningSign: string }) => [risk.id, risk.earlyWarningSign]), [['R-1', 'Declines rise above 3%.']]);
    assert.deepEqual(impact.milestones[0].gates, [{ role: 'Security', who: 'Ingrid', call: 'no-go' }]);
    assert.deepEqual(impact.flags.map((flag: { id: string; onChangedLines: boolean }) => [flag.id, flag.onChangedLines]), [['F-1', true]]);
    assert.deepEqual(impact.downstream.map((feature: { id: string; owners: string[]; via: string[] }) => [feature.id, feature.owners, feature.via]), [
      ['ship', ['Bo Team'], ['pay', 'ship']],
      ['invoices', [], ['pay', 'ship', 'invoices']],
    ]);
  });

  it('tells a flag off the changed lines from one on them, and counts a rename as a change of the new path, an untracked file as added', () => {
    writeFileSync(path.join(root, 'src/pay/a.ts'), FILES['src/pay/a.ts'].replace('const e = 5', 'const e = 50'));
    renameSync(path.join(root, 'src/pay/old.ts'), path.join(root, 'src/pay/new.ts'));
    git(root, ['add', '-A', 'src/pay']);
    writeFileSync(path.join(root, 'docs/extra.md'), 'new\n');
    const impact = JSON.parse(truthline(['impact', '--format', 'json'], root).stdout);
    assert.deepEqual(impact.files, ['src/pay/a.ts', 'src/pay/new.ts', 'docs/extra.md']);
    assert.deepEqual(impact.flags.map((flag: { id: string; onChangedLines: boolean }) => [flag.id, flag.onChangedLines]), [['F-1', false]]);
    assert.deepEqual(impact.features.map((feature: { id: string }) => feature.id), ['docs', 'pay']);
  });

  it('compares two commits with --base and --head, reading the files at the head, and lists .alignment/ changes', () => {
    writeFileSync(path.join(root, 'docs/readme.md'), '# docs\n<!-- @serves CR-2 -->\n');
    writeFileSync(path.join(root, '.alignment/items.yaml'), `${FILES['.alignment/items.yaml']}# reviewed\n`);
    git(root, ['commit', '-q', '-am', 'docs']);
    writeFileSync(path.join(root, 'src/pay/a.ts'), 'changed in the working tree only\n');
    const impact = JSON.parse(truthline(['impact', '--base', 'main', '--head', 'topic', '--format', 'json'], root).stdout);
    assert.equal(impact.head, git(root, ['rev-parse', 'topic']).trim());
    assert.deepEqual(impact.files, ['docs/readme.md'], 'the working tree is not the head');
    assert.deepEqual(impact.requests.map((request: { id: string }) => request.id), ['CR-2'], 'the tag is read from the head commit');
    assert.deepEqual(impact.alignment, [{ path: '.alignment/items.yaml', status: 'modified' }]);
    assert.deepEqual(impact.downstream, []);
  });

  it('writes a pull-request comment with customers first and downstream owners named, and GitHub annotations at the flag\'s lines', () => {
    writeFileSync(path.join(root, 'src/pay/a.ts'), FILES['src/pay/a.ts'].replace('const c = 3', 'const c = 30'));
    const markdown = truthline(['impact', '--format', 'markdown'], root).stdout;
    assert.match(markdown, /^### Truthline: what this change touches\n/);
    assert.ok(markdown.indexOf('**Customers**') < markdown.indexOf('**Downstream'), markdown);
    assert.match(markdown, /- \*\*Nordlicht Coworking GmbH\*\* \(CR-1\): “The bank app opens and our members give up\.”/);
    assert.match(markdown, /- `ship` \(owners: Bo Team\) via pay ← ship/);
    assert.match(markdown, /<details><summary>Risks, assumptions, milestones and flags \(2\)<\/summary>/);
    const annotations = truthline(['impact', '--format', 'github'], root).stdout.trim().split('\n');
    assert.deepEqual(annotations, [
      '::notice title=Truthline%3A customers this change touches::Nordlicht Coworking GmbH (CR-1)',
      '::notice title=Truthline%3A downstream features::ship (owners: Bo Team) via pay ← ship; invoices (no owners named) via pay ← ship ← invoices',
      '::warning file=src/pay/a.ts,line=2,title=Truthline%3A flag F-1::Flag F-1 (high, open) is anchored on lines this change touches: is it resolved, or made worse?',
    ]);
    const text = truthline(['impact'], root).stdout;
    assert.match(text, /^Change from [0-9a-f]{12} \(merge-base with main\) to the working tree: 1 source file changed\n/);
    assert.match(text, /\nDownstream \(depends on what changed: tell them\):\n {2}ship \(owners: Bo Team\) via pay ← ship\n/);
  });

  it('works on a detached HEAD, and names a deleted file\'s feature and customers', () => {
    git(root, ['checkout', '-q', '--detach', 'HEAD']);
    rmSync(path.join(root, 'src/pay/old.ts'));
    const impact = JSON.parse(truthline(['impact', '--format', 'json'], root).stdout);
    assert.equal(impact.base, git(root, ['rev-parse', 'main']).trim(), 'no upstream on a detached HEAD: the merge-base with main is the base');
    assert.deepEqual(impact.files, ['src/pay/old.ts']);
    assert.deepEqual(impact.features.map((feature: { id: string }) => feature.id), ['pay'], 'a deleted file still belongs to the feature whose paths covered it');
    assert.deepEqual(impact.requests.map((request: { id: string }) => request.id), ['CR-1']);
  });

  it('says so when nothing of .alignment/ is touched', () => {
    writeFileSync(path.join(root, 'src/misc.ts'), '// still nothing\n');
    assert.match(truthline(['impact'], root).stdout, /It touches no feature, customer request or other item of \.alignment\/\./);
  });

  describe('bad input exits 2 with a clear message, writing nothing', () => {
    it('an unknown ref', () => {
      const run = truthline(['impact', '--base', 'no-such-branch'], root);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'truthline: --base no-such-branch: no such commit, branch or tag here (a shallow clone may lack it: git fetch --unshallow)\n');
    });

    it('a folder that is not a git repository', () => {
      const plain = repos.make({ '.alignment/f.yaml': yaml('kind: feature', 'id: a', 'title: A') });
      const run = truthline(['impact'], plain);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^truthline: .* is not in a git repository/);
    });

    it('a shallow clone without the base, and a wrong format', () => {
      const clone = path.join(os.tmpdir(), `truthline-impact-shallow-${process.pid}`);
      rmSync(clone, { recursive: true, force: true });
      git(root, ['commit', '-q', '--allow-empty', '-m', 'one more']);
      execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'topic', `file://${root}`, clone]);
      try {
        const run = truthline(['impact', '--base', 'main~1'], clone);
        assert.equal(run.status, 2);
        assert.match(run.stderr, /--base main~1: no such commit, branch or tag here \(a shallow clone may lack it/);
      } finally {
        rmSync(clone, { recursive: true, force: true });
      }
      const format = truthline(['impact', '--format', 'html'], root);
      assert.equal(format.status, 2);
      assert.match(format.stderr, /^truthline: --format takes "text", "json", "markdown" or "github", not "html"/);
    });
  });
});

describe('truthline impact on a folder inside the repository, --head a commit', function () {
  this.timeout(60_000);
  const repos = new TempRepos('truthline-impact-sub');
  after(() => repos.removeAll());

  it('reads the items and the changed files\' tags at the head commit, not from the working tree', () => {
    const top = repos.make(Object.fromEntries(Object.entries(FILES).map(([file, text]) => [`service/${file}`, text])));
    const root = path.join(top, 'service');
    git(top, ['init', '-q', '-b', 'main']);
    git(top, ['add', '-A']);
    git(top, ['commit', '-q', '-m', 'start']);
    git(top, ['checkout', '-q', '-b', 'topic']);
    // At the head: a new request for pay, and a changed file that serves CR-2.
    writeFileSync(path.join(root, '.alignment/more.yaml'), yaml('kind: request', 'id: CR-3', 'customer: Bergfeld Bikes', 'quote: Pay by invoice.', 'features: [pay]'));
    writeFileSync(path.join(root, 'src/pay/a.ts'), `// @serves CR-2\n${FILES['src/pay/a.ts']}`);
    git(top, ['add', '-A']);
    git(top, ['commit', '-q', '-m', 'invoice payments']);
    // The working tree says otherwise: CR-3 gone, the tag gone.
    rmSync(path.join(root, '.alignment/more.yaml'));
    writeFileSync(path.join(root, 'src/pay/a.ts'), FILES['src/pay/a.ts']);
    const run = truthline(['impact', '--base', 'main', '--head', 'topic', '--format', 'json'], root);
    assert.equal(run.status, 0, run.stderr);
    const impact = JSON.parse(run.stdout);
    assert.deepEqual(impact.files, ['src/pay/a.ts']);
    assert.deepEqual(impact.requests.map((request: { id: string }) => request.id), ['CR-1', 'CR-2', 'CR-3']);
    assert.deepEqual(impact.alignment, [{ path: '.alignment/more.yaml', status: 'added' }]);
  });

  it('says so, exit 2, when the head has no .alignment/ there, or the folder is not there', () => {
    const top = repos.make({ 'service/readme.md': 'no alignment\n' });
    git(top, ['init', '-q', '-b', 'main']);
    git(top, ['add', '-A']);
    git(top, ['commit', '-q', '-m', 'start']);
    const none = truthline(['impact', '--base', 'main', '--head', 'main'], path.join(top, 'service'));
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^truthline: no \.alignment\/ in .*service at [0-9a-f]{7}: nothing to name\n$/);
    const missing = truthline(['impact', path.join(top, 'nowhere'), '--head', 'main'], top);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^truthline: folder not found: .*nowhere\. Give the repository's root folder/);
  });
});

describe('changeImpact and the git output it is given', () => {
  it('reads name-status with renames and -U0 hunks as line ranges at the head', () => {
    assert.deepEqual(parseNameStatus('M\0a.ts\0R100\0old.ts\0new.ts\0D\0gone.ts\0A\0b c.ts\0'), [
      { path: 'a.ts', status: 'modified' }, { path: 'new.ts', status: 'renamed' }, { path: 'gone.ts', status: 'deleted' }, { path: 'b c.ts', status: 'added' },
    ]);
    const lines = parseChangedLines('diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n@@ -2 +2 @@\n-a\n+b\n@@ -9,2 +8,0 @@\n-c\n-d\n@@ -20,0 +21,3 @@\n+e\n--- a/gone.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n');
    assert.deepEqual([...lines], [['x.ts', [{ start: 2, end: 2 }, { start: 8, end: 8 }, { start: 21, end: 23 }]]]);
  });

  it('touches nothing for a change outside every feature, and never throws on a model with problems', () => {
    const model = loadAlignment([{ path: '.alignment/f.yaml', text: yaml('kind: feature', 'id: a', 'title: A', 'paths: [src/a/]', 'dependsOn: [a]') }]);
    const impact = changeImpact(model, [{ path: 'lib/x.ts', status: 'modified' }, { path: '.alignment/f.yaml', status: 'modified' }]);
    assert.deepEqual(impact.features, []);
    assert.deepEqual(impact.alignment, [{ path: '.alignment/f.yaml', status: 'modified' }]);
    assert.deepEqual(changeImpact(model, [{ path: 'src/a/x.ts', status: 'deleted' }]).downstream, [], 'a feature depending on itself is not its own downstream');
  });
});
