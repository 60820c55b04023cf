// Suspect statuses: core's rule on stamps given as data, then on real git repositories with dated commits
// through `truthline check` (git blame of the status lines, git log of the tied files, the working tree).
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { confirmStatus, scanTags, suspectProblems, suspectStatuses, type Stamp, type TagHit } from '../../src/core';
import { load, yaml } from './helpers';
import { buildCli, ROOT, TempRepos } from './tempRepos';

const ITEMS = yaml(
  '- kind: feature', '  id: pay', '  title: Payments', '  paths: [src/]',
  '- kind: assumption', '  id: A-1', '  statement: Banks support 3-D Secure 2.', '  paths: [src/a.ts]', '  status: validated',
  '- kind: assumption', '  id: A-2', '  statement: Nobody tests this.', '  paths: [src/a.ts]', '  status: untested',
  '- kind: risk', '  id: R-1', '  risk: Webhooks were forged.', '  feature: pay', '  likelihood: high', '  impact: high', '  status: mitigated',
  '- kind: risk', '  id: R-2', '  risk: Only its feature covers it.', '  feature: pay', '  likelihood: low', '  impact: low', '  status: retired',
  '- kind: milestone', '  id: M1', '  title: SCA live', '  paths: [src/m.ts]', '  gates:', '    - role: Security', '      call: go', '    - role: Support', '      call: pending',
);
// Lines of ITEMS: A-1's status is line 9, R-1's line 21, M1's Security call line 35.
const A1_STATUS = 9;
const R1_STATUS = 21;
const M1_SECURITY_CALL = 35;

const day = (date: string): number => Date.parse(`${date}T12:00:00Z`) / 1000;
const stamp = (commit: string, date: string): Stamp => ({ commit, time: day(date) });

describe('suspect statuses (core)', () => {
  const model = load({ '.alignment/items.yaml': ITEMS });
  const tags: TagHit[] = scanTags('// @risk R-1\n// @risk R-2\n').map((tag) => ({ path: 'src/b.ts', tag }));
  const repoFiles = ['src/a.ts', 'src/b.ts', 'src/m.ts', 'src/other.ts'];
  const written = new Map([[A1_STATUS, stamp('a1', '2026-10-01')], [R1_STATUS, stamp('r1', '2026-10-01')], [M1_SECURITY_CALL, stamp('m1', '2026-10-01')]]);
  const suspects = (changes: Record<string, Stamp>, writtenAt = written) =>
    suspectStatuses(model, { writtenAt: (file, line) => (file === '.alignment/items.yaml' ? writtenAt.get(line) : undefined), changedAt: new Map(Object.entries(changes)), tags, repoFiles });

  it('finds a settled status whose own paths or tags changed after it was written, naming what changed, latest first', () => {
    const found = suspects({ 'src/a.ts': stamp('c2', '2026-10-15'), 'src/b.ts': stamp('c3', '2026-10-20'), 'src/m.ts': stamp('c0', '2026-09-01') });
    assert.deepEqual(found.map((suspect) => [suspect.entry.id, suspect.status, suspect.range.line, suspect.changed.map((change) => change.path)]), [
      ['A-1', 'validated', A1_STATUS, ['src/a.ts']],
      ['R-1', 'mitigated', R1_STATUS, ['src/b.ts']],
    ]);
  });

  it('never through the feature (src/other.ts is the feature\'s only), never for an open or untested status, nor a pending gate', () => {
    assert.deepEqual(suspects({ 'src/other.ts': stamp('c2', '2026-10-15') }), []);
    const gate = suspects({ 'src/m.ts': stamp('c2', '2026-10-15') });
    assert.deepEqual(gate.map((suspect) => [suspect.entry.id, suspect.status, suspect.range.line]), [['M1', 'Security: go', M1_SECURITY_CALL]]);
  });

  it('is no longer suspect once reviewed after the change (reviewedAt\'s line written later)', () => {
    const reviewed = load({ '.alignment/items.yaml': ITEMS.replace('  status: validated\n', '  status: validated\n  reviewedAt: 2026-10-16\n') });
    const found = suspectStatuses(reviewed, {
      writtenAt: (_file, line) => (line === A1_STATUS + 1 ? stamp('rv', '2026-10-16') : written.get(line)),
      changedAt: new Map([['src/a.ts', stamp('c2', '2026-10-15')]]),
      tags,
      repoFiles,
    });
    assert.deepEqual(found, []);
  });

  it('says what the status says, since when, what changed after, and what to do, at the status', () => {
    const [warning] = suspectProblems(suspects({ 'src/a.ts': { commit: undefined, time: day('2026-11-30') } }));
    assert.equal(warning?.code, 'suspect');
    assert.equal(warning?.severity, 'warning');
    assert.deepEqual([warning?.line, warning?.column], [A1_STATUS, 11]);
    assert.equal(warning?.message, 'A-1 says "validated" since 2026-10-01, a1, but code tied to it changed after: src/a.ts (uncommitted, 2026-11-30). Check that it still holds, then confirm it (reviewedAt: today) or change it.');
  });

  it('has nothing to say without dates (a file git does not know)', () => {
    assert.deepEqual(suspects({ 'src/a.ts': stamp('c2', '2026-10-15') }, new Map()), []);
  });
});

describe('suspect statuses in truthline check, from git', function () {
  this.timeout(60_000);
  const repos = new TempRepos('truthline-suspects');
  const CLI = path.join(ROOT, 'dist', 'cli.js');
  let root: string;

  const git = (args: readonly string[], date?: string): string => execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com', ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) },
  });
  const check = (...args: string[]): { status: number | null; stdout: string } => {
    const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stdout: result.stdout };
  };
  const suspectLines = (stdout: string): string[] => stdout.split('\n').filter((line) => line.includes('suspect:'));

  before(() => {
    buildCli();
    root = repos.make({ '.alignment/items.yaml': ITEMS, 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': '// @risk R-1\nexport const b = 1;\n', 'src/m.ts': 'export const m = 1;\n', 'src/other.ts': '\n' });
    git(['init', '-q', '-b', 'main']);
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'statuses'], '2026-10-01');
    writeFileSync(path.join(root, 'src/a.ts'), 'export const a = 2;\n');
    git(['commit', '-q', '-am', 'a changes'], '2026-10-15');
  });

  after(() => repos.removeAll());

  it('warns at the status line, with the commits and dates, and the exit code stays 0', () => {
    const result = check();
    assert.equal(result.status, 0, result.stdout);
    const lines = suspectLines(result.stdout);
    assert.equal(lines.length, 1, result.stdout);
    assert.match(lines[0] ?? '', new RegExp(`^\\.alignment/items\\.yaml:${A1_STATUS}:11: warning suspect: A-1 says "validated" since 2026-10-01, [0-9a-f]{7}, but code tied to it changed after: src/a\\.ts \\(2026-10-15, [0-9a-f]{7}\\)\\.`));
  });

  it('counts the working tree: a tagged file modified and not committed makes R-1 suspect', () => {
    writeFileSync(path.join(root, 'src/b.ts'), '// @risk R-1\nexport const b = 2;\n');
    try {
      const lines = suspectLines(check().stdout);
      assert.equal(lines.length, 2, lines.join('\n'));
      assert.match(lines[1] ?? '', /items\.yaml:21:11: warning suspect: R-1 says "mitigated" since 2026-10-01, .*src\/b\.ts \(uncommitted, /);
    } finally {
      git(['checkout', '-q', '--', 'src/b.ts']);
    }
  });

  it('is quiet once the status is confirmed (reviewedAt committed after the change), and with --no-suspects', () => {
    assert.equal(suspectLines(check('--no-suspects').stdout).length, 0);
    const file = path.join(root, '.alignment/items.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('  status: validated\n', '  status: validated\n  reviewedAt: 2026-10-20\n'));
    git(['commit', '-q', '-am', 'A-1 confirmed'], '2026-10-20');
    assert.deepEqual(suspectLines(check().stdout), []);
  });

  it('works on a detached HEAD, and counts a tied file deleted in the working tree as changed now', () => {
    git(['checkout', '-q', '--detach', 'HEAD']);
    rmSync(path.join(root, 'src/m.ts'));
    try {
      const lines = suspectLines(check().stdout);
      assert.ok(lines.some((line) => /M1 says "security: go"|M1 says "Security: go"/.test(line) && /src\/m\.ts \(uncommitted, /.test(line)), lines.join('\n'));
    } finally {
      git(['checkout', '-q', '--', 'src/m.ts']);
      git(['checkout', '-q', 'main']);
    }
  });

  it('says nothing about suspects outside a git repository', () => {
    const plain = repos.make({ '.alignment/items.yaml': ITEMS, 'src/a.ts': 'export const a = 1;\n' });
    const result = spawnSync(process.execPath, [CLI, 'check', plain], { cwd: os.tmpdir(), encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.status, 0, result.stdout);
    assert.deepEqual(suspectLines(result.stdout), []);
  });
});

describe('confirmStatus', () => {
  const text = yaml(
    '# Assumptions of payments',
    '- kind: assumption',
    '  id: A-1',
    '  statement: Banks support 3-D Secure 2.',
    '  status: validated # tested at M1',
    '  evidence: Sandbox run, 2026-10-01.',
    '- kind: milestone',
    '  id: M1',
    '  title: SCA live',
    '  gates:',
    '    - role: Security',
    '      call: go',
    '      reason: Reviewed.',
    '- kind: risk',
    '  id: R-1',
    '  risk: Forged webhooks.',
    '  likelihood: high',
    '  impact: high',
    '  status: mitigated',
    '  paths: [src/webhooks.ts]',
  );
  const actor = { by: 'Ada Tester', at: '2026-11-30' };

  it('writes reviewedAt and reviewedBy after the status, keeping the comments and the rest as written', () => {
    const result = confirmStatus(text, 'A-1', actor);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.text, text.replace('  evidence: Sandbox run, 2026-10-01.\n', '  evidence: Sandbox run, 2026-10-01.\n  reviewedAt: 2026-11-30\n  reviewedBy: Ada Tester\n'));
    const model = load({ '.alignment/a.yaml': result.text });
    assert.deepEqual(model.problems, []);
  });

  it('confirms a gate\'s call on the gate, and a risk in its keys\' order; without a name only the date', () => {
    const gate = confirmStatus(text, 'M1', actor, 0);
    assert.ok(gate.ok);
    assert.match(gate.text, / {6}reason: Reviewed\.\n {6}reviewedAt: 2026-11-30\n {6}reviewedBy: Ada Tester\n/);
    const risk = confirmStatus(text, 'R-1', { at: '2026-11-30' });
    assert.ok(risk.ok);
    assert.match(risk.text, / {2}status: mitigated\n {2}reviewedAt: 2026-11-30\n {2}paths: \[src\/webhooks\.ts\]\n/);
  });

  it('refuses what has no status to confirm, saying why', () => {
    const flag = confirmStatus(yaml('kind: flag', 'id: F-1', 'reality: x'), 'F-1', actor);
    assert.deepEqual(flag, { ok: false, message: 'F-1 is a flag: only an assumption, a risk or a gate\'s call is confirmed' });
    const noGate = confirmStatus(text, 'M1', actor, 3);
    assert.deepEqual(noGate, { ok: false, message: 'milestone M1 has no gate 4 to confirm' });
    assert.equal(confirmStatus(text, 'X-9', actor).ok, false);
  });
});
