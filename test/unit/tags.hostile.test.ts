// The comment tag scanner against hostile input: a branch can commit any source file, and the editor scans
// it as it opens and CI scans it on every check. Two things are pinned here: it answers exactly what the
// earlier (quadratic) scanner answered, on any text, and no file under 1 MiB makes it run away.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { scanTags, TAG_KEYWORDS, type Tag, type TagKeyword } from '../../src/core';
import { TAG_SCANNER_INPUTS } from '../../scripts/hostileInputs';

/** The scanner as it was before it became a single pass, kept as the oracle of what a tag is. */
function referenceScanTags(text: string): Tag[] {
  const ID = '[A-Za-z][A-Za-z0-9_.-]*';
  const TAG = new RegExp(`(?<![\\w@])@(${TAG_KEYWORDS.join('|')})[ \\t]+(${ID}(?:[ \\t]*,[ \\t]*${ID})*)`, 'g');
  const ID_IN_LIST = new RegExp(ID, 'g');
  const LINE_COMMENT = /(\/\/|\/\*|<!--|(^|\s)(#|--)|^\s*[*;])/;
  const CLOSED_COMMENTS = /\/\*.*?\*\/|<!--.*?-->/g;
  const inComment = (lineStart: number, at: number): boolean =>
    LINE_COMMENT.test(text.slice(lineStart, at).replace(CLOSED_COMMENTS, '')) || text.lastIndexOf('/*', at) > text.lastIndexOf('*/', at);
  const tags: Tag[] = [];
  for (const match of text.matchAll(TAG)) {
    const at = match.index;
    // Lines end at \n, \r\n or a lone \r, as the editor counts them.
    const breaks = [...text.slice(0, at).matchAll(/\r\n?|\n/g)];
    const last = breaks[breaks.length - 1];
    const lineStart = last ? last.index + last[0].length : 0;
    const line = breaks.length + 1;
    if (!inComment(lineStart, at)) continue;
    const list = match[2] as string;
    const listStart = at + match[0].length - list.length;
    for (const idMatch of list.matchAll(ID_IN_LIST)) {
      const id = idMatch[0].replace(/[.]+$/, '');
      const column = listStart + idMatch.index - lineStart + 1;
      tags.push({ keyword: match[1] as TagKeyword, id, line, tagColumn: at - lineStart + 1, column, endColumn: column + id.length });
    }
  }
  return tags;
}

/** Pieces that matter to comments and tags, and some that do not, to build texts from. */
const PIECES = [
  '/*', '*/', '//', '/', '*', '<!--', '-->', '<', '!', '-', '--', '#', ';', '.', ',', ' ', '\t', '\u00a0', '\n', '\r\n', '\r', '\u2028',
  '"', 'x', 'i--', 'a@', '@', '@@', '@serves ', '@risk\t', '@flag ', '@assumes ', '@milestone ', '@risky ', 'CR-1', 'R-2.', 'v1.2', ', ',
];
const texts = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...PIECES), weight: 9 }, { arbitrary: fc.string({ maxLength: 2, unit: 'binary' }), weight: 1 }), { maxLength: 40 })
  .map((pieces) => pieces.join(''));

describe('scanTags on any text', () => {
  it('finds exactly the tags the earlier scanner found, at the same positions', () => {
    fc.assert(fc.property(texts, (text) => {
      assert.deepEqual(scanTags(text), referenceScanTags(text), JSON.stringify(text));
    }), { numRuns: 20_000 });
  });

  it('agrees with the earlier scanner on lines of code, comments and strings', () => {
    const lines = fc.array(fc.constantFrom(
      'pay(card); // @serves CR-1, CR-2', '/* @risk R-1', ' * @assumes A-1.', ' */', 'log("@risk R-9"); /* x */ @flag F-1',
      '# @milestone M2', 'i-- // @risk R-3', '<!-- @serves CR-7 --> <b>@serves CR-8</b>', '; @flag F-2', 'x = "/*"; @risk R-4',
    ), { maxLength: 12 });
    fc.assert(fc.property(lines, fc.constantFrom('\n', '\r\n', '\r'), (chosen, end) => {
      const text = chosen.join(end);
      assert.deepEqual(scanTags(text), referenceScanTags(text), JSON.stringify(text));
    }), { numRuns: 2_000 });
  });
});

/**
 * Speed is measured by `npm run bench` (the hostile inputs table), never asserted here: the tests share a
 * small, busy machine. What is pinned is that the scan returns at all: the quadratic scanner took from a
 * minute to well over ten on these inputs, far past this point of giving up.
 */
const GIVE_UP_MS = 20_000;

/** Scans one hostile input in a worker (best of three), stopped if it runs away: a quadratic scan would not return for minutes. */
function scanInWorker(index: number): Promise<{ ms: number; tags: number }> {
  const script = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { scanTags } = require(workerData.core);
    const { TAG_SCANNER_INPUTS } = require(workerData.inputs);
    const text = TAG_SCANNER_INPUTS[workerData.index].text();
    scanTags(text.slice(0, 1000)); // compile the scanner first
    let best = Infinity;
    let tags = 0;
    for (let run = 0; run < 3; run++) {
      const start = process.hrtime.bigint();
      tags = scanTags(text).length;
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    parentPort.postMessage({ ms: best, tags });`;
  const out = path.resolve(__dirname, '..', '..');
  const worker = new Worker(script, { eval: true, workerData: { index, core: path.join(out, 'src', 'core'), inputs: path.join(out, 'scripts', 'hostileInputs') } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`still scanning after ${GIVE_UP_MS} ms`));
    }, GIVE_UP_MS);
    worker.once('message', (result: { ms: number; tags: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('scanTags on hostile files under 1 MiB', function () {
  this.timeout(GIVE_UP_MS + 5_000);
  TAG_SCANNER_INPUTS.forEach((input, index) => {
    it(`scans ${input.name} without running away`, async () => {
      await scanInWorker(index); // rejects when the worker is still scanning at GIVE_UP_MS
    });
  });

  it('still reads the tags of the hostile inputs that hold some', () => {
    const count = (name: string): number => scanTags((TAG_SCANNER_INPUTS.find((input) => input.name === name) as { text(): string }).text()).length;
    assert.equal(count('one line of 350k "/* " then a tag'), 1);
    assert.equal(count('"/* @risk R-1" on every line, never closed'), 80_580);
    assert.equal(count('one line: closed /* */ then a tag in code, repeated'), 0);
    const dots = scanTags(TAG_SCANNER_INPUTS.find((input) => input.name.startsWith('an id of 1M dots'))?.text() ?? '');
    assert.equal(dots.length, 1);
    assert.equal(dots[0]?.id.length, (dots[0]?.endColumn ?? 0) - (dots[0]?.column ?? 0));
  });
});
