// npm run bench, the suspect statuses' part: a 1,000-item `.alignment/` whose settled statuses are tied to
// 500 source files (paths and tags), then 5,000 commits each changing one source file, built with
// `git fast-import` in a temporary folder. Times what `truthline check` adds: git (blame, log, diff) and
// core's rule. Figures are printed, never asserted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadAlignment, scanTags, suspectStatuses, type TagHit } from '../src/core';
import { readSuspectHistory } from '../src/git/suspectHistory';

const ITEMS = 1_000;
const ALIGNMENT_FILES = 50;
const SOURCES = 500;
const COMMITS = 5_000;
const START = Date.parse('2026-01-05T12:00:00Z') / 1000;

function itemText(i: number): string {
  const source = `src/mod-${i % SOURCES}.ts`;
  switch (i % 4) {
    case 0: return `- { kind: assumption, id: A-${i}, statement: Module ${i} stays fast, paths: [${source}], status: validated }`;
    case 1: return `- { kind: risk, id: R-${i}, risk: Module ${i} fell over, likelihood: high, impact: high, status: mitigated }`;
    case 2: return `- { kind: milestone, id: M-${i}, title: Beta ${i}, paths: [${source}], gates: [{ role: security, call: go }, { role: support, call: no-go }] }`;
    default: return `- { kind: assumption, id: A-${i}, statement: Nobody tested ${i}, paths: [${source}], status: untested }`;
  }
}

function sourceText(n: number, version: number): string {
  // Each module is tagged with the risks whose number maps to it: tags tie risks, paths the rest.
  const risks = [];
  for (let i = 1; i < ITEMS; i += 4) if (i % SOURCES === n) risks.push(`// @risk R-${i}`);
  return `${risks.join('\n')}\nexport const version${n} = ${version};\n`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** The fast-import stream: everything in the first commit, then one source file changed per commit, an hour apart. */
function importStream(): string {
  const parts: string[] = [];
  const perFile = ITEMS / ALIGNMENT_FILES;
  parts.push(`commit refs/heads/main\ncommitter Bench <b@example.com> ${START} +0000\n${data('everything')}`);
  for (let f = 0; f < ALIGNMENT_FILES; f++) {
    const lines = [];
    for (let i = f * perFile; i < (f + 1) * perFile; i++) lines.push(itemText(i));
    parts.push(`M 100644 inline .alignment/part-${f}.yaml\n${data(`${lines.join('\n')}\n`)}`);
  }
  for (let n = 0; n < SOURCES; n++) parts.push(`M 100644 inline src/mod-${n}.ts\n${data(sourceText(n, 0))}`);
  for (let c = 1; c <= COMMITS; c++) {
    const n = (c * 7) % SOURCES;
    parts.push(`commit refs/heads/main\ncommitter Bench <b@example.com> ${START + c * 3600} +0000\n${data(`change ${c}`)}M 100644 inline src/mod-${n}.ts\n${data(sourceText(n, c))}`);
  }
  return parts.join('');
}

export async function benchSuspects(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'truthline-bench-suspects-'));
  try {
    const built = Date.now();
    const git = (args: string[], input?: string): string => execFileSync('git', args, { cwd: root, input, encoding: 'utf8', maxBuffer: 1 << 28 });
    git(['init', '-q', '-b', 'main']);
    git(['fast-import', '--quiet'], importStream());
    git(['reset', '-q', '--hard', 'main']);
    const files = git(['ls-files']).split('\n').filter(Boolean);
    const texts = files.map((file) => ({ path: file, text: readFileSync(path.join(root, file), 'utf8') }));
    const model = loadAlignment(texts.filter((file) => file.path.startsWith('.alignment/')));
    const tags: TagHit[] = texts.filter((file) => file.path.startsWith('src/')).flatMap((file) => scanTags(file.text).map((tag) => ({ path: file.path, tag })));
    console.log(`\nsuspect statuses: ${model.items.length} items in ${ALIGNMENT_FILES} files, ${SOURCES} source files, ${COMMITS + 1} commits (built with git fast-import in ${((Date.now() - built) / 1000).toFixed(1)} s)`);

    const start = process.hrtime.bigint();
    const history = await readSuspectHistory(root, model);
    const read = process.hrtime.bigint();
    if (!history) throw new Error('not a git repository');
    const suspects = suspectStatuses(model, { ...history, tags, repoFiles: files });
    const done = process.hrtime.bigint();
    const ms = (from: bigint, to: bigint): number => Number(to - from) / 1e6;
    console.log(`  git: ${ALIGNMENT_FILES} blames (4 at a time) + one log + one diff   ${ms(start, read).toFixed(0)} ms (${history.changedAt.size} files changed since the oldest status)`);
    console.log(`  core's rule over ${model.items.length} items                          ${ms(read, done).toFixed(1)} ms   ${suspects.length} suspect statuses`);
    const total = ms(start, done);
    console.log(`  total                                          ${total.toFixed(0)} ms   target < 5 s  ${total < 5000 ? 'OK' : 'OVER'}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) void benchSuspects();
