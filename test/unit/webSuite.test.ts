// The browser's integration run (test/web/index.ts) lists its test files by hand, since a web worker's bundle
// cannot look for them: every file of test/integration/ must be run there or left out with a reason.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LEFT_OUT } from '../web/leftOut';

const root = path.resolve(__dirname, '..', '..', '..');

describe('The browser suite\'s list of integration tests', () => {
  it('runs or leaves out, with a reason, every test file of test/integration/', () => {
    const all = readdirSync(path.join(root, 'test', 'integration')).filter((name) => name.endsWith('.test.ts')).sort();
    const index = readFileSync(path.join(root, 'test', 'web', 'index.ts'), 'utf8');
    const run = [...index.matchAll(/^import '\.\.\/integration\/([\w.]+\.test)';$/gm)].map((match) => `${match[1]}.ts`).sort();
    const leftOut = Object.keys(LEFT_OUT).sort();
    assert.deepEqual(run.filter((name) => leftOut.includes(name)), [], 'run and left out at once');
    assert.deepEqual([...run, ...leftOut].sort(), all);
    for (const [name, reason] of Object.entries(LEFT_OUT)) assert.ok(reason.trim().length > 0, `${name} is left out without a reason`);
  });
});
