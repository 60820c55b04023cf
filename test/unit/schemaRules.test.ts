// Rules beyond types: calendar dates, anchors that end before they start, decision sources that name nobody,
// and a risk that already happened counting in a feature's reality.
import * as assert from 'node:assert/strict';
import { featureReality } from '../../src/core';
import { expected, ids, load, parse, problemsAt, yaml } from './helpers';

describe('schema rules', () => {
  it('refuses a date that is not in the calendar, at its value, once', () => {
    const parsed = parse(yaml('kind: decision', 'id: D-1', 'title: Use the queue', 'decidedAt: 2026-02-30'));
    assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 4, 12, 4, 22)]);
    assert.match(parsed.problems[0]?.message ?? '', /no such day/);
    assert.deepEqual(ids(parsed.items), ['D-1']);
  });

  it('accepts a leap day and a date-time', () => {
    const parsed = parse(yaml('kind: decision', 'id: D-1', 'title: Use the queue', 'decidedAt: 2028-02-29T10:00:00Z'));
    assert.deepEqual(parsed.problems, []);
  });

  it('refuses an anchor whose endLine is before its startLine, at endLine', () => {
    const parsed = parse(yaml('kind: flag', 'id: F-1', 'reality: broken', 'anchor:', '  path: src/a.ts', '  startLine: 9', '  endLine: 3'));
    assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 7, 12, 7, 13)]);
    assert.match(parsed.problems[0]?.message ?? '', /endLine must not be before startLine/);
  });

  it('refuses a decision source that names neither a request nor a customer', () => {
    const parsed = parse(yaml('kind: decision', 'id: D-1', 'title: Use the queue', 'sources:', '  - quote: "someone said so"'));
    assert.deepEqual(problemsAt(parsed.problems).map((problem) => problem.code), ['schema']);
    assert.equal(parsed.problems[0]?.line, 5);
    assert.match(parsed.problems[0]?.message ?? '', /names a request or a customer/);
  });

  it('counts a risk that occurred with medium impact as a high risk of its feature', () => {
    const model = load({
      '.alignment/a.yaml': yaml(
        '- { kind: feature, id: cart, title: Cart, reported: { status: on-track } }',
        '- { kind: risk, id: R-1, risk: Prices were wrong, feature: cart, likelihood: low, impact: medium, status: occurred }',
        '- { kind: risk, id: R-2, risk: A typo shipped, feature: cart, likelihood: low, impact: low, status: occurred }',
      ),
    });
    const reality = featureReality(model, 'cart');
    assert.equal(reality.highRisks, 1);
    assert.equal(reality.disagrees, true);
  });
});

describe('loader details', () => {
  it('locates the whole item for an empty path', () => {
    const parsed = parse(yaml('kind: feature', 'id: a', 'title: A'));
    assert.deepEqual(parsed.items[0]?.locate([]), { line: 1, column: 1, endLine: 3, endColumn: 9 });
  });

  it('measures file-too-large in UTF-8 bytes, not characters', () => {
    const text = `kind: feature\nid: a\ntitle: "${'é'.repeat(600)}"\n`; // ~630 characters, ~1230 bytes
    assert.deepEqual(problemsAt(parse(text, { maxFileBytes: 1000 }).problems), [expected('file-too-large', 1, 1, 1, 1)]);
    assert.deepEqual(parse(text, { maxFileBytes: 2000 }).problems, []);
  });
});
