// A short, fixed-seed run of the core properties (test/fuzz/coreProperties.ts) on mutated example files,
// generated items and dependsOn chains (test/fuzz/coreArbitraries.ts). `npm run fuzz -- --runs 100000`
// runs the same properties on larger inputs, with hang detection.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { caseArbitrary, exampleRepoFiles, renderCase, UNIT_SCALE, type FuzzCase } from '../fuzz/coreArbitraries';
import { parseAlignmentFile, problem, START_OF_FILE, type FileParse, type Problem } from '../../src/core';
import { checkProperties, evaluate, withoutRefusedDocuments, type Evaluation, type PropertyName } from '../fuzz/coreProperties';

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

  // A document refused by a limit (too deep, too many values or aliases, past the last document or error
  // read) is reported at its position instead: the oracle exempts only those documents.
  it('keeps every item whose kind and id are readable', () => {
    check('keeps-readable-items');
  });

  it('keeps a valid first document when a later document of the file fails', () => {
    check('keeps-earlier-documents');
  });

  it('reads a file fast only where that gives what the full read gives', () => {
    check('fast-equals-full');
  });

  it('builds from the model before, after a file changed, the model a full build gives', () => {
    check('update-equals-full');
  });
});

describe('the core fuzz oracle: readable items', () => {
  const file = '.alignment/a.yaml';
  const text = 'kind: risk\nid: R-1\ntitle: One\n---\nkind: risk\nid: R-2\ntitle: Two\n';
  /** What core made of the file, with every item dropped and these problems instead. */
  const dropped = (...problems: Problem[]): string[] => {
    const parse: FileParse = { ...parseAlignmentFile(file, text), items: [], problems };
    const core = { parses: [parse], problems: [], items: 0 };
    return checkProperties([{ path: file, text }], core, { properties: ['keeps-readable-items'] }).violations.map((violation) => violation.detail.split(' (')[0] as string);
  };
  const at = (line: number, column: number): typeof START_OF_FILE => ({ line, column, endLine: line, endColumn: column + 1 });

  it('reports every dropped item when core gives no limit problem', () => {
    assert.deepEqual(dropped(), ['risk "R-1"', 'risk "R-2"']);
    assert.deepEqual(dropped(problem(file, at(2, 5), 'schema', 'bad'), problem(file, at(6, 1), 'yaml-syntax', 'bad')), ['risk "R-1"', 'risk "R-2"']);
  });

  it('does not parse again what core refused: those documents are blanked in place, and the text cut where reading stopped', () => {
    const source = 'a: 1\n---\nb: [[[\n---\nc: 3\n';
    assert.equal(withoutRefusedDocuments(source, { at: [12], stoppedAt: undefined, wholeFile: false }), 'a: 1\n---\n      \n---\nc: 3\n');
    assert.equal(withoutRefusedDocuments(source, { at: [], stoppedAt: 20, wholeFile: false }), 'a: 1\n---\nb: [[[\n');
    assert.equal(withoutRefusedDocuments(source, { at: [], stoppedAt: undefined, wholeFile: false }), source);
  });

  it('excuses only the document that holds a limit problem', () => {
    assert.deepEqual(dropped(problem(file, at(6, 5), 'too-deep', 'document nests too deeply; it is not read')), ['risk "R-1"']);
    assert.deepEqual(dropped(problem(file, at(1, 1), 'too-many-aliases', 'too many aliases')), ['risk "R-2"']);
    assert.deepEqual(dropped(problem(file, at(5, 1), 'too-many-nodes', 'more than 2,000 documents: reading stopped here; split the file')), ['risk "R-1"']);
    assert.deepEqual(dropped(problem(file, at(1, 1), 'too-deep', 'file nests lists and mappings too deeply for the YAML parser; it is not read')), []);
  });
});
