// The trend, thermocline latency and the week's status changes from a real git repository built with dated
// commits, and `truthline report` / `truthline review` end to end on it.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAlignment, type AlignmentModel } from '../../src/core';
import { buildReport, dayOf, parseIsoWeek, weeklyReview, type TruthReport } from '../../src/core/report';
import { readAlignmentHistory } from '../../src/git/alignmentHistory';
import { yaml } from './helpers';
import { buildCli, ROOT, TempRepos } from './tempRepos';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function git(root: string, args: readonly string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return execFileSync('git', args, { cwd: root, env, encoding: 'utf8' });
}

function commit(root: string, date: string, files: Record<string, string | null>): void {
  for (const [file, text] of Object.entries(files)) {
    const absolute = path.join(root, file);
    if (text === null) {
      rmSync(absolute);
    } else {
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
  }
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', `change of ${date}`], date);
}

const feature = (id: string, status: string): string => yaml('kind: feature', `id: ${id}`, `title: ${id}`, `reported: { status: ${status} }`);
const flag = (id: string, on: string, severity: string, raisedAt: string): string => yaml('kind: flag', `id: ${id}`, `feature: ${on}`, 'reality: only works in the demo', `severity: ${severity}`, `raisedAt: ${raisedAt}`);
const REQUEST = yaml('kind: request', 'id: CR-1', 'customer: Nordlicht Coworking GmbH', 'contact: Jonas Weber', 'quote: "Our members abandon the booking when the bank app opens — every time."', 'receivedAt: 2026-11-10');

/** pay: on-track, flagged 11-04, at-risk from 11-11 (7 days). ship: on-track, flagged 11-12, at-risk only on 11-25. */
function buildHistory(root: string): void {
  git(root, ['init', '-q', '-b', 'main']);
  commit(root, '2026-11-02T09:00:00+01:00', { '.alignment/features/pay.yaml': feature('pay', 'on-track'), '.alignment/features/ship.yaml': feature('ship', 'on-track'), 'src/a.ts': 'export {};\n' });
  commit(root, '2026-11-04T17:00:00+01:00', { '.alignment/flags/F-1.yaml': flag('F-1', 'pay', 'high', '2026-11-04') });
  commit(root, '2026-11-07T12:00:00+01:00', { 'src/a.ts': 'export const a = 1;\n' }); // not .alignment/: not a history commit
  commit(root, '2026-11-11T23:30:00-05:00', { '.alignment/features/pay.yaml': feature('pay', 'at-risk') }); // 11-11 as written, 11-12 in UTC
  commit(root, '2026-11-12T10:00:00+01:00', { '.alignment/flags/F-2.yaml': flag('F-2', 'ship', 'medium', '2026-11-12'), '.alignment/requests/cr-1.yaml': REQUEST });
  commit(root, '2026-11-25T10:00:00+01:00', { '.alignment/features/ship.yaml': feature('ship', 'at-risk') });
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function truthline(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('truth report from git history', function () {
  this.timeout(60_000);
  const repos = new TempRepos('truthline-report');
  let root: string;

  before(() => {
    buildCli();
    root = repos.make({});
    buildHistory(root);
  });

  after(() => {
    repos.removeAll();
  });

  function workingTree(): AlignmentModel {
    const files = (readdirSync(path.join(root, '.alignment'), { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => name.endsWith('.yaml'))
      .map((name) => ({ path: `.alignment/${name.split(path.sep).join('/')}`, text: readFileSync(path.join(root, '.alignment', name), 'utf8') }));
    return loadAlignment(files);
  }

  async function reportAt(asOf: string): Promise<TruthReport> {
    const day = dayOf(asOf) as number;
    const history = await readAlignmentHistory(root, day);
    return buildReport(workingTree(), [], day, history);
  }

  it('reads only the commits that changed .alignment/, each with the folder as it was', async () => {
    const history = await readAlignmentHistory(root, dayOf('2026-11-30') as number);
    assert.ok('commits' in history);
    assert.deepEqual(history.commits.map((c) => [c.date.slice(0, 10), c.files.map((file) => file.path).sort().join(' ')]), [
      ['2026-11-02', '.alignment/features/pay.yaml .alignment/features/ship.yaml'],
      ['2026-11-04', '.alignment/features/pay.yaml .alignment/features/ship.yaml .alignment/flags/F-1.yaml'],
      ['2026-11-11', '.alignment/features/pay.yaml .alignment/features/ship.yaml .alignment/flags/F-1.yaml'],
      ['2026-11-12', '.alignment/features/pay.yaml .alignment/features/ship.yaml .alignment/flags/F-1.yaml .alignment/flags/F-2.yaml .alignment/requests/cr-1.yaml'],
      ['2026-11-25', '.alignment/features/pay.yaml .alignment/features/ship.yaml .alignment/flags/F-1.yaml .alignment/flags/F-2.yaml .alignment/requests/cr-1.yaml'],
    ]);
    // An unchanged file is the same version (blob) from commit to commit.
    const ship = history.commits.map((c) => c.files.find((file) => file.path.endsWith('ship.yaml'))?.blob);
    assert.equal(new Set(ship.slice(0, 4)).size, 1);
    assert.notEqual(ship[4], ship[3]);
    assert.ok(history.commits[2]?.files.find((file) => file.path.endsWith('pay.yaml'))?.text.includes('at-risk'));
  });

  it('measures thermocline latency from the commits, up to as-of', async () => {
    const report = await reportAt('2026-11-20');
    assert.deepEqual(report.metrics.thermoclineLatencyDays, {
      median: 7,
      values: [{ flag: 'F-1', feature: 'pay', days: 7 }],
      stillHidden: [{ flag: 'F-2', feature: 'ship', days: 8 }],
    });
    const later = await reportAt('2026-11-30');
    assert.deepEqual(later.metrics.thermoclineLatencyDays.values.map((value) => [value.flag, value.days]), [['F-1', 7], ['F-2', 13]]);
    assert.equal(later.metrics.thermoclineLatencyDays.median, 10);
  });

  it('gives one trend point per week end from the first commit, each from the folder as committed then', async () => {
    const report = await reportAt('2026-11-20');
    assert.equal(report.trendUnavailable, null);
    assert.deepEqual(report.trend.map((point) => [point.date, point.truthDistortionIndex, point.thermoclineLatencyDays, point.stillHidden, point.openFlags]), [
      ['2026-11-08', 0.5, null, 1, 1], // pay on-track with F-1 open; ship clean
      ['2026-11-15', 1, 7, 1, 2], // pay at-risk now; ship on-track with F-2
      ['2026-11-20', 1, 7, 1, 2],
    ]);
  });

  it('says when the clone is shallow, and reports without a trend', async () => {
    const shallow = repos.make({});
    rmSync(shallow, { recursive: true, force: true });
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, shallow]);
    const history = await readAlignmentHistory(shallow, dayOf('2026-11-30') as number);
    assert.ok('unavailable' in history && /shallow clone/.test(history.unavailable));
  });

  it('follows the first-parent line through a merge: the merge brings the branch\'s files', async () => {
    const merged = repos.make({});
    git(merged, ['init', '-q', '-b', 'main']);
    commit(merged, '2026-11-02T09:00:00Z', { '.alignment/features/pay.yaml': feature('pay', 'on-track') });
    git(merged, ['checkout', '-q', '-b', 'flag']);
    commit(merged, '2026-11-03T09:00:00Z', { '.alignment/flags/F-1.yaml': flag('F-1', 'pay', 'high', '2026-11-03') });
    git(merged, ['checkout', '-q', 'main']);
    commit(merged, '2026-11-04T09:00:00Z', { '.alignment/features/ship.yaml': feature('ship', 'done') });
    git(merged, ['merge', '-q', '--no-ff', '-m', 'merge flag', 'flag'], '2026-11-05T09:00:00Z');
    commit(merged, '2026-11-06T09:00:00Z', { '.alignment/flags/F-1.yaml': null });
    const history = await readAlignmentHistory(merged, dayOf('2026-11-30') as number);
    assert.ok('commits' in history);
    assert.deepEqual(history.commits.map((c) => [c.date.slice(0, 10), c.files.map((file) => file.path).sort().join(' ')]), [
      ['2026-11-02', '.alignment/features/pay.yaml'],
      ['2026-11-04', '.alignment/features/pay.yaml .alignment/features/ship.yaml'],
      ['2026-11-05', '.alignment/features/pay.yaml .alignment/features/ship.yaml .alignment/flags/F-1.yaml'],
      ['2026-11-06', '.alignment/features/pay.yaml .alignment/features/ship.yaml'],
    ]);
  });

  it('reads a root below the repository\'s top folder', async () => {
    const top = repos.make({});
    git(top, ['init', '-q', '-b', 'main']);
    commit(top, '2026-11-02T09:00:00Z', { 'services/pay/.alignment/features/pay.yaml': feature('pay', 'on-track'), '.alignment/other.yaml': feature('other', 'done') });
    const history = await readAlignmentHistory(path.join(top, 'services', 'pay'), dayOf('2026-11-30') as number);
    assert.ok('commits' in history);
    assert.deepEqual(history.commits.map((c) => c.files.map((file) => file.path)), [['.alignment/features/pay.yaml']]);
  });

  it('lists the reported statuses that changed in the review week', async () => {
    const history = await readAlignmentHistory(root, dayOf('2026-11-30') as number);
    const review = weeklyReview(workingTree(), parseIsoWeek('2026-W46')!, dayOf('2026-11-15')!, history);
    assert.deepEqual(review.statusChanges.map((change) => [change.feature, change.from, change.to, change.date.slice(0, 10)]), [['pay', 'on-track', 'at-risk', '2026-11-11']]);
  });

  describe('truthline report and review (CLI)', () => {
    it('report --format json: asOf, the six metrics, features and the trend', () => {
      const run = truthline(['report', '--format', 'json', '--as-of', '2026-11-20'], root);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 0);
      const report = JSON.parse(run.stdout) as TruthReport;
      assert.equal(report.asOf, '2026-11-20');
      assert.deepEqual(Object.keys(report.metrics), ['decisionAttributionRate', 'customerToDecisionDays', 'validationRate', 'truthDistortionIndex', 'thermoclineLatencyDays', 'flagAcknowledgeDays']);
      assert.equal(report.metrics.decisionAttributionRate.value, null);
      assert.deepEqual(report.features.map((row) => [row.id, row.reported?.status, row.reality.disagrees]), [['ship', 'on-track', true], ['pay', 'at-risk', false]]);
      assert.deepEqual(report.trend.map((point) => point.date), ['2026-11-08', '2026-11-15', '2026-11-20']);
      assert.deepEqual(Object.keys(report.trend[0] ?? {}), ['date', 'commit', 'decisionAttributionRate', 'customerToDecisionDays', 'validationRate', 'truthDistortionIndex',
        'thermoclineLatencyDays', 'stillHidden', 'flagAcknowledgeDays', 'openFlags']);
    });

    it('report: Markdown to stdout with the customer and their words verbatim; --out writes a file', () => {
      const run = truthline(['report', '--as-of', '2026-11-20'], root);
      assert.equal(run.status, 0);
      assert.ok(run.stdout.includes('**Nordlicht Coworking GmbH (Jonas Weber)**, CR-1: waiting 10 days'));
      assert.ok(run.stdout.includes('> Our members abandon the booking when the bank app opens — every time.'));
      assert.ok(run.stdout.includes('**still hidden**: F-2 on ship (8 days)'));
      const out = truthline(['report', root, '--as-of=2026-11-20', '--format', 'json', '--out', path.join(root, 'report.json')], ROOT);
      assert.equal(out.stdout, '');
      assert.equal(out.status, 0);
      assert.equal((JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) as TruthReport).asOf, '2026-11-20');
    });

    it('review: the week\'s customers, quotes and status changes', () => {
      const run = truthline(['review', '--week', '2026-W46'], root);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^# Customer Truth Review — 2026-W46 \(2026-11-09 to 2026-11-15\)$/m);
      assert.ok(run.stdout.includes('**Nordlicht Coworking GmbH** (Jonas Weber) — CR-1, 2026-11-10'));
      assert.ok(run.stdout.includes('> Our members abandon the booking when the bank app opens — every time.'));
      assert.match(run.stdout, /^- pay: on-track → at-risk \(2026-11-11, [0-9a-f]{7}\)$/m);
      assert.match(run.stdout, /^- Raised: 1\n {2}- F-2 \(medium, ship\) 2026-11-12: only works in the demo$/m);
    });

    it('bad --week, --as-of or --format is a usage error (exit 2) saying what was expected', () => {
      const cases: [string[], RegExp][] = [
        [['review', '--week', '2026-48'], /--week takes an ISO week like 2026-W48, not "2026-48"/],
        [['review', '--week', '2026-W54'], /--week takes an ISO week/],
        [['report', '--as-of', '2026-02-30'], /--as-of takes a calendar date like 2026-11-30, not "2026-02-30"/],
        [['report', '--format', 'pdf'], /--format takes "html", "markdown" or "json", not "pdf"/],
        [['report', '--frobnicate'], /unknown option "--frobnicate"/],
      ];
      for (const [args, message] of cases) {
        const run = truthline(args, root);
        assert.equal(run.status, 2, args.join(' '));
        assert.match(run.stderr, message);
        assert.match(run.stderr, /Usage: truthline report/);
        assert.equal(run.stdout, '');
      }
    });

    it('without git history the report says why and has no trend; a broken .alignment/ still reports', () => {
      const plain = repos.make({
        '.alignment/features.yaml': yaml('- { kind: feature, id: pay, title: Pay, reported: { status: on-track } }', '- { kind: feature, id: pay, title: Again }', '- kind: request', '  id: CR-1', '  customer: Acme', '  quote: [unclosed'),
      });
      const run = truthline(['report', '--format', 'json', '--as-of', '2026-11-20'], plain);
      assert.equal(run.status, 0);
      const report = JSON.parse(run.stdout) as TruthReport;
      assert.deepEqual(report.trend, []);
      assert.match(report.trendUnavailable ?? '', /git cannot read history here/);
      assert.ok(report.problems.some((problem) => problem.code === 'duplicate-id'));
      const noGit = truthline(['report', '--as-of', '2026-11-20'], root, { ...process.env, PATH: '' });
      assert.equal(noGit.status, 0);
      assert.match(noGit.stdout, /^No trend: git is not installed\.$/m);
      assert.match(noGit.stdout, /## Problems in \.alignment\/|## Trend/);
    });
  });
});
