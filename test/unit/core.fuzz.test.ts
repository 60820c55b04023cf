// A short, fixed-seed run of the core properties (test/fuzz/coreProperties.ts) on mutated example files,
// generated items and dependsOn chains (test/fuzz/coreArbitraries.ts). `npm run fuzz -- --runs 100000`
// runs the same properties on larger inputs, with hang detection.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { caseArbitrary, exampleRepoFiles, renderCase, UNIT_SCALE, type FuzzCase } from '../fuzz/coreArbitraries';
import { evaluate, type Evaluation, type PropertyName } from '../fuzz/coreProperties';

const RUNS = 200;
const SEED = 16;

/**
 * Every property is checked on the same cases (same seed); each case is parsed once, for all of them.
 * Cases fast-check makes while shrinking a failure are new, and evaluated then.
 */
const evaluations = new Map<string, Evaluation | { crash: unknown }>();

function evaluated(fuzzCase: FuzzCase): Evaluation {
  const key = JSON.stringify(fuzzCase);
  let result = evaluations.get(key);
  if (!result) {
    try {
      result = evaluate(renderCase(fuzzCase), fuzzCase.repoFiles ? { repoFiles: exampleRepoFiles() } : {});
    } catch (crash) {
      result = { crash };
    }
    evaluations.set(key, result);
  }
  if ('crash' in result) throw result.crash;
  return result;
}

function check(property?: PropertyName): void {
  fc.assert(fc.property(caseArbitrary(UNIT_SCALE, 3), (fuzzCase) => {
    const { violations } = evaluated(fuzzCase);
    if (property) assert.deepEqual(violations.filter((violation) => violation.property === property).slice(0, 3), []);
  }), {
    seed: SEED,
    numRuns: RUNS,
    // Shrinking a failure re-parses thousands of cases: stop it after a while and show the smallest so far.
    interruptAfterTimeLimit: 60_000,
  });
}

describe('core, fuzzed (fixed seed)', function () {
  // Seconds on a quiet machine, more on a busy one; not a timing test.
  this.timeout(300_000);
  after(() => evaluations.clear());

  it('never throws: parseAlignmentFile and buildModel on mutated, generated and chained files', () => {
    check();
  });

  it('gives every problem a position', () => {
    check('has-position');
  });

  it('gives every problem a position inside its file', () => {
    check('inside-file');
  });

  // A lone \r (no \n after it) ends a line for VS Code; LineStarts (src/core/textPositions.ts) counts it too.
  it('gives every problem a position inside its file as an editor counts lines, lone \\r included', () => {
    check('inside-file-lone-cr');
  });

  // Waits on the lossless loader (issue #16: an item with a readable kind and id is never dropped, lists are
  // salvaged entry by entry). Turn it on when src/core/load.ts keeps them.
  it.skip('keeps every item whose kind and id are readable', () => {
    check('keeps-readable-items');
  });

  it('keeps a valid first document when a later document of the file fails', () => {
    check('keeps-earlier-documents');
  });
});
