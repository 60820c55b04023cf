// npm run bench, the truth report's part: the trend over 200 commits of a 1,000-item `.alignment/`, read
// from a real git repository (built once in a temporary folder). Figures are printed, never asserted.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadAlignment } from '../src/core';
import { buildReport, dateOfDay, dayOf } from '../src/core/report';
import { readAlignmentHistory } from '../src/git/alignmentHistory';

const FEATURES = 100;
const FILES = 50;
const ITEMS = 1_000;
const COMMITS = 200;
const FIRST_DAY = dayOf('2026-01-05') as number;
const STATUSES = ['on-track', 'at-risk', 'done', 'off-track'];

function itemText(i: number, statusOf: (feature: number) => string): string {
  const feature = i % FEATURES;
  if (i < FEATURES) return `- { kind: feature, id: feat-${i}, title: Feature ${i}, reported: { status: ${statusOf(i)}, progress: ${i % 100} }, direction: { for: [CR-${FEATURES + (i % 50) * 5}] } }`;
  switch (i % 5) {
    case 0: return `- { kind: request, id: CR-${i}, customer: Customer ${i % 97}, quote: "We need module ${i} to stop failing on Mondays.", receivedAt: 2026-01-0${1 + (i % 5)}, features: [feat-${feature}] }`;
    case 1: return `- { kind: decision, id: D-${i}, title: Decide ${i}, decidedAt: 2026-02-0${1 + (i % 9)}, features: [feat-${feature}], sources: [{ request: CR-${i - 1} }] }`;
    case 2: return `- { kind: assumption, id: A-${i}, statement: Traffic for ${i} stays low, feature: feat-${feature}, milestone: M-${i + 1}, status: ${i % 2 ? 'validated' : 'untested'} }`;
    case 3: return `- { kind: milestone, id: M-${i}, title: Beta ${i}, feature: feat-${feature}, due: 2026-0${3 + (i % 6)}-01, gates: [{ role: security, call: ${i % 7 ? 'go' : 'no-go'} }] }`;
    default: return `- { kind: flag, id: F-${i}, feature: feat-${feature}, reality: only in the demo, severity: high, raisedAt: 2026-01-1${i % 10}, status: ${i % 3 ? 'open' : 'acknowledged'}, acknowledgedAt: 2026-01-2${i % 10} }`;
  }
}

/** The folder's files with every feature's status as `statusOf` says. */
function folderFiles(statusOf: (feature: number) => string): Map<string, string> {
  const files = new Map<string, string>();
  const perFile = ITEMS / FILES;
  for (let f = 0; f < FILES; f++) {
    const lines = [];
    for (let i = f * perFile; i < (f + 1) * perFile; i++) lines.push(itemText(i, statusOf));
    files.set(`.alignment/part-${f}.yaml`, `${lines.join('\n')}\n`);
  }
  return files;
}

/** 200 commits, one a day: the whole folder first, then each commit changes one feature's status or adds a flag. */
function buildRepository(root: string): void {
  const git = (args: string[], date?: string): void => {
    execFileSync('git', args, { cwd: root, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'b@example.com', ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) } });
  };
  git(['init', '-q']);
  const statuses = Array.from({ length: FEATURES }, (_, i) => STATUSES[i % 2] as string);
  let written = new Map<string, string>();
  for (let c = 0; c < COMMITS; c++) {
    if (c > 0 && c % 4 === 3) {
      mkdirSync(path.join(root, '.alignment', 'flags'), { recursive: true });
      writeFileSync(path.join(root, '.alignment', 'flags', `F-new-${c}.yaml`), `kind: flag\nid: F-new-${c}\nfeature: feat-${c % FEATURES}\nreality: seen in production\nseverity: medium\nraisedAt: ${dateOfDay(FIRST_DAY + c)}\n`);
    } else if (c > 0) {
      const feature = (c * 7) % FEATURES;
      statuses[feature] = STATUSES[(STATUSES.indexOf(statuses[feature] as string) + 1) % STATUSES.length] as string;
    }
    const files = folderFiles((feature) => statuses[feature] as string);
    for (const [file, text] of files) {
      if (written.get(file) === text) continue;
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    written = files;
    git(['add', '-A']);
    git(['commit', '-q', '-m', `day ${c}`], dateOfDay(FIRST_DAY + c));
  }
}

export async function benchReportTrend(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'truthline-bench-report-'));
  try {
    const built = Date.now();
    buildRepository(root);
    const asOf = FIRST_DAY + COMMITS - 1;
    console.log(`\ntruth report trend: ${COMMITS} commits of a ${ITEMS}-item .alignment/ (${FILES} files), test repository built in ${((Date.now() - built) / 1000).toFixed(1)} s`);
    const start = process.hrtime.bigint();
    const history = await readAlignmentHistory(root, asOf);
    const read = process.hrtime.bigint();
    if (!('commits' in history)) throw new Error(`no history: ${history.unavailable}`);
    const report = buildReport(loadAlignment([]), [], asOf, history);
    const done = process.hrtime.bigint();
    const ms = (from: bigint, to: bigint): number => Number(to - from) / 1e6;
    const total = ms(start, done);
    console.log(`  git log + cat-file --batch (${history.commits.length} commits)   ${ms(start, read).toFixed(0)} ms`);
    console.log(`  parse changed files + metrics at ${report.trend.length} week ends   ${ms(read, done).toFixed(0)} ms`);
    console.log(`  total                                          ${total.toFixed(0)} ms   target < 5 s  ${total < 5000 ? 'OK' : 'OVER'}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) void benchReportTrend();
