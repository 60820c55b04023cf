// `npm test`: every check and every test layer, one exit code. Its last line is always
// `tests: N passed, M failed` (CI reads it). N adds up the passing tests of all layers; M adds up the
// failing tests, plus one for each failed check (build, typecheck, lint, compile-tests, package) and one
// for each layer that could not run, crashed, or ran no test.
//
// `node scripts/test.mjs <layer>...` runs only the named layers (unit, integration, ui) and the steps they
// need; that is what `npm run test:integration` and `npm run test:ui` do.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const npm = (script) => ['npm', 'run', script];
const node = (...args) => [process.execPath, ...args];

// In running order. A layer counts tests; a check passes or fails. `needs` names steps whose failure
// makes this one pointless (no bundle to load, no vsix to install): it is then not run, and counted failed.
const steps = [
  { name: 'build', command: npm('build') },
  { name: 'typecheck', command: npm('typecheck'), all: true },
  { name: 'lint', command: npm('lint'), all: true },
  // tsc never deletes: without a clean out/test a deleted or renamed test would still run from there.
  { name: 'compile-tests', command: npm('compile-tests'), before: () => fs.rmSync(path.join(root, 'out', 'test'), { recursive: true, force: true }) },
  { name: 'unit', layer: true, needs: [], command: node('node_modules/mocha/bin/mocha.js', '--config', '.mocharc.json', '--reporter', 'out/test/harness/countingReporter.js') },
  { name: 'integration', layer: true, needs: ['build'], command: node('out/test/harness/runIntegration.js') },
  { name: 'package', command: npm('package') },
  { name: 'ui', layer: true, needs: ['build', 'package'], command: node('out/test/harness/runUi.js') },
];
const prerequisites = { unit: ['compile-tests'], integration: ['build', 'compile-tests'], ui: ['build', 'compile-tests', 'package'] };

function selectSteps(requested) {
  if (requested.length === 0) return steps;
  const unknown = requested.filter((name) => !(name in prerequisites));
  if (unknown.length > 0) {
    console.error(`Unknown layer ${unknown.join(', ')}; layers: ${Object.keys(prerequisites).join(', ')}`);
    process.exit(2);
  }
  const wanted = new Set(requested.flatMap((name) => [name, ...prerequisites[name]]));
  return steps.filter((step) => wanted.has(step.name));
}

let current; // the child running now, to pass signals on
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // The runners end what they started (code-server, Chromium) when signalled; wait for them.
    interrupted = true;
    current?.kill(signal);
  });
}

function run(command, env) {
  return new Promise((resolve) => {
    const [file, ...args] = command;
    current = spawn(file, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    current.on('error', (error) => { console.error(error.message); });
    current.on('close', (code, signal) => {
      current = undefined;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

const selected = selectSteps(process.argv.slice(2));
// One folder for the run; each layer makes its own inside it and removes it when it passes.
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truthline-test-'));
const outcomes = [];
const started = Date.now();

for (const step of selected) {
  const outcome = { name: step.name, layer: Boolean(step.layer), passed: 0, failed: 0, ms: 0, note: '' };
  outcomes.push(outcome);
  const missing = (step.needs ?? []).filter((need) => outcomes.some((o) => o.name === need && o.failed > 0));
  if (interrupted || missing.length > 0) {
    outcome.failed = 1;
    outcome.note = interrupted ? 'not run: interrupted' : `not run: ${missing.join(', ')} failed`;
    continue;
  }
  console.log(`\n=== ${step.name} ===`);
  const resultsFile = path.join(runDir, `${step.name}.json`);
  const begin = Date.now();
  step.before?.();
  const code = await run(step.command, { TRUTHLINE_RUN_DIR: runDir, TRUTHLINE_RESULTS_FILE: resultsFile });
  outcome.ms = Date.now() - begin;
  if (!step.layer) {
    outcome.failed = code === 0 ? 0 : 1;
    outcome.note = code === 0 ? 'ok' : `failed (exit ${code})`;
    continue;
  }
  const result = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  outcome.passed = result?.passed ?? 0;
  outcome.failed = result?.failed ?? 0;
  // A layer must run tests and agree with its own exit code; anything else is one more failure.
  if (outcome.passed + outcome.failed === 0) outcome.note = 'ran no tests';
  else if (code !== 0 && outcome.failed === 0) outcome.note = `exit ${code}`;
  if (outcome.note) outcome.failed++;
}

const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
console.log('\n=== summary ===');
for (const o of outcomes) {
  const what = o.layer ? `${o.passed} passed, ${o.failed} failed${o.note ? ` (${o.note})` : ''}` : o.note;
  console.log(`${o.name.padEnd(14)}${what.padEnd(40)}${o.ms ? seconds(o.ms) : ''}`);
}
console.log(`${'total'.padEnd(54)}${seconds(Date.now() - started)}`);
for (const o of outcomes) fs.rmSync(path.join(runDir, `${o.name}.json`), { force: true });
if (fs.readdirSync(runDir).length === 0) fs.rmdirSync(runDir);
else console.log(`kept for inspection: ${runDir}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = interrupted ? 130 : failed === 0 ? 0 : 1;
