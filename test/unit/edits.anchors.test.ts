import * as assert from 'node:assert/strict';
import { anchorOf, anchoredPaths, checkAnchors, relocateAnchor, type Anchor } from '../../src/core';
import { load, yaml } from './helpers';

const SOURCE = yaml(
  'import { config } from "./config";',
  '',
  'export function returnUrl(orderId: string): string {',
  '  // TODO(marta): read the public checkout host from config per environment.',
  '  const base = process.env.SANDBOX_RETURN_URL ?? "https://checkout.staging.example";',
  '  return `${base}/checkout/return?order=${encodeURIComponent(orderId)}`;',
  '}',
  '',
  'export function other(): number {',
  '  return 42;',
  '}',
);
const ANCHOR: Anchor = anchorOf('src/payments/paymentService.ts', SOURCE, 4, 6);
const lines = SOURCE.split('\n');
const withLines = (edit: (copy: string[]) => void): string => {
  const copy = [...lines];
  edit(copy);
  return copy.join('\n');
};

describe('anchorOf', () => {
  it('keeps whole lines, without trailing blanks, with repository-relative forward-slash paths', () => {
    const anchor = anchorOf('./src\\a.ts', 'one  \ntwo\t\nthree\n', 1, 2);
    assert.deepEqual(anchor, { path: 'src/a.ts', startLine: 1, endLine: 2, text: 'one\ntwo' });
  });

  it('puts the lines in order and inside the file', () => {
    assert.deepEqual(anchorOf('a.ts', 'a\nb\nc\n', 9, 2), { path: 'a.ts', startLine: 2, endLine: 3, text: 'b\nc' });
  });

  it('stores the first 40 lines of a long selection, and its whole span', () => {
    const long = Array.from({ length: 100 }, (_, index) => `line ${index + 1}`).join('\n');
    const anchor = anchorOf('a.ts', long, 1, 100);
    assert.equal(anchor.endLine, 100);
    assert.equal(anchor.text?.split('\n').length, 40);
    assert.deepEqual(relocateAnchor(anchor, `new\n${long}`), { state: 'moved', startLine: 2, endLine: 101 });
  });
});

describe('relocateAnchor', () => {
  it('finds the text where it was', () => {
    assert.deepEqual(relocateAnchor(ANCHOR, SOURCE), { state: 'exact', startLine: 4, endLine: 6 });
  });

  it('follows the lines when lines are inserted above', () => {
    const moved = withLines((copy) => copy.splice(1, 0, 'import { log } from "./log";', 'import { metrics } from "./metrics";', ''));
    assert.deepEqual(relocateAnchor(ANCHOR, moved), { state: 'moved', startLine: 7, endLine: 9 });
  });

  it('follows the function when it moves down the file, re-indented into a class', () => {
    const body = lines.slice(2, 7);
    const moved = [...lines.slice(0, 2), ...lines.slice(7, 11), 'class Urls {', ...body.map((line) => `  ${line}`), '}', ''].join('\n');
    assert.deepEqual(relocateAnchor(ANCHOR, moved), { state: 'moved', startLine: 9, endLine: 11 });
  });

  it('picks the copy nearest the stored lines when the text appears twice', () => {
    const twice = withLines((copy) => copy.push(...lines.slice(3, 6), ...Array(30).fill('// filler'), ...lines.slice(3, 6)));
    assert.deepEqual(relocateAnchor({ ...ANCHOR, startLine: 14, endLine: 16 }, twice), { state: 'moved', startLine: 13, endLine: 15 });
    assert.deepEqual(relocateAnchor({ ...ANCHOR, startLine: 50, endLine: 52 }, twice), { state: 'moved', startLine: 46, endLine: 48 });
  });

  it('still anchors when one of the lines was edited, and says it changed', () => {
    const edited = withLines((copy) => {
      copy.splice(0, 0, '// header');
      copy[4] = '  const base = config.publicCheckoutHost;';
    });
    assert.deepEqual(relocateAnchor(ANCHOR, edited), { state: 'changed', startLine: 5, endLine: 7 });
  });

  it('drifts when the lines are deleted', () => {
    const deleted = withLines((copy) => copy.splice(3, 3));
    assert.deepEqual(relocateAnchor(ANCHOR, deleted), { state: 'drifted', startLine: 4, endLine: 6, reason: 'text-gone' });
  });

  it('drifts when the file is gone', () => {
    assert.deepEqual(relocateAnchor(ANCHOR, undefined), { state: 'drifted', startLine: 4, endLine: 6, reason: 'file-missing' });
  });

  it('cannot verify an anchor without text, unless its lines are past the end', () => {
    assert.deepEqual(relocateAnchor({ path: 'a.ts', startLine: 2, endLine: 3 }, SOURCE), { state: 'unverified', startLine: 2, endLine: 3 });
    assert.deepEqual(relocateAnchor({ path: 'a.ts', startLine: 20, endLine: 21 }, SOURCE), { state: 'drifted', startLine: 20, endLine: 21, reason: 'beyond-end' });
  });

  it('does not call a single short line found elsewhere a match', () => {
    const anchor = anchorOf('a.ts', SOURCE, 9, 11);
    const rewritten = withLines((copy) => copy.splice(8, 3, 'export const other = (): number => 42;'));
    assert.equal(relocateAnchor(anchor, rewritten).state, 'drifted');
  });

  it('reads CRLF text and an anchor stored with a final newline', () => {
    const crlf = withLines((copy) => copy.unshift('// one more')).replace(/\n/g, '\r\n');
    assert.deepEqual(relocateAnchor({ ...ANCHOR, text: `${ANCHOR.text}\n` }, crlf), { state: 'moved', startLine: 5, endLine: 7 });
  });
});

describe('checkAnchors', () => {
  const model = load({
    '.alignment/flags.yaml': yaml(
      '- kind: flag',
      '  id: F-open',
      '  reality: Sandbox only.',
      '  anchor:',
      '    path: src/payments/paymentService.ts',
      '    startLine: 4',
      '    endLine: 6',
      '    text: |2-',
      ...(ANCHOR.text as string).split('\n').map((line) => `      ${line}`),
      '- kind: flag',
      '  id: F-resolved',
      '  reality: Was broken.',
      '  status: resolved',
      '  anchor: { path: src/payments/paymentService.ts, startLine: 4, endLine: 4, text: "  // TODO(marta): read the public checkout host from config per environment." }',
      '- kind: flag',
      '  id: F-elsewhere',
      '  reality: Elsewhere.',
      '  anchor: { path: ./src/other.ts, startLine: 1, endLine: 1, text: "x" }',
    ),
  });

  it('lists the anchored files', () => {
    assert.deepEqual(anchoredPaths(model), ['src/other.ts', 'src/payments/paymentService.ts']);
  });

  it('relocates the anchors of the files given, and is quiet while they are found', () => {
    const check = checkAnchors(model, new Map([['src/payments/paymentService.ts', `\n\n${SOURCE}`]]));
    assert.deepEqual(Object.fromEntries(check.locations), {
      'F-open': { state: 'moved', startLine: 6, endLine: 8 },
      'F-resolved': { state: 'moved', startLine: 6, endLine: 6 },
    });
    assert.deepEqual(check.problems, []);
  });

  it('warns at the anchor path of a flag not yet resolved once its code is gone', () => {
    const check = checkAnchors(model, new Map([['src/payments/paymentService.ts', 'export {};\n'], ['src/other.ts', undefined]]));
    assert.deepEqual(check.problems.map((problem) => [problem.file, problem.line, problem.column, problem.endColumn, problem.code, problem.severity]), [
      ['.alignment/flags.yaml', 5, 11, 41, 'anchor-drifted', 'warning'],
      ['.alignment/flags.yaml', 20, 19, 33, 'anchor-drifted', 'warning'],
    ]);
    assert.equal(check.problems[0]?.message, 'F-open has drifted: the code it was anchored to (lines 4-6 of src/payments/paymentService.ts: "// TODO(marta): read the public checkout host from config…") is no longer there; select the code it is about and run "Truthline: Re-anchor Truth Flag to Selection"');
    assert.match(check.problems[1]?.message ?? '', /F-elsewhere has drifted: \.\/src\/other\.ts no longer exists/);
    assert.equal(check.locations.get('F-resolved')?.state, 'drifted', 'a resolved flag drifts quietly: its code was meant to change');
  });
});
