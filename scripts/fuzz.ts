// npm run fuzz -- --runs N [--seed S] [--timeout MS] [--timeout-per-mib MS] [--max-seconds S] [--scale long|unit]
//                  [--shrink-seconds S] [--out DIR]
//
// The core properties of test/fuzz/coreProperties.ts on N generated cases (test/fuzz/coreArbitraries.ts),
// each run in a worker thread with a time limit: an input that takes longer is counted as a hang, the
// worker is replaced, and the run goes on. The limit grows with the input (--timeout, plus --timeout-per-mib
// for each MiB of files): core reads about a MiB a second, so a large input is slow, not hung; a hang is
// core taking far longer than its size explains. --max-seconds stops starting new inputs after that long. At the end, every group of failures (crashes by message and top
// frame, violations by property and problem code, hangs) is shrunk to a small input that still fails the
// same way; those are printed (shortened) and written in full below --out. Exits 1 when anything failed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { caseArbitrary, exampleFiles, exampleRepoFiles, LONG_SCALE, renderCase, UNIT_SCALE, type FileSpec, type FuzzCase, type FuzzFile, type Mutation } from '../test/fuzz/coreArbitraries';
import { checkProperties, crashGroup, runCore, type CoreResult, type PropertyName } from '../test/fuzz/coreProperties';

interface Job {
  files: FuzzFile[];
  repoFiles: boolean;
}

interface Outcome {
  /** Time in core (parseAlignmentFile + buildModel), without the properties' own checking. */
  ms: number;
  crash?: { group: string; message: string; frames: string[] };
  violations: { property: PropertyName; group: string; file: string; detail: string }[];
}

type Message = { type: 'ready' } | { type: 'core'; ms: number } | { type: 'done'; outcome: Outcome };

type Verdict = { kind: 'done'; outcome: Outcome } | { kind: 'hang'; ms: number } | { kind: 'died'; message: string };

/** Checking the properties parses again; that may take a while on big inputs, but is not what is timed. */
const CHECK_LIMIT_MS = 120_000;

// The worker: evaluate one job at a time; say when core is done, so only core is timed.

function serve(): void {
  process.setSourceMapsEnabled(true);
  // Load and warm up core before the first job, so a new worker's start is not timed as part of a job.
  const [name, text] = [...exampleFiles()][0] as [string, string];
  runCore([{ path: `.alignment/${name}`, text }], { repoFiles: exampleRepoFiles() });
  parentPort?.postMessage({ type: 'ready' } satisfies Message);
  parentPort?.on('message', (job: Job) => {
    const post = (message: Message): void => parentPort?.postMessage(message);
    const options = job.repoFiles ? { repoFiles: exampleRepoFiles() } : {};
    const start = process.hrtime.bigint();
    let core: CoreResult;
    try {
      core = runCore(job.files, options);
    } catch (error) {
      post({ type: 'done', outcome: { ms: elapsed(start), crash: crashGroup(error), violations: [] } });
      return;
    }
    const ms = elapsed(start);
    post({ type: 'core', ms });
    try {
      post({ type: 'done', outcome: { ms, violations: checkProperties(job.files, core, options).violations } });
    } catch (error) {
      post({ type: 'done', outcome: { ms, crash: crashGroup(error), violations: [] } });
    }
  });
}

function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// The main thread: generate, send, time, group, shrink, report.

class Runner {
  private worker: Worker | undefined;

  /** Evaluates `job` in the worker; core taking over `limitMs` is a hang, and costs the worker its life. */
  async run(job: Job, limitMs: number): Promise<Verdict> {
    let worker = this.worker;
    if (!worker) {
      try {
        worker = this.worker = await spawn();
      } catch (error) {
        return { kind: 'died', message: `the worker did not start: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    const start = process.hrtime.bigint();
    return new Promise((resolve) => {
      const done = (verdict: Verdict): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(verdict);
      };
      const onMessage = (message: Message): void => {
        if (message.type === 'done') {
          done({ kind: 'done', outcome: message.outcome });
          return;
        }
        if (message.type !== 'core') return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.retire(worker);
          void worker.terminate();
          done({ kind: 'died', message: `checking the properties took over ${CHECK_LIMIT_MS / 1000} s (core took ${message.ms.toFixed(0)} ms)` });
        }, CHECK_LIMIT_MS);
      };
      const onError = (error: Error): void => {
        this.retire(worker);
        done({ kind: 'died', message: `${error.name}: ${error.message}`.split('\n')[0] as string });
      };
      const onExit = (code: number): void => {
        this.retire(worker);
        done({ kind: 'died', message: `worker exited with code ${code}` });
      };
      let timer = setTimeout(() => {
        this.retire(worker);
        void worker.terminate();
        done({ kind: 'hang', ms: elapsed(start) });
      }, limitMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private retire(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
  }
}

/** A new worker, once it has loaded and warmed up core (its start is not part of any job's time). */
function spawn(): Promise<Worker> {
  // A billion-laughs expansion that gets through must end as an out-of-memory error, not take the machine.
  const worker = new Worker(__filename, { resourceLimits: { maxOldGenerationSizeMb: 1536 } });
  worker.unref();
  return new Promise((resolve, reject) => {
    const failed = (reason: unknown): void => {
      worker.off('message', onMessage);
      reject(reason instanceof Error ? reason : new Error(`exited with code ${String(reason)}`));
    };
    const onMessage = (message: Message): void => {
      if (message.type !== 'ready') return;
      worker.off('message', onMessage).off('error', failed).off('exit', failed);
      resolve(worker);
    };
    worker.on('message', onMessage).once('error', failed).once('exit', failed);
  });
}

interface Example {
  id: string;
  fuzzCase: FuzzCase | undefined;
  files: FuzzFile[];
  repoFiles: boolean;
  bytes: number;
  detail: string;
  ms?: number;
}

interface Group {
  key: string;
  /** `harness`: the properties could not be checked (the checking itself failed or took too long). */
  section: 'crash' | 'hang' | 'harness' | PropertyName;
  inputs: number;
  smallest: Example;
}

interface Options {
  runs: number;
  seed: number;
  timeoutMs: number;
  timeoutPerMibMs: number;
  maxSeconds: number;
  scale: 'long' | 'unit';
  shrinkSeconds: number;
  out: string;
}

function parseArguments(argv: readonly string[]): Options {
  const options: Options = {
    runs: 1_000, seed: Date.now() % 1_000_000, timeoutMs: 2_000, timeoutPerMibMs: 4_000, maxSeconds: Infinity, scale: 'long', shrinkSeconds: 60, out: path.resolve('out', 'fuzz'),
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    const number = (): number => {
      const parsed = Number(value);
      if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} needs a number, not ${JSON.stringify(value)}`);
      i++;
      return parsed;
    };
    switch (name) {
      case '--runs': options.runs = number(); break;
      case '--seed': options.seed = number(); break;
      case '--timeout': options.timeoutMs = number(); break;
      case '--timeout-per-mib': options.timeoutPerMibMs = number(); break;
      case '--max-seconds': options.maxSeconds = number(); break;
      case '--shrink-seconds': options.shrinkSeconds = number(); break;
      case '--scale':
        if (value !== 'long' && value !== 'unit') throw new Error('--scale is long or unit');
        options.scale = value;
        i++;
        break;
      case '--out':
        if (!value) throw new Error('--out needs a folder');
        options.out = path.resolve(value);
        i++;
        break;
      default:
        throw new Error(`unknown argument ${name}; usage: npm run fuzz -- --runs N [--seed S] [--timeout MS] [--timeout-per-mib MS] [--max-seconds S] [--scale long|unit] [--shrink-seconds S] [--out DIR]`);
    }
  }
  return options;
}

const BATCH = 100;
const MAX_HANG_GROUPS_SHRUNK = 4;
const PRINTED_FILES = 3;

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  const scale = options.scale === 'long' ? LONG_SCALE : UNIT_SCALE;
  const arbitrary = caseArbitrary(scale);
  const runner = new Runner();
  const limitFor = (files: readonly FuzzFile[]): number => options.timeoutMs + Math.round((size(files) / (1024 * 1024)) * options.timeoutPerMibMs);
  const groups = new Map<string, Group>();
  const times: number[] = [];
  const hangs: Example[] = [];
  const started = Date.now();
  let inputs = 0;
  let slowest: { ms: number; bytes: number } = { ms: 0, bytes: 0 };
  const budget = Number.isFinite(options.maxSeconds) ? ` or ${options.maxSeconds} s, whichever comes first` : '';
  console.log(`Truthline core fuzz: ${options.runs} inputs${budget}, seed ${options.seed}, ${options.scale} scale, ${options.timeoutMs} ms per input + ${options.timeoutPerMibMs} ms per MiB (node ${process.version})`);

  const note = (key: string, section: Group['section'], example: Example): void => {
    const group = groups.get(key);
    if (!group) groups.set(key, { key, section, inputs: 1, smallest: example });
    else {
      group.inputs++;
      if (example.bytes < group.smallest.bytes) group.smallest = example;
    }
  };

  const outOfTime = (): boolean => Date.now() - started >= options.maxSeconds * 1000;
  for (let batch = 0; inputs < options.runs && !outOfTime(); batch++) {
    const cases = fc.sample(arbitrary, { seed: options.seed + batch, numRuns: Math.min(BATCH, options.runs - inputs) });
    for (const [index, fuzzCase] of cases.entries()) {
      if (outOfTime()) break;
      const files = renderCase(fuzzCase);
      const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
      const example = (detail: string, ms?: number): Example => ({ id: `${options.seed + batch}:${index}`, fuzzCase, files, repoFiles: fuzzCase.repoFiles, bytes, detail, ...(ms === undefined ? {} : { ms }) });
      const verdict = await runner.run({ files, repoFiles: fuzzCase.repoFiles }, limitFor(files));
      inputs++;
      if (verdict.kind === 'hang') {
        hangs.push(example(`over ${limitFor(files)} ms`, verdict.ms));
      } else if (verdict.kind === 'died') {
        const harness = verdict.message.startsWith('checking the properties');
        note(harness ? 'checking the properties took too long' : `worker died: ${verdict.message}`, harness ? 'harness' : 'crash', example(verdict.message));
      } else {
        const { outcome } = verdict;
        times.push(outcome.ms);
        if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, bytes };
        if (outcome.crash) {
          note(outcome.crash.group, outcome.crash.group.startsWith('harness:') ? 'harness' : 'crash', example(`${outcome.crash.message}\n    ${outcome.crash.frames.slice(0, 4).join('\n    ')}`));
        }
        const seen = new Set<string>();
        for (const violation of outcome.violations) {
          if (seen.has(violation.group)) continue;
          seen.add(violation.group);
          note(violation.group, violation.property, example(`${violation.file}: ${violation.detail}`));
        }
      }
      if (inputs % 1_000 === 0) {
        process.stderr.write(`  ${inputs} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s: ${[...groups.values()].reduce((sum, group) => sum + group.inputs, 0)} failing, ${hangs.length} hangs\n`);
      }
    }
  }
  const runSeconds = (Date.now() - started) / 1000;

  // Hangs: a busy machine makes a slow input look hung, so each is run again; only a second hang counts.
  // Then the smallest and the largest few are measured with a generous limit.
  const confirmed: Example[] = [];
  for (const hang of hangs) {
    const again = await runner.run({ files: hang.files, repoFiles: hang.repoFiles }, limitFor(hang.files));
    if (again.kind === 'hang') confirmed.push(hang);
  }
  const unconfirmed = hangs.length - confirmed.length;
  hangs.splice(0, hangs.length, ...confirmed.sort((a, b) => a.bytes - b.bytes));
  const measured: Example[] = [];
  for (const hang of new Set([...hangs.slice(0, 3), ...hangs.slice(-2)])) {
    const verdict = await runner.run({ files: hang.files, repoFiles: hang.repoFiles }, 60_000);
    measured.push({ ...hang, ms: verdict.kind === 'done' ? verdict.outcome.ms : verdict.kind === 'hang' ? verdict.ms : hang.ms });
  }
  for (const hang of hangs) note(`hang: ${signature(hang.fuzzCase)}`, 'hang', hang);

  // Shrink each group's smallest input to one that still fails the same way.
  const shrinkStarted = Date.now();
  const minimal = new Map<string, Example>();
  // Hangs cost the time limit each time they are tried: only the most frequent few are shrunk.
  const hangGroups = [...groups.values()].filter((group) => group.section === 'hang').sort((a, b) => b.inputs - a.inputs);
  const shrunk = [...groups.values()].filter((group) => group.section !== 'hang' && group.section !== 'harness').concat(hangGroups.slice(0, MAX_HANG_GROUPS_SHRUNK));
  for (const group of shrunk) {
    minimal.set(group.key, await shrink(runner, group, options));
  }
  await runner.close();
  const shrinkSeconds = (Date.now() - shrinkStarted) / 1000;

  // Report.
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  // A Record: a property added to PropertyName without a line here does not compile.
  const titles: Record<Group['section'], string> = {
    'crash': 'crashes',
    'hang': 'hangs',
    'inside-file': 'problems outside their file',
    'inside-file-lone-cr': 'problems outside their file as an editor counts lines (files with a lone \\r)',
    'has-position': 'problems without a position',
    'keeps-readable-items': 'dropped readable items',
    'keeps-earlier-documents': 'lost earlier documents',
    'fast-equals-full': 'files the fast read gave otherwise than the full read',
    'update-equals-full': 'models built from the one before otherwise than a full build',
    'harness': 'inputs whose properties could not be checked (a fault of this harness, not of core)',
  };
  const sections = Object.entries(titles) as [Group['section'], string][];
  const sorted = [...times].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  console.log(`\ninputs run: ${inputs} in ${runSeconds.toFixed(1)} s (shrinking ${shrinkSeconds.toFixed(1)} s); per input: median ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, slowest under the limit ${slowest.ms.toFixed(0)} ms (${kib(slowest.bytes)})`);
  let failed = 0;
  let written = 0;
  for (const [section, title] of sections) {
    const inSection = [...groups.values()].filter((group) => group.section === section).sort((a, b) => b.inputs - a.inputs);
    const count = section === 'hang' ? hangs.length : inSection.reduce((sum, group) => sum + group.inputs, 0);
    if (section !== 'harness') failed += count;
    console.log(`\n${title}: ${count} input${count === 1 ? '' : 's'}${inSection.length > 0 ? ` in ${inSection.length} group${inSection.length === 1 ? '' : 's'}` : ''}`);
    if (section === 'hang') {
      if (unconfirmed > 0) console.log(`  (${unconfirmed} more went over the limit once but not when run again: slow on a busy machine, not counted)`);
      if (hangs.length > 0) {
        const worst = measured.reduce((a, b) => ((b.ms ?? 0) > (a.ms ?? 0) ? b : a));
        console.log(`  smallest hanging input ${kib(hangs[0]?.bytes ?? 0)}, largest ${kib(hangs[hangs.length - 1]?.bytes ?? 0)}; slowest measured ${seconds(worst.ms)} for ${kib(worst.bytes)}`);
        console.log(`  measured again with a 60 s limit: ${measured.map((hang) => `${seconds(hang.ms)} for ${kib(hang.bytes)}`).join(', ')}`);
      }
    }
    for (const group of inSection) {
      const example = minimal.get(group.key) ?? group.smallest;
      const folder = path.join(options.out, `${String(++written).padStart(2, '0')}-${slug(group.key)}`);
      mkdirSync(folder, { recursive: true });
      for (const file of example.files) writeFileSync(path.join(folder, file.path.replace(/\//g, '__')), file.text);
      writeFileSync(path.join(folder, 'case.json'), `${JSON.stringify({ group: group.key, id: group.smallest.id, detail: example.detail, repoFiles: example.repoFiles, fuzzCase: example.fuzzCase ?? null, files: example.files.map((file) => file.path) }, null, 2)}\n`);
      console.log(`  [${written}] ${group.inputs}x ${group.key}`);
      console.log(`      ${example.detail.split('\n').join('\n      ')}`);
      const shrunkOrNot = minimal.has(group.key) ? `minimal input (${kib(example.bytes)}, from ${kib(group.smallest.bytes)}` : `smallest input, not shrunk (${kib(example.bytes)}`;
      console.log(`      ${shrunkOrNot}${example.ms === undefined ? '' : `, ${seconds(example.ms)}`}): ${path.relative(process.cwd(), folder)}/`);
      for (const file of example.files.slice(0, PRINTED_FILES)) console.log(`        ${file.path}: ${shorten(JSON.stringify(file.text), 400)}`);
      if (example.files.length > PRINTED_FILES) console.log(`        … and ${example.files.length - PRINTED_FILES} more files`);
    }
  }
  console.log(`\ntotal time: ${((Date.now() - started) / 1000).toFixed(1)} s; ${failed === 0 ? 'no failures' : `${failed} failing inputs`} (seed ${options.seed})`);
  return failed === 0 ? 0 : 1;
}

/** What was done to which kind of file: hangs with the same signature are probably one cause. */
function signature(fuzzCase: FuzzCase | undefined): string {
  if (!fuzzCase) return 'literal files';
  const parts = new Set<string>();
  for (const spec of fuzzCase.files) {
    if (spec.source === 'chain') parts.add('dependsOn chain');
    else for (const mutation of spec.mutations) parts.add(mutation.type === 'nestFlow' || mutation.type === 'nestBlock' || mutation.type === 'alias' || mutation.type === 'documents' || mutation.type === 'longLine' ? `${mutation.type}` : 'edits');
  }
  parts.delete('edits');
  return [...parts].sort().join(' + ') || 'edits only';
}

// Shrinking: first the case (drop files and mutations, halve counts), then the text (drop lines).

async function shrink(runner: Runner, group: Group, options: Options): Promise<Example> {
  const deadline = Date.now() + options.shrinkSeconds * 1000;
  const fails = async (files: FuzzFile[], repoFiles: boolean): Promise<{ detail: string; ms?: number } | undefined> => {
    const limit = options.timeoutMs + Math.round((size(files) / (1024 * 1024)) * options.timeoutPerMibMs);
    const verdict = await runner.run({ files, repoFiles }, limit);
    if (group.section === 'hang') return verdict.kind === 'hang' ? { detail: `over ${limit} ms`, ms: verdict.ms } : undefined;
    if (verdict.kind === 'died') return group.key === `worker died: ${verdict.message}` ? { detail: verdict.message } : undefined;
    if (verdict.kind !== 'done') return undefined;
    const { crash, violations } = verdict.outcome;
    if (group.section === 'crash') return crash?.group === group.key ? { detail: `${crash.message}\n    ${crash.frames.slice(0, 4).join('\n    ')}` } : undefined;
    const violation = violations.find((candidate) => candidate.group === group.key);
    return violation ? { detail: `${violation.file}: ${violation.detail}` } : undefined;
  };
  let best = group.smallest;
  // Stage 1: the case, while it is one.
  let fuzzCase = best.fuzzCase;
  for (let progress = true; fuzzCase && progress && Date.now() < deadline;) {
    progress = false;
    for (const candidate of smallerCases(fuzzCase)) {
      if (Date.now() >= deadline) break;
      const files = renderCase(candidate);
      const bytes = size(files);
      if (bytes > best.bytes && candidate.files.length >= fuzzCase.files.length) continue;
      const failure = await fails(files, candidate.repoFiles);
      if (failure) {
        fuzzCase = candidate;
        best = { ...best, fuzzCase, files, repoFiles: candidate.repoFiles, bytes, ...failure };
        progress = true;
        break;
      }
    }
  }
  // Stage 2: the text: drop files, then chunks of lines, halving the chunk size down to one line.
  let files = best.files;
  const accept = (next: FuzzFile[], failure: { detail: string; ms?: number }): void => {
    files = next;
    best = { ...best, fuzzCase: undefined, files, bytes: size(files), ...failure };
  };
  for (let index = 0; files.length > 1 && index < files.length && Date.now() < deadline;) {
    const next = files.filter((_, other) => other !== index);
    const failure = await fails(next, best.repoFiles);
    if (failure) accept(next, failure);
    else index++;
  }
  for (let index = 0; index < files.length && Date.now() < deadline; index++) {
    let lines = (files[index] as FuzzFile).text.split('\n');
    for (let chunk = Math.max(1, Math.floor(lines.length / 2)); chunk >= 1 && Date.now() < deadline; chunk = chunk === 1 ? 0 : Math.max(1, Math.floor(chunk / 2))) {
      for (let start = 0; start < lines.length && Date.now() < deadline;) {
        const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
        const next = files.map((file, other) => (other === index ? { ...file, text: candidate.join('\n') } : file));
        const failure = await fails(next, best.repoFiles);
        if (failure) {
          lines = candidate;
          accept(next, failure);
        } else start += chunk;
      }
    }
  }
  if (best.repoFiles && Date.now() < deadline) {
    const failure = await fails(files, false);
    if (failure) best = { ...best, repoFiles: false, ...failure };
  }
  return best;
}

function* smallerCases(fuzzCase: FuzzCase): Iterable<FuzzCase> {
  const withFile = (index: number, spec: FileSpec): FuzzCase => ({ ...fuzzCase, files: fuzzCase.files.map((other, at) => (at === index ? spec : other)) });
  for (let index = 0; index < fuzzCase.files.length && fuzzCase.files.length > 1; index++) {
    yield { ...fuzzCase, files: fuzzCase.files.filter((_, other) => other !== index) };
  }
  if (fuzzCase.repoFiles) yield { ...fuzzCase, repoFiles: false };
  const smallExamples = [...exampleFiles()].sort(([, a], [, b]) => a.length - b.length).map(([name]) => name);
  for (const [index, spec] of fuzzCase.files.entries()) {
    if (spec.source === 'chain') {
      if (spec.cycleTo !== null) yield withFile(index, { ...spec, cycleTo: null });
      if (spec.length > 2) yield withFile(index, { ...spec, length: Math.max(2, Math.floor(spec.length / 2)) });
      continue;
    }
    for (let at = 0; at < spec.mutations.length; at++) yield withFile(index, { ...spec, mutations: spec.mutations.filter((_, other) => other !== at) });
    if (spec.source === 'example') {
      if (spec.validFirst !== null) yield withFile(index, { ...spec, validFirst: null });
      for (const name of smallExamples.slice(0, 3)) if (name !== spec.name) yield withFile(index, { ...spec, name });
    } else {
      for (let at = 0; at < spec.items.length && spec.items.length > 1; at++) yield withFile(index, { ...spec, items: spec.items.filter((_, other) => other !== at) });
    }
    for (const [at, mutation] of spec.mutations.entries()) {
      for (const smaller of smallerMutations(mutation)) yield withFile(index, { ...spec, mutations: spec.mutations.map((other, which) => (which === at ? smaller : other)) });
    }
  }
}

function* smallerMutations(mutation: Mutation): Iterable<Mutation> {
  for (const key of ['depth', 'count', 'length', 'size', 'times'] as const) {
    const value = (mutation as Record<string, unknown>)[key];
    if (typeof value === 'number' && value > 1) {
      yield { ...mutation, [key]: Math.floor(value / 2) } as Mutation;
      yield { ...mutation, [key]: Math.floor((value * 3) / 4) } as Mutation;
      yield { ...mutation, [key]: value - 1 } as Mutation;
    }
  }
}

function size(files: readonly FuzzFile[]): number {
  return files.reduce((sum, file) => sum + file.text.length, 0);
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '?' : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

function slug(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

if (isMainThread) {
  main().then((code) => process.exit(code), (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  });
} else {
  serve();
}
