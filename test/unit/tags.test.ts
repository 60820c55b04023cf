import * as assert from 'node:assert/strict';
import { checkSourceTags, checkTags, scanTags, type Tag } from '../../src/core';
import { at, expected, load, yaml } from './helpers';

/** keyword, id, line, tagColumn, column, endColumn: everything scanTags says about a tag. */
type Row = [string, string, number, number, number, number];
const rows = (text: string): Row[] => scanTags(text).map((tag: Tag) => [tag.keyword, tag.id, tag.line, tag.tagColumn, tag.column, tag.endColumn]);

describe('scanTags', () => {
  it('finds a tag in a // comment with the positions of the @ and of the id', () => {
    assert.deepEqual(rows('const x = 1;\n// @serves CR-101\n'), [['serves', 'CR-101', 2, 4, 12, 18]]);
  });

  it('finds a tag after code, in a trailing comment', () => {
    assert.deepEqual(rows('charge(card); // @risk R-12\n'), [['risk', 'R-12', 1, 18, 24, 28]]);
  });

  it('finds tags in # and -- and ; and <!-- --> comments', () => {
    assert.deepEqual(rows('# @assumes A-3\n'), [['assumes', 'A-3', 1, 3, 12, 15]]);
    assert.deepEqual(rows('SELECT 1; -- @milestone M2\n'), [['milestone', 'M2', 1, 14, 25, 27]]);
    assert.deepEqual(rows('; @flag F-1\n'), [['flag', 'F-1', 1, 3, 9, 12]]);
    assert.deepEqual(rows('<p>Pay</p>\n<!-- @serves CR-7 -->\n'), [['serves', 'CR-7', 2, 6, 14, 18]]);
  });

  it('finds tags on every line of a multi-line block comment, with or without a leading *', () => {
    const text = [
      'function pay() {}',
      '/**',
      ' * Charges the card.',
      ' * @risk R-1',
      '   @assumes A-2',
      ' */',
      'const s = "@risk R-3";',
    ].join('\n');
    assert.deepEqual(rows(text), [['risk', 'R-1', 4, 4, 10, 13], ['assumes', 'A-2', 5, 4, 13, 16]]);
  });

  it('finds a tag in a single-line block comment', () => {
    assert.deepEqual(rows('/* @serves CR-1 */ pay();\n'), [['serves', 'CR-1', 1, 4, 12, 16]]);
  });

  it('reads a comma list, one tag per id, each with its own columns', () => {
    assert.deepEqual(rows('// @serves CR-1, CR-2 ,CR-3\n'), [
      ['serves', 'CR-1', 1, 4, 12, 16],
      ['serves', 'CR-2', 1, 4, 18, 22],
      ['serves', 'CR-3', 1, 4, 24, 28],
    ]);
  });

  it('strips a trailing period that ends a sentence, but keeps dots inside an id', () => {
    assert.deepEqual(rows('// This is what @risk R-12. warns about.\n'), [['risk', 'R-12', 1, 17, 23, 27]]);
    assert.deepEqual(rows('// @milestone v1.2.\n'), [['milestone', 'v1.2', 1, 4, 15, 19]]);
  });

  it('ignores tags in code outside comments', () => {
    assert.deepEqual(rows('const tag = "@risk R-1";\n'), []);
    assert.deepEqual(rows('log(x); log("@risk R-1");\n'), [], 'a ; in code is not a comment');
    assert.deepEqual(rows('i--;\n'), []);
    assert.deepEqual(rows('/* done */ log("@risk R-1");\n'), [], 'the block comment closed before the tag');
    assert.deepEqual(rows('/* a\n b */\nlog("@risk R-1");\n'), [], 'the block comment closed on an earlier line');
    assert.deepEqual(rows('<!-- note --> <b>@serves CR-1</b>\n'), []);
  });

  it('ignores e-mail addresses and unknown keywords', () => {
    assert.deepEqual(rows('// mail ops@risk.com or a@risk R-1\n'), []);
    assert.deepEqual(rows('// @risky R-1 @servesX CR-1 @@risk R-2\n'), []);
    assert.deepEqual(rows('// @risk\n'), [], 'a keyword without an id');
  });

  it('counts lines the same with CRLF line ends', () => {
    assert.deepEqual(rows('a();\r\n\r\n// @serves CR-1\r\n'), [['serves', 'CR-1', 3, 4, 12, 16]]);
  });

  it('counts a lone \\r as a line end, as the editor does', () => {
    assert.deepEqual(rows('a();\r\r// @serves CR-1\rb(); // @risk R-2\r'), [['serves', 'CR-1', 3, 4, 12, 16], ['risk', 'R-2', 4, 9, 15, 18]]);
  });

  it('does not take a tag after a lone \\r for a comment begun on the line before it', () => {
    assert.deepEqual(rows('// note\rcode(); @serves CR-1'), []);
  });

  it('counts lines right for many tags far apart', () => {
    const lines = Array.from({ length: 500 }, (_, i) => (i % 100 === 99 ? `// @risk R-${i}` : `code(${i});`));
    assert.deepEqual(rows(lines.join('\n')).map(([, id, line]) => [id, line]), [['R-99', 100], ['R-199', 200], ['R-299', 300], ['R-399', 400], ['R-499', 500]]);
  });
});

describe('checkTags', () => {
  const model = load({
    '.alignment/items.yaml': yaml(
      '- kind: request', '  id: CR-1', '  customer: Acme', '  quote: Please.',
      '- kind: risk', '  id: R-1', '  risk: It broke.', '  likelihood: low', '  impact: low',
    ),
  });

  it('accepts tags naming items of the keyword kind', () => {
    assert.deepEqual(checkTags('src/a.ts', scanTags('// @serves CR-1\n# @risk R-1\n'), model), []);
  });

  it('reports an unknown id and an id of the wrong kind at the id', () => {
    const problems = checkTags('src/a.ts', scanTags('pay();\n// @serves CR-1, CR-9\n// @assumes R-1\n'), model);
    assert.deepEqual(problems.map((p) => ({ file: p.file, ...at(p), severity: p.severity })), [
      { file: 'src/a.ts', ...expected('unknown-tag-id', 2, 18, 2, 22), severity: 'error' },
      { file: 'src/a.ts', ...expected('unknown-tag-id', 3, 13, 3, 16), severity: 'error' },
    ]);
    assert.equal(problems[0]?.message, '@serves names "CR-9", but no request in .alignment/ has that id');
    assert.equal(problems[1]?.message, '@assumes expects an assumption, but "R-1" is a risk');
  });

  it('says where an id is written when its item is not valid, instead of "no such id"', () => {
    // A kind misspelt, or no kind at all: the id is there, the item is not.
    const broken = load({
      '.alignment/risks.yaml': yaml('id: R-7', 'risk: It broke.', 'likelihood: low', 'impact: low'),
      '.alignment/odd.yaml': yaml('kind: riks', 'id: R-8'),
    });
    const problems = checkTags('src/a.ts', scanTags('// @risk R-7\n// @risk R-8\n// @risk R-9\n'), broken);
    assert.deepEqual(problems.map((p) => p.message), [
      '@risk names "R-7", which is written at .alignment/risks.yaml:1 but is not a valid item: fix the problems there',
      '@risk names "R-8", which is written at .alignment/odd.yaml:2 but is not a valid item: fix the problems there',
      '@risk names "R-9", but no risk in .alignment/ has that id',
    ]);
  });

  it('checks many source files, sorted by file and line', () => {
    const problems = checkSourceTags(model, [
      { path: 'src/b.ts', text: '// @risk R-2\n' },
      { path: 'src/a.ts', text: '\n\n// @flag F-1\n// @milestone M-1\n' },
      { path: 'src/c.ts', text: '// @risk R-1\n' },
    ]);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column}`), ['src/a.ts:3:10', 'src/a.ts:4:15', 'src/b.ts:1:10']);
  });
});

describe('scanTags in code that only looks like a comment', () => {
  it('does not take # inside a word or -- after an operand for a comment', () => {
    const text = ['const color = "#fff @risk R-1";', 'this.#x = "@risk R-2";', 'i-- ; call("@risk R-3");', 'x = 1 # @risk R-4', '-- @risk R-5'].join('\n');
    assert.deepEqual(scanTags(text).map((tag) => tag.id), ['R-4', 'R-5']);
  });
});
