// npm run bench: speed of load + validate + index against the bare `yaml` parse of the same files,
// and of one path lookup. Prints figures and ratios; targets are checked by reading them, never asserted
// in the test suite (timings on a shared 2-core machine are noise for a pass/fail test).
import { loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildModel, buildModelSteps, checkAnchors, codeFor, GlobMatchMemo, RepoPathTies, fileLenses, itemsForFile, loadAlignment, parseAlignmentFile, scanTags, type FileParse, type LoadedItem, type TextFile } from '../src/core';
import { formatHostileTable, timeHostile, type HostileRow } from './benchTable';
import { benchTree, TAG_PATTERN } from './benchTree';
import { ALIGNMENT_INPUTS, TAG_SCANNER_INPUTS } from './hostileInputs';
import { benchReportTrend } from './benchReport';
import { benchSuspects } from './benchSuspects';
import { benchEditorStall } from './benchEditor';

export interface Scenario {
  name: string;
  features: number;
  items: number;
  itemsPerFile: number;
}

export const SCENARIOS: Scenario[] = [
  { name: '1k items', features: 200, items: 1_000, itemsPerFile: 20 },
  { name: '10k items, 2k features', features: 2_000, items: 10_000, itemsPerFile: 25 },
];

export function generate(scenario: Scenario): { files: TextFile[]; repoPaths: string[] } {
  const items: string[] = [];
  const repoPaths: string[] = [];
  for (let f = 0; f < scenario.features; f++) {
    const area = `src/area-${f % 50}/module-${f}`;
    repoPaths.push(`${area}/index.ts`, `${area}/handler.ts`, `${area}/generated/schema.ts`);
    items.push([
      `- kind: feature`,
      `  id: feat-${f}`,
      `  title: Feature number ${f}`,
      `  paths: ["${area}/", "!${area}/generated/", "*.feat${f}.ts"]`,
      `  owners: [team-${f % 17}]`,
      `  reported: { status: ${f % 3 === 0 ? 'on-track' : 'at-risk'}, progress: ${f % 100}, source: weekly report, asOf: 2026-11-02 }`,
      `  direction: { goal: Make module ${f} dependable, for: [CR-${6 * (f % 100)}], successSignal: fewer tickets }`,
      ...(f > 0 ? [`  dependsOn: [feat-${f - 1}]`] : []),
    ].join('\n'));
  }
  const kinds = ['request', 'assumption', 'risk', 'milestone', 'decision', 'flag'];
  for (let i = 0; items.length < scenario.items; i++) {
    const feature = `feat-${i % scenario.features}`;
    const kind = kinds[i % kinds.length];
    switch (kind) {
      case 'request':
        items.push(`- kind: request\n  id: CR-${i}\n  customer: Customer ${i % 97}\n  quote: "We need module ${i} to stop failing on Mondays."\n  receivedAt: 2026-10-01\n  features: [${feature}]\n  priority: high`);
        break;
      case 'assumption':
        items.push(`- kind: assumption\n  id: A-${i}\n  statement: Traffic for module ${i} stays under 100 rps\n  feature: ${feature}\n  status: ${i % 2 ? 'validated' : 'untested'}`);
        break;
      case 'risk':
        items.push(`- kind: risk\n  id: R-${i}\n  risk: The payment provider throttled us during the sale\n  feature: ${feature}\n  likelihood: high\n  impact: medium\n  earlyWarningSign: 429s in the logs\n  mitigationStrategy: queue and retry\n  paths: [src/area-${i % 50}/]`);
        break;
      case 'milestone':
        items.push(`- kind: milestone\n  id: M-${i}\n  title: Beta for ${feature}\n  feature: ${feature}\n  due: 2026-12-01\n  gates:\n    - { role: security, who: Dana, call: go }\n    - { role: support, call: pending }`);
        break;
      case 'decision':
        items.push(`- kind: decision\n  id: D-${i}\n  title: Use the queue for ${feature}\n  decidedAt: 2026-09-09\n  features: [${feature}]\n  sources: [{ customer: Customer ${i % 97}, quote: "Retries are fine" }]`);
        break;
      default:
        items.push(`- kind: flag\n  id: F-${i}\n  feature: ${feature}\n  reported: on track\n  reality: only works in the demo environment\n  severity: high\n  raisedBy: engineer\n  raisedAt: 2026-11-20\n  anchor: { path: src/area-${i % 50}/module-${i % scenario.features}/index.ts, startLine: 3, endLine: 5 }`);
    }
  }
  const files: TextFile[] = [];
  for (let start = 0; start < items.length; start += scenario.itemsPerFile) {
    files.push({ path: `.alignment/part-${files.length}.yaml`, text: items.slice(start, start + scenario.itemsPerFile).join('\n') + '\n' });
  }
  return { files, repoPaths };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(runs: number, action: () => void): number {
  action(); // warm up the JIT and caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    action();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

function format(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`;
}

export async function bench(scenario: Scenario): Promise<void> {
  const { files, repoPaths } = generate(scenario);
  const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
  const runs = scenario.items > 5_000 ? 5 : 15;
  const bare = time(runs, () => {
    for (const file of files) for (const document of parseAllDocuments(file.text)) document.toJS();
  });
  const jsYaml = time(runs, () => {
    for (const file of files) loadAll(file.text);
  });
  let model = loadAlignment(files);
  const full = time(runs, () => {
    model = loadAlignment(files);
  });
  if (model.problems.length > 0) throw new Error(`synthetic data has problems: ${model.problems[0]?.message}`);
  const withGlobCheck = time(Math.min(runs, 5), () => {
    loadAlignment(files, { repoFiles: repoPaths });
  });
  const lookups = repoPaths.filter((_, index) => index % 7 === 0);
  const lookupRounds = 20;
  const lookupTotal = time(5, () => {
    for (let round = 0; round < lookupRounds; round++) for (const path of lookups) model.pathIndex.lookup(path);
  });
  const perLookup = lookupTotal / (lookups.length * lookupRounds);
  const perItemsForFile = time(5, () => {
    for (const path of lookups) itemsForFile(model, path);
  }) / lookups.length;

  console.log(`\n${scenario.name}: ${model.items.length} items (${model.byKind.feature.length} features) in ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
  console.log(`  js-yaml loadAll (values only, no positions)  ${format(jsYaml)}   (load average ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.cpus().length} cores)`);
  console.log(`  bare yaml parse (parseAllDocuments + toJS)   ${format(bare)}   ${(bare / jsYaml).toFixed(2)}x js-yaml`);
  console.log(`  load + validate + index (loadAlignment)      ${format(full)}   ratio ${(full / bare).toFixed(2)}x yaml   target <= 1.5x  ${full / bare <= 1.5 ? 'OK' : 'OVER'};   ${(full / jsYaml).toFixed(2)}x js-yaml   target <= 3x  ${full / jsYaml <= 3 ? 'OK' : 'OVER'}`);
  console.log(`  ... with glob-matches-nothing over ${repoPaths.length} files  ${format(withGlobCheck)}   ratio ${(withGlobCheck / bare).toFixed(2)}x`);
  console.log(`  one path lookup (pathIndex.lookup)           ${format(perLookup)}   target < 50 µs  ${perLookup < 0.05 ? 'OK' : 'OVER'}`);
  console.log(`  itemsForFile (everything for one file)       ${format(perItemsForFile)}`);
  await benchReload(files, repoPaths, full, runs);
}

/**
 * What the editor does: on a change it parses the one file again and builds the model from every file's
 * parse (kept). On its first load it parses file by file (awaiting each read in between) and then builds
 * the model once: the longest of those synchronous steps is what blocks the extension host.
 */
async function benchReload(files: readonly TextFile[], repoPaths: readonly string[], full: number, runs: number): Promise<void> {
  const parses: FileParse[] = files.map((file) => parseAlignmentFile(file.path, file.text));
  // As the editor builds: with the repository's files for the glob check, the memo of patterns seen, and
  // the model before (the files not changed keep their parses).
  const options = { repoFiles: repoPaths, globMemo: new GlobMatchMemo() };
  const previous = buildModel(parses, options);
  const middle = Math.floor(files.length / 2);
  const featureFile = files.findIndex((file) => file.text.includes('kind: feature') && file.text.includes('status: on-track'));
  const edits: { name: string; at: number; edit: (text: string) => string }[] = [
    { name: 'a word of a quote', at: middle, edit: (text) => text.replace('stop failing', 'stop timing out') },
    { name: 'a customer renamed', at: middle, edit: (text) => text.replace('customer: Customer', 'customer: Client') },
    { name: 'a feature\'s status', at: featureFile, edit: (text) => text.replace('status: on-track', 'status: at-risk') },
    { name: 'an item added', at: middle, edit: (text) => `${text}- kind: risk\n  id: R-new\n  risk: A new risk\n  feature: feat-1\n  likelihood: low\n  impact: low\n` },
  ];
  const reloads = edits.map(({ name, at, edit }) => {
    const file = files[at] as TextFile;
    const text = edit(file.text);
    if (text === file.text) throw new Error(`the edit "${name}" changed nothing`);
    return {
      name,
      ms: time(runs, () => {
        const again = [...parses];
        again[at] = parseAlignmentFile(file.path, text);
        buildModel(again, { ...options, previous });
      }),
    };
  });
  const reload = Math.max(...reloads.map((entry) => entry.ms));
  // The editor builds its first model a phase at a time (buildModelSteps), with a turn for its host between.
  const phases: number[] = [];
  for (let run = 0; run < runs; run++) {
    const steps = buildModelSteps(parses, options);
    let longestPhase = 0;
    for (let done = false; !done; ) {
      const start = process.hrtime.bigint();
      done = steps.next().done === true;
      longestPhase = Math.max(longestPhase, Number(process.hrtime.bigint() - start) / 1e6);
    }
    phases.push(longestPhase);
  }
  const build = median(phases);
  // The editor learns a new listing's answers in slices (GlobMatchMemo.learn's) before it rebuilds with it.
  const model = buildModel(parses);
  const learning: number[] = [];
  const learnSlices = async (): Promise<void> => {
    let sliceStart = process.hrtime.bigint();
    await new GlobMatchMemo().learn(model, repoPaths, async () => {
      learning.push(Number(process.hrtime.bigint() - sliceStart) / 1e6);
      sliceStart = process.hrtime.bigint();
    });
    learning.push(Number(process.hrtime.bigint() - sliceStart) / 1e6);
  };
  await learnSlices();
  const firstGlobCheck = Math.max(...learning);
  let longestParse = 0;
  for (const file of files) longestParse = Math.max(longestParse, time(1, () => parseAlignmentFile(file.path, file.text)));
  const longest = Math.max(build, longestParse, firstGlobCheck);
  console.log(`  one-file reload (parse 1 file + buildModel from the model before, glob check over ${repoPaths.length} files remembered), the slowest of:`);
  for (const { name, ms } of reloads) console.log(`    ${name.padEnd(22)} ${format(ms)}   ${((100 * ms) / full).toFixed(1)}% of a full load`);
  console.log(`  one-file reload, slowest  ${format(reload)}   ${((100 * reload) / full).toFixed(1)}% of a full load   target <= 5%  ${reload <= full * 0.05 ? 'OK' : 'OVER'}`);
  console.log(`  longest synchronous step of the editor's load ${format(longest)} (longest phase of buildModelSteps ${format(build)}, longest slice of learning the glob answers ${format(firstGlobCheck)}, largest one-file parse ${format(longestParse)})   target <= 50 ms  ${longest <= 50 ? 'OK' : 'OVER'}`);
}

function benchTags(): void {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    lines.push(i % 200 === 0 ? `// @serves CR-${i} @risk R-${i}` : `const value${i} = compute(${i}); // plain comment`);
  }
  const text = lines.join('\n');
  let count = 0;
  const perScan = time(20, () => {
    count = scanTags(text).length;
  });
  console.log(`\ncomment tags: scanTags on a 10,000-line file (${count} tags)  ${format(perScan)}   target < 5 ms  ${perScan < 5 ? 'OK' : 'OVER'}`);
}

/** "In the code" over a 30,000-file repository: the first answer reads every path, later ones the ties built once. */
function benchCodeFor(): void {
  const model = loadAlignment(exampleFiles());
  const many = Array.from({ length: 30_000 }, (_, i) => `src/payments/m${i % 100}/f${i}.ts`);
  let places = 0;
  const first = time(5, () => {
    places = codeFor(model, 'CR-101', [], many).length;
  });
  const ties = new RepoPathTies(model, many);
  const warm = time(20, () => codeFor(model, 'R-1', [], ties));
  console.log(`
codeFor over 30,000 repository paths (${places} places for CR-101): from the list ${format(first)}   target < 1 s  ${first < 1_000 ? 'OK' : 'OVER'};   from ties built once ${format(warm)}   target < 50 ms  ${warm < 50 ? 'OK' : 'OVER'}`);
}

/** The example repository's `.alignment/` files. */
function exampleFiles(): TextFile[] {
  const example = path.resolve(__dirname, '..', '..', 'examples', 'checkout-service', '.alignment');
  return (readdirSync(example, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => /\.ya?ml$/.test(name))
    .map((name) => ({ path: `.alignment/${name.split(path.sep).join('/')}`, text: readFileSync(path.join(example, name), 'utf8') }));
}

/** CodeLens for a 10,000-line module with the example repository's model: what the editor asks on each change. */
function benchLenses(): void {
  const model = loadAlignment(exampleFiles());
  const tagged = ['// @serves CR-101, CR-102', '// @risk R-1', '// @assumes A-2', '// @milestone M2', '// @flag F-20261112-q7hm', '// @serves CR-999'];
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) lines.push(i % 100 === 0 ? (tagged[(i / 100) % tagged.length] as string) : `  const value${i} = compute(${i}); // plain comment`);
  const text = lines.join('\n');
  // Drift comes from the anchor tracker, computed off the typing path; the lens reads it from a map.
  const drifted = checkAnchors(model, new Map([['src/payments/paymentService.ts', text]])).locations;
  const isDrifted = (flag: LoadedItem<'flag'>): boolean => drifted.get(flag.id)?.state === 'drifted';
  // The editor asks on every pause in typing: measure the steady state, after the JIT has compiled it.
  for (let i = 0; i < 10; i++) fileLenses(model, 'src/payments/paymentService.ts', text, { isDrifted });
  let count = 0;
  const perFile = time(20, () => {
    const lenses = fileLenses(model, 'src/payments/paymentService.ts', text, { isDrifted });
    count = lenses.tags.length + (lenses.module ? 1 : 0);
  });
  console.log(`CodeLens: fileLenses on a 10,000-line file, example model (${count} lenses)  ${format(perFile)}   target < 5 ms  ${perFile < 5 ? 'OK' : 'OVER'}`);
}

/** Files a branch could commit to freeze the editor or CI: one row each, timed once. */
function hostileRows(): HostileRow[] {
  scanTags('// @serves CR-1\n'.repeat(1000)); // compile the scanner first
  const scans = TAG_SCANNER_INPUTS.map((input) => {
    const text = input.text();
    return timeHostile(`scanTags: ${input.name}`, Buffer.byteLength(text), () => {
      const tags = scanTags(text).length;
      return `${tags} ${tags === 1 ? 'tag' : 'tags'}`;
    });
  });
  loadAlignment([{ path: '.alignment/warm-up.yaml', text: 'kind: feature\nid: a\ntitle: A\n' }]);
  const loads = ALIGNMENT_INPUTS.map((input) => {
    const text = input.text();
    return timeHostile(`load: ${input.name}`, Buffer.byteLength(text), () => {
      const model = loadAlignment([{ path: '.alignment/hostile.yaml', text }]);
      const codes = [...new Set(model.problems.map((problem) => problem.code))];
      return `${model.items.length} ${model.items.length === 1 ? 'item' : 'items'}; ${model.problems.length} ${model.problems.length === 1 ? 'problem' : 'problems'}${codes.length > 0 ? `: ${codes.slice(0, 3).join(', ')}` : ''}`;
    });
  });
  return [...scans, ...loads];
}

const REPOSITORY = path.resolve(__dirname, '..', '..');

/** Runs a command to its end; its wall time in ms, exit code and output. */
function runProcess(command: string, args: readonly string[]): { ms: number; status: number | null; stdout: string; stderr: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** ripgrep on PATH, or Debian's package fetched into the cache by scripts/install-ripgrep.sh; else why not. */
function findRipgrep(): { rg: string } | { why: string } {
  const install = spawnSync('bash', [path.join(REPOSITORY, 'scripts', 'install-ripgrep.sh')], { encoding: 'utf8' });
  if (install.error) return { why: install.error.message };
  const last = `${install.stdout}`.trim().split('\n').at(-1);
  if (install.status !== 0 || !last) return { why: `${install.stderr}`.trim().split('\n').at(-1) || `install-ripgrep.sh exited ${install.status}` };
  return { rg: last };
}

/**
 * `truthline check` on the generated 30,000-file tree against ripgrep finding the same tags in the same files
 * (hidden files searched, .git and node_modules skipped, .gitignore honoured without a git repository, files
 * over 1 MiB skipped, as the check does), run in turn so that both see the same machine.
 */
function benchScan(runs = 5): void {
  const build = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: REPOSITORY, encoding: 'utf8' });
  if (build.status !== 0) {
    console.log(`\ncheck vs ripgrep: npm run build failed, nothing timed\n${build.stderr}`);
    return;
  }
  const generating = process.hrtime.bigint();
  const tree = benchTree();
  const setup = Number(process.hrtime.bigint() - generating) / 1e6;
  const cli = path.join(REPOSITORY, 'dist', 'cli.js');
  const found = findRipgrep();
  const rgArgs = ['--no-messages', '--no-require-git', '--hidden', '-g', '!.git', '-g', '!node_modules', '--max-filesize', '1M', '-n', TAG_PATTERN, tree.root];
  const checks: number[] = [];
  const greps: number[] = [];
  const ratios: number[] = [];
  let check = runProcess(process.execPath, [cli, 'check', tree.root]); // warm-up: the tree into the page cache
  let grep = 'rg' in found ? runProcess(found.rg, rgArgs) : undefined;
  for (let i = 0; i < runs; i++) {
    check = runProcess(process.execPath, [cli, 'check', tree.root]);
    checks.push(check.ms);
    if ('rg' in found) {
      grep = runProcess(found.rg, rgArgs);
      greps.push(grep.ms);
      ratios.push(check.ms / grep.ms);
    }
  }
  const summary = check.stdout.trim().split('\n').at(-1)?.replace(/ \(.*/, '') ?? '';
  console.log(`\ncheck vs ripgrep on a generated tree: ${tree.files} files, ${(tree.bytes / 1024 / 1024).toFixed(0)} MiB, ${tree.tags} tags (${tree.reused ? 'reused' : 'generated'} in ${format(setup)}; load average ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.cpus().length} cores)`);
  console.log(`  truthline check (node dist/cli.js check)     ${format(median(checks))}   exit ${check.status}: ${summary}`);
  if (!('rg' in found)) {
    console.log(`  ripgrep unavailable: ${found.why}`);
    return;
  }
  const lines = grep?.stdout ? grep.stdout.trimEnd().split('\n').length : 0;
  console.log(`  rg -n '${TAG_PATTERN}' (same files)   ${format(median(greps))}   ${lines} matching lines${lines === tree.tags ? '' : ` (the tree holds ${tree.tags} tags)`}`);
  const ratio = median(ratios);
  console.log(`  check / rg, median of ${runs} pairs run in turn  ${ratio.toFixed(2)}x   target <= 2x  ${ratio <= 2 ? 'OK' : 'OVER'}`);
}

if (require.main === module) {
  console.log(`Truthline benchmark (node ${process.version}, median of repeated runs)`);
  // `npm run bench -- scan editor` runs only the parts named; without names, all of them.
  const named = process.argv.slice(2);
  const wanted = (part: string): boolean => named.length === 0 || named.includes(part);
  void (async () => {
    if (wanted('load')) for (const scenario of SCENARIOS) await bench(scenario);
    if (wanted('tags')) benchTags();
    if (wanted('lenses')) benchLenses();
    if (wanted('codefor')) benchCodeFor();
    if (wanted('hostile')) console.log(`\n${formatHostileTable('hostile inputs', hostileRows(), 100)}`);
    if (wanted('scan')) benchScan();
    if (wanted('report')) await benchReportTrend();
    if (wanted('suspects')) await benchSuspects();
    if (wanted('editor')) await benchEditorStall();
  })();
}
