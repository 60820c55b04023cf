// The fast read of `.alignment/` files (src/core/fastLoad.ts) against the full read: equal whenever it
// answers (property-based, on files written its way and edited to its edges, and on the core fuzz cases),
// and each construct it leaves to the full read left to it.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAlignmentFile } from '../../src/core';
import { readFast } from '../../src/core/fastLoad';
import { LineStarts } from '../../src/core/textPositions';
import { generate } from '../../scripts/bench';
import { caseArbitrary, exampleFiles, renderCase, UNIT_SCALE } from '../fuzz/coreArbitraries';
import { compareFastPath } from '../fuzz/fastPathOracle';
import { renderSimpleFile, simpleFileArbitrary, TRICKY_SCALARS } from '../fuzz/simpleFileArbitraries';

function readsFast(text: string): boolean {
  return readFast('.alignment/a.yaml', text, () => new LineStarts(text), () => parseAlignmentFile('.alignment/a.yaml', text, { fastPath: false })) !== undefined;
}

function assertSame(text: string): boolean {
  const { accepted, difference } = compareFastPath('.alignment/a.yaml', text);
  assert.equal(difference, undefined, `fast and full reads differ on ${JSON.stringify(text)}`);
  return accepted;
}

const ITEM = 'kind: feature\nid: checkout\ntitle: Checkout\nowners: [team-a, "team b"]\nreported: { status: on-track, progress: 40 }\n';
const LIST = `- kind: request\n  id: CR-1\n  customer: Nordlicht\n  quote: "We need it"\n  features: [checkout]\n- ${ITEM.trimEnd().replace(/\n/g, '\n  ')}\n`;

describe('fast read of .alignment/ files', function () {
  this.timeout(300_000);

  it('reads plain files fast, as the full read does', () => {
    assert.ok(assertSame(ITEM));
    assert.ok(assertSame(LIST));
    assert.ok(assertSame(`# a comment\n---\n${ITEM}---\n${LIST}---\n`));
    assert.ok(assertSame(LIST.replace(/\n/g, '\r\n')));
    assert.ok(assertSame(`${LIST}  # a comment at the item's column after it\n# and one at the margin\n`));
    assert.ok(assertSame(ITEM.replace('Checkout', 'Checkout  # why') + '\n\n'));
    assert.ok(assertSame(`\ufeff${ITEM}`));
    assert.ok(assertSame(`${ITEM}x-notes: { any: [thing, 1, true, ~] }\nx-more:\n  - 0x1F\n  - .inf\n`));
    // After a comment, yaml ends a nested list at the next key, after its indentation.
    assert.ok(assertSame('-  kind: milestone\n   id: M-1\n   title: One\n   gates:\n     - role: a\n       who: b\n       #call: go\n   x-data: 1\n'));
    assert.ok(assertSame('kind: milestone\nid: M-1\ntitle: One\ngates:\n  - role: a\n    # a comment\n\n  - role: b\n  # at the key\'s column\nx-data: 1\n'));
  });

  it('reads the bench files fast, as the full read does', () => {
    const { files } = generate({ name: 'small', features: 20, items: 120, itemsPerFile: 25 });
    for (const file of files) assert.ok(assertSame(file.text), file.path);
  });

  it('gives the example repository as the full read does', () => {
    for (const text of exampleFiles().values()) assertSame(text);
  });

  it('reads scalars as the yaml library does, or leaves them to it', () => {
    for (const value of TRICKY_SCALARS) {
      assertSame(`${ITEM}x-value: ${value}\n`);
      assertSame(`${ITEM}x-list: [${value}]\n`);
      assertSame(`${ITEM}x-map: { a: ${value} }\n`);
      assertSame(`- ${ITEM.trimEnd().replace(/\n/g, '\n  ')}\n  x-value: ${value}\n`);
    }
  });

  it('leaves every construct outside its shapes to the full read', () => {
    const refused: Record<string, string> = {
      'an anchor and an alias': `${ITEM}x-a: &a [1]\nx-b: *a\n`,
      'a tag': `${ITEM}x-a: !!str 1\n`,
      'a directive': `%YAML 1.2\n---\n${ITEM}`,
      'a merge key': `${ITEM}x-a: { <<: {} }\n`,
      'a tab': `${ITEM}x-a:\tb\n`,
      'a NUL': `${ITEM}x-a: b\u0000\n`,
      'a forbidden key': `${ITEM}__proto__: 1\n`,
      'a forbidden key in a value': `${ITEM}x-a: constructor\n`,
      'text cut by a comment': `${ITEM}x-a: ticket #123\n`,
      'indentation deeper than 16': `${ITEM}x-a:\n${' '.repeat(17)}b: c\n`,
      'flow collections nested 7 deep': `${ITEM}x-a: [[[[[[[a]]]]]]]\n`,
      'a file over 400,000 characters': `${ITEM}x-a: ${'a'.repeat(400_000)}\n`,
      'a block scalar': `${ITEM}x-a: |\n  text\n`,
      'a folded block scalar': `${ITEM}x-a: >-\n  text\n`,
      'a plain value over two lines': `${ITEM}x-a: one\n  two\n`,
      'a flow collection over two lines': `${ITEM}x-a: [one,\n  two]\n`,
      'a quoted value over two lines': `${ITEM}x-a: "one\n  two"\n`,
      'an unknown key': `${ITEM}colour: blue\n`,
      'a schema problem': ITEM.replace('progress: 40', 'progress: 400'),
      'an unknown kind': ITEM.replace('kind: feature', 'kind: featur'),
      'a duplicate key': `${ITEM}title: Again\n`,
      'an empty file': '# nothing here\n',
      'a comment deeper than the item after its last line': `${LIST}    # deeper\n`,
      'a document that is a scalar': `${ITEM}---\njust text\n`,
      'a document end marker': `${ITEM}...\n`,
      'an item written as a flow mapping': `- { kind: feature, id: a, title: A }\n`,
      'a lone carriage return': ITEM.replace('\n', '\r'),
      'a byte order mark inside': `${ITEM}x-a: \ufeffb\n`,
      'a key that yaml reads as null': `${ITEM}null: 1\n`,
      'more than 1,000 documents': `${ITEM}${`---\n${ITEM.replace('checkout', 'c')}`.repeat(1001)}`,
      'a complex key': `${ITEM}? [a]\n: b\n`,
      'a value js-yaml refuses': `${ITEM}x-a: "\\q"\n`,
      'an item indented at the margin of a list': `- kind: feature\nid: a\n`,
      'a compact nested list': `${ITEM}x-a:\n  - - a\n`,
    };
    for (const [name, text] of Object.entries(refused)) {
      assert.equal(readsFast(text), false, name);
      assert.equal(assertSame(text), false, name);
    }
  });

  it('locates every value of an item read fast as the full read does (fast-check)', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(fc.property(simpleFileArbitrary(), (file) => {
      runs++;
      if (assertSame(renderSimpleFile(file))) accepted++;
    }), { seed: 1301, numRuns: 1500 });
    // The oracle says something only when the fast read answers: it must answer for a good share.
    assert.ok(accepted > runs / 5, `fast read answered ${accepted} of ${runs}`);
  });

  it('equals the full read on the core fuzz cases (fast-check)', () => {
    fc.assert(fc.property(caseArbitrary(UNIT_SCALE, 3), (fuzzCase) => {
      for (const file of renderCase(fuzzCase)) assertSame(file.text);
    }), { seed: 16, numRuns: 150 });
  });
});
