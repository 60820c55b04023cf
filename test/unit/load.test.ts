import * as assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_BYTES, KINDS, type LoadedItem } from '../../src/core';
import { LineStarts } from '../../src/core/textPositions';
import { expected, FILE, fixture, ids, parse, problemsAt, single, yaml } from './helpers';

function byId(items: readonly LoadedItem[], id: string): LoadedItem {
  const found = items.find((entry) => entry.id === id);
  assert.ok(found, `no item "${id}" among ${ids(items).join(', ')}`);
  return found;
}

describe('parseAlignmentFile', () => {
  describe('kinds and defaults', () => {
    it('parses one item of every kind, one per document, with the defaults applied', () => {
      const parsed = parse(fixture('all-kinds.yaml'));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.items.map((entry) => entry.kind), ['feature', 'request', 'assumption', 'risk', 'milestone', 'decision', 'flag']);
      assert.deepEqual([...new Set(parsed.items.map((entry) => entry.kind))].sort(), [...KINDS].sort());
      assert.deepEqual(ids(parsed.items), ['checkout', 'CR-1', 'A-1', 'R-1', 'M-1', 'D-1', 'F-1']);
      assert.ok(parsed.items.every((entry) => entry.file === FILE));

      const items = Object.fromEntries(parsed.items.map((entry) => [entry.id, entry.item as unknown as Record<string, unknown>]));
      assert.equal(items['A-1']?.status, 'untested');
      assert.equal(items['R-1']?.status, 'open');
      assert.deepEqual(items['M-1']?.gates, [{ role: 'security', call: 'pending' }]);
      assert.equal(items['F-1']?.severity, 'medium');
      assert.equal(items['F-1']?.status, 'open');
      assert.deepEqual(items.checkout, { kind: 'feature', id: 'checkout', title: 'Checkout' });
    });

    it('gives each item its range and locates values inside it', () => {
      const parsed = parse(fixture('all-kinds.yaml'));
      const flag = byId(parsed.items, 'F-1');
      const lastLine = 'reality: Works only in the demo environment.';
      assert.deepEqual(flag.range, { line: 31, column: 1, endLine: 33, endColumn: lastLine.length + 1 });
      assert.deepEqual(flag.locate(['id']), { line: 32, column: 5, endLine: 32, endColumn: 8 });
      const milestone = byId(parsed.items, 'M-1');
      assert.deepEqual(milestone.locate(['gates', 0, 'role']), { line: 25, column: 11, endLine: 25, endColumn: 19 });
      assert.equal(milestone.locate(['gates', 0, 'call']), undefined, 'a defaulted value has no position');
      assert.equal(milestone.locate(['due']), undefined);
    });

    it('parses every key of every kind without a problem', () => {
      const parsed = parse(fixture('full-items.yaml'));
      assert.deepEqual(problemsAt(parsed.problems), []);
      assert.deepEqual(ids(parsed.items), ['checkout', 'payments', 'CR-1', 'A-1', 'R-1', 'M-1', 'D-1', 'F-1']);
      const checkout = byId(parsed.items, 'checkout') as LoadedItem<'feature'>;
      assert.deepEqual(checkout.item.reported, { status: 'on-track', progress: 90, source: 'Weekly status report', asOf: '2026-11-13' });
      assert.deepEqual(checkout.item.direction?.for, ['CR-1', 'Acme GmbH']);
      const flag = byId(parsed.items, 'F-1') as LoadedItem<'flag'>;
      assert.deepEqual(flag.item.anchor, { path: 'src/checkout/pay.ts', startLine: 10, endLine: 14, text: "if (env === 'demo') {" });
      assert.equal(flag.item.severity, 'high');
      assert.equal(flag.item.status, 'resolved');
      const decision = byId(parsed.items, 'D-1') as LoadedItem<'decision'>;
      assert.deepEqual(decision.item.sources, [{ request: 'CR-1', customer: 'Acme GmbH', quote: 'Cards are fine for now.' }]);
    });

    it('reads a list of items in one document and several documents in one file', () => {
      const parsed = parse(yaml(
        '- kind: feature',
        '  id: a',
        '  title: A',
        '- kind: feature',
        '  id: b',
        '  title: B',
        '---',
        'kind: risk',
        'id: R-9',
        'risk: It broke.',
        'likelihood: low',
        'impact: low',
      ));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(ids(parsed.items), ['a', 'b', 'R-9']);
      assert.deepEqual(byId(parsed.items, 'b').range, { line: 4, column: 3, endLine: 6, endColumn: 11 });
      assert.deepEqual(byId(parsed.items, 'R-9').range, { line: 8, column: 1, endLine: 12, endColumn: 12 });
    });

    it('allows top-level x- keys and leaves them out of the item', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'x-jira: PAY-12', 'x-notes: { any: [shape] }'));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.items[0]?.item, { kind: 'feature', id: 'a', title: 'A' });
    });

    it('does not allow x- keys below the top level', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'reported:', '  status: done', '  x-note: hi'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('unknown-key', 6, 3, 6, 9)]);
    });
  });

  describe('file-level problems', () => {
    it('reports a YAML syntax error at its own position, keeps the item around it and the other documents', () => {
      const parsed = parse(yaml(
        'kind: feature',
        'id: a',
        'title: @A',
        '---',
        'kind: feature',
        'id: b',
        'title: B',
      ));
      assert.deepEqual(problemsAt(parsed.problems), [expected('yaml-syntax', 3, 8, 3, 9)]);
      assert.equal(parsed.problems[0]?.severity, 'error');
      assert.match(parsed.problems[0]?.message ?? '', /reserved character @/);
      assert.deepEqual(ids(parsed.items), ['a', 'b']);
      assert.deepEqual(problemsAt(parsed.items[0]?.problems ?? []), [expected('yaml-syntax', 3, 8, 3, 9)], 'the item carries the error inside it');
    });

    it('reports tab indentation and duplicate keys as YAML syntax errors', () => {
      assert.deepEqual(problemsAt(parse(yaml('kind: feature', 'id: a', 'title: A', '\towners: [x]')).problems), [expected('yaml-syntax', 4, 1, 4, 2)]);
      assert.deepEqual(problemsAt(parse(yaml('kind: feature', 'id: a', 'title: A', 'title: B')).problems), [expected('yaml-syntax', 4, 1, 4, 2)]);
    });

    it('keeps the good items of a list around a broken one', () => {
      const parsed = parse(yaml(
        '- kind: feature',
        '  id: a',
        '  title: A',
        '- kind: feature',
        '  id: b',
        '  owners: [x, y',
        '- kind: feature',
        '  id: c',
        '  title: C',
      ));
      // The parser finds the unclosed list where the next item starts; the item before it lacks a title.
      assert.deepEqual(problemsAt(parsed.problems).map((p) => `${p.code} ${p.line}`).sort(), ['schema 4', 'yaml-syntax 7']);
      assert.deepEqual(ids(parsed.items), ['a', 'b', 'c'], 'the broken item keeps what the parser could read');
      assert.deepEqual((parsed.items[1] as LoadedItem<'feature'>).item.owners, ['x', 'y']);
    });

    it('refuses an alias bomb quickly with too-many-aliases', () => {
      const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (let level = 1; level < 12; level++) {
        const previous = String.fromCharCode(96 + level);
        const name = String.fromCharCode(97 + level);
        levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
      }
      const started = Date.now();
      const parsed = parse(yaml(...levels, '---', 'kind: feature', 'id: ok', 'title: Still here'));
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
      assert.deepEqual(problemsAt(parsed.problems), [expected('too-many-aliases', 1, 1, 1, 2)]);
      assert.deepEqual(ids(parsed.items), ['ok']);
    });

    it('allows a few aliases below the limit', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: &t Checkout', 'owners: [*t, *t]'));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual((parsed.items[0] as LoadedItem<'feature'>).item.owners, ['Checkout', 'Checkout']);
    });

    it('refuses a file of a few megabytes with file-too-large at the start of the file', () => {
      const big = yaml('kind: feature', 'id: a', `title: ${'x'.repeat(3 * 1024 * 1024)}`);
      const parsed = parse(big);
      assert.deepEqual(problemsAt(parsed.problems), [expected('file-too-large', 1, 1, 1, 1)]);
      assert.deepEqual(parsed.items, []);
      assert.ok(big.length > DEFAULT_MAX_FILE_BYTES);
    });

    it('honours a smaller maxFileBytes', () => {
      const text = yaml('kind: feature', 'id: a', 'title: A');
      assert.deepEqual(parse(text, { maxFileBytes: 10 }).problems.map((p) => p.code), ['file-too-large']);
      assert.deepEqual(parse(text, { maxFileBytes: text.length }).problems, []);
    });

    it('refuses a file that is not text (a NUL near its start) as binary-file, once', () => {
      const parsed = parse('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR');
      assert.deepEqual(problemsAt(parsed.problems), [expected('binary-file', 1, 1, 1, 1)]);
      assert.deepEqual(parsed.items, []);
    });

    it('refuses only the document holding a NUL, at the NUL, and keeps the documents before and after it', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', '---', 'kind: feature', 'id: b\u0000\u0001', 'title: B', '---', 'kind: feature', 'id: c', 'title: C'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('binary-file', 6, 6, 6, 7)]);
      assert.deepEqual(ids(parsed.items), ['a', 'c']);
    });

    it('keeps the document before an alias bomb', () => {
      const bomb = ['x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'];
      for (let level = 1; level < 9; level++) bomb.push(`x${level}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(', ')}]`);
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', '---', ...bomb));
      assert.deepEqual(parsed.problems.map((p) => p.code), ['too-many-aliases']);
      assert.deepEqual(ids(parsed.items), ['a']);
    });

    it('refuses flow collections nested as keys (complex keys) at the key, and keeps the item', () => {
      const nested = `{${'['.repeat(40)}${']'.repeat(40)}: v}`;
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', `x-k: ${nested}`, '? [a, b]', ': c'));
      assert.deepEqual(parsed.problems.map((p) => `${p.code} ${p.line}`), ['schema 4', 'schema 5']);
      assert.match(parsed.problems[0]?.message ?? '', /a key must be plain text/);
      assert.deepEqual(ids(parsed.items), ['a']);
    });

    it('refuses a document nested deeper than the limit at the first node past it, and keeps the others', () => {
      const indented = Array.from({ length: 70 }, (_, depth) => `${' '.repeat(depth + 2)}k${depth}:`).join('\n');
      for (const deep of [`x-k: ${'{['.repeat(300)}${']}'.repeat(300)}`, `title: ${'{'.repeat(10_000)}`, `x-k:\n  ${'- '.repeat(40_000)}`, `x-k:\n${indented} v`, `x-k: "[[[" # [[[\n  ${'['.repeat(65)}`]) {
        const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', '---', 'kind: feature', 'id: b', deep, '---', 'kind: feature', 'id: c', 'title: C'));
        assert.ok(parsed.problems.some((p) => p.code === 'too-deep' && p.line >= 7), JSON.stringify(parsed.problems.slice(0, 3)));
        assert.deepEqual(ids(parsed.items), ['a', 'c']);
      }
    });

    it('refuses a document of more than 250,000 values with too-many-nodes, at the value past the limit', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', '---', `x-k: [${'1,'.repeat(260_000)}1]`));
      assert.deepEqual(parsed.problems.map((p) => `${p.code} ${p.line}`), ['too-many-nodes 5']);
      assert.deepEqual(ids(parsed.items), ['a']);
    });

    it('lists at most a hundred YAML errors of a file, then says how many more there are', () => {
      const parsed = parse(Array.from({ length: 300 }, (_, index) => `k${index}: @x`).join('\n'));
      const syntax = parsed.problems.filter((p) => p.code === 'yaml-syntax');
      assert.equal(syntax.length, 101);
      assert.match(syntax[100]?.message ?? '', /^200 more YAML errors not listed/);
    });

    it('stops reading a file that is more errors than YAML after a hundred, and says where', () => {
      const parsed = parse(yaml('- kind: feature', '  id: a', '  title: A', `title: ${'- '.repeat(40_000)}`));
      const last = parsed.problems[parsed.problems.length - 1];
      assert.equal(parsed.problems.length, 101);
      assert.match(last?.message ?? '', /more than 100 YAML errors: reading stopped here/);
      assert.deepEqual(ids(parsed.items), ['a']);
    });

    it('stops reading after 2,000 documents and says where', () => {
      const parsed = parse(Array.from({ length: 2_005 }, (_, index) => `kind: feature\nid: f${index}\ntitle: F\n`).join('---\n'));
      assert.equal(parsed.items.length, 2_000);
      assert.deepEqual(parsed.problems.map((p) => `${p.code} ${p.line}`), [`too-many-nodes ${2_000 * 4}`]);
      assert.match(parsed.problems[0]?.message ?? '', /more than 2,000 documents: reading stopped here/);
    });

    it('refuses an alias to the collection that holds it, at the alias', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'x-k: &a [*a]'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('yaml-syntax', 4, 10, 4, 12)]);
      assert.deepEqual(ids(parsed.items), ['a']);
      assert.doesNotThrow(() => parse('kind: &a [*a]'));
    });

    it('never points past the end of the file', () => {
      for (const text of ['kind: feature\nid: a\ntitle: "open\n', 'a: [\n\n\n', '- kind: feature\n  id: [\n']) {
        const lineCount = text.replace(/\n+$/, '').split('\n').length;
        for (const p of parse(text).problems) assert.ok(p.line <= lineCount && p.endLine <= lineCount, `${JSON.stringify(text)}: ${JSON.stringify(p)}`);
      }
    });

    it('warns about a file holding an empty list with empty-file', () => {
      assert.deepEqual(problemsAt(parse('[]\n').problems), [expected('empty-file', 1, 1, 1, 1)]);
    });

    for (const [name, text] of [['an empty file', ''], ['a file of comments only', '# nothing yet\n# still nothing\n'], ['a file of empty documents', '---\n---\n']] as const) {
      it(`warns about ${name} with empty-file`, () => {
        const parsed = parse(text);
        assert.deepEqual(problemsAt(parsed.problems), [expected('empty-file', 1, 1, 1, 1)]);
        assert.equal(parsed.problems[0]?.severity, 'warning');
      });
    }

    it('accepts a leading, doubled or trailing document separator', () => {
      const parsed = parse(yaml('---', 'kind: feature', 'id: a', 'title: A', '---', '---', 'kind: feature', 'id: b', 'title: B', '---'));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(ids(parsed.items), ['a', 'b']);
    });

    it('reports an explicit null document as a schema problem, not as empty', () => {
      assert.deepEqual(problemsAt(parse(yaml('~')).problems), [expected('schema', 1, 1, 1, 2)]);
    });

    it('does not call a file with only a syntax error empty', () => {
      assert.deepEqual(parse('[\n').problems.map((p) => p.code), ['yaml-syntax']);
    });
  });

  describe('schema problems', () => {
    it('reports a wrong type at the value and keeps the item without the field (salvage)', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'owners: 5'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 4, 9, 4, 10)]);
      assert.match(parsed.problems[0]?.message ?? '', /^"owners": /);
      assert.deepEqual(parsed.items[0]?.item, { kind: 'feature', id: 'a', title: 'A' });
    });

    it('reports a bad enum value deep in a list at the value', () => {
      const parsed = parse(yaml('kind: milestone', 'id: M-1', 'title: Beta', 'gates:', '  - role: security', '    call: maybe'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 6, 11, 6, 16)]);
      assert.match(parsed.problems[0]?.message ?? '', /^"gates\.0\.call": /);
      assert.deepEqual(ids(parsed.items), ['M-1']);
      assert.deepEqual((parsed.items[0] as LoadedItem<'milestone'>).item.gates, []);
    });

    it('drops only the bad entry of a list, and locates the others where they are written', () => {
      const parsed = parse(yaml('kind: milestone', 'id: M-1', 'title: Beta', 'gates:', '  - role: security', '    call: maybe', '  - role: support', '    call: no-go', 'validates: [A-1, "not an id", A-2]'));
      assert.deepEqual(parsed.problems.map((p) => p.line).sort(), [6, 9]);
      const milestone = parsed.items[0] as LoadedItem<'milestone'>;
      assert.deepEqual(milestone.item.gates, [{ role: 'support', call: 'no-go' }]);
      assert.deepEqual(milestone.item.validates, ['A-1', 'A-2']);
      assert.equal(milestone.locate(['gates', 0, 'call'])?.line, 8, 'the kept gate is found on its own line');
      assert.equal(milestone.locate(['validates', 1])?.column, 31);
    });

    it('reports a paths pattern the glob compiler refuses at that pattern, and keeps the others', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'paths:', '  - src/a/', `  - "${'a'.repeat(70_000)}"`, `  - "${'['.repeat(60_000)}"`, '  - "a{b"', '  - src/b/**'));
      assert.deepEqual(parsed.problems.map((p) => `${p.code} ${p.line}`), ['schema 6', 'schema 7', 'schema 8']);
      assert.match(parsed.problems[0]?.message ?? '', /70,000 characters long/);
      assert.deepEqual((parsed.items[0] as LoadedItem<'feature'>).item.paths, ['src/a/', 'src/b/**']);
    });

    it('drops only the bad key of a nested mapping', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'reported:', '  status: on-track', '  progress: 150'));
      assert.deepEqual((parsed.items[0] as LoadedItem<'feature'>).item.reported, { status: 'on-track' });
    });

    it('reports a bad date and a progress out of range at their values', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'reported:', '  status: on-track', '  progress: 120', '  asOf: next week'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 6, 13, 6, 16), expected('schema', 7, 9, 7, 18)]);
      assert.deepEqual(ids(parsed.items), ['a']);
    });

    it('reports a missing required key at the head of its mapping and keeps the item, marked', () => {
      const parsed = parse(yaml('kind: request', 'id: CR-1', 'customer: Acme GmbH'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 1, 1, 1, 5)]);
      assert.equal(parsed.problems[0]?.message, 'missing required key "quote" in request');
      assert.deepEqual(parsed.items[0]?.item, { kind: 'request', id: 'CR-1', customer: 'Acme GmbH' });
      assert.deepEqual(parsed.items[0]?.problems, parsed.problems);
    });

    it('reports a missing nested key at the head of the nested mapping', () => {
      const parsed = parse(yaml('kind: milestone', 'id: M-1', 'title: Beta', 'gates:', '  - who: Ann', '    call: go'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 5, 5, 5, 8)]);
      assert.match(parsed.problems[0]?.message ?? '', /missing required key "role" in milestone at "gates\.0"/);
      assert.deepEqual(ids(parsed.items), ['M-1']);
    });

    it('reports a missing kind at the head of the item', () => {
      const parsed = parse(yaml('id: a', 'title: A'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 1, 1, 1, 3)]);
      assert.match(parsed.problems[0]?.message ?? '', /missing required key "kind"/);
    });

    it('reports an unknown kind at its value with a suggestion', () => {
      const parsed = parse(yaml('kind: featur', 'id: a', 'title: A'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 1, 7, 1, 13)]);
      assert.match(parsed.problems[0]?.message ?? '', /unknown kind "featur"; did you mean "feature"\?/);
      assert.deepEqual(parsed.items, []);
    });

    it('reports a bad id at its value and keeps the item under the id as written', () => {
      const parsed = parse(yaml('kind: feature', 'id: 1st feature', 'title: A'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 2, 5, 2, 16)]);
      assert.deepEqual(ids(parsed.items), ['1st feature']);
    });

    it('drops an item whose id cannot be read, and says so', () => {
      const parsed = parse(yaml('kind: feature', 'id: [a, b]', 'title: A'));
      assert.deepEqual(parsed.problems.map((p) => p.code), ['schema']);
      assert.deepEqual(parsed.items, []);
    });

    it('reports a scalar document as a schema problem over the scalar', () => {
      const parsed = parse(yaml('just some text'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 1, 1, 1, 15)]);
      assert.deepEqual(parsed.items, []);
    });

    it('reports a scalar entry in a list and keeps the items beside it', () => {
      const parsed = parse(yaml('- 42', '- kind: feature', '  id: a', '  title: A'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 1, 3, 1, 5)]);
      assert.deepEqual(ids(parsed.items), ['a']);
    });

    it('reports several problems of one item at once', () => {
      const parsed = parse(yaml('kind: risk', 'id: R-1', 'risk: It broke.', 'likelihood: extreme', 'impact: high', 'status: gone', 'feature: 7'));
      const sorted = problemsAt(parsed.problems).sort((a, b) => a.line - b.line);
      assert.deepEqual(sorted, [expected('schema', 4, 13, 4, 20), expected('schema', 6, 9, 6, 13), expected('schema', 7, 10, 7, 11)]);
      assert.deepEqual(parsed.items[0]?.item, { kind: 'risk', id: 'R-1', risk: 'It broke.', impact: 'high', status: 'open' }, 'a pre-mortem risk is never hidden by a typo');
      assert.equal(parsed.items[0]?.problems.length, 3);
    });
  });

  describe('unknown and forbidden keys', () => {
    it('reports an unknown key at the key with a did-you-mean suggestion, and keeps the item', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'titel: B'));
      const found = single(parsed.problems, 'unknown-key');
      assert.deepEqual(problemsAt([found]), [expected('unknown-key', 4, 1, 4, 6)]);
      assert.equal(found.message, 'unknown key "titel" in feature; did you mean "title"?');
      assert.deepEqual(parsed.items[0]?.item, { kind: 'feature', id: 'a', title: 'A' });
    });

    it('suggests the x- prefix for a key unlike any other', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'budget: 5'));
      assert.equal(single(parsed.problems, 'unknown-key').message, 'unknown key "budget" in feature; prefix it with "x-" to keep data of your own');
    });

    it('reports a nested unknown key at the key', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'reported:', '  status: on-track', '  progres: 50'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('unknown-key', 6, 3, 6, 10)]);
      assert.match(parsed.problems[0]?.message ?? '', /did you mean "progress"\?/);
      assert.deepEqual(ids(parsed.items), ['a']);
    });

    it('refuses __proto__ with forbidden-key and does not pollute the prototype', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', '__proto__:', '  polluted: true'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('forbidden-key', 4, 1, 4, 10)]);
      assert.deepEqual(ids(parsed.items), ['a']);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf(parsed.items[0]?.item), Object.prototype);
    });

    it('refuses a nested __proto__ and constructor once each', () => {
      const parsed = parse(yaml('kind: feature', 'id: a', 'title: A', 'direction:', '  __proto__: { polluted: true }', 'constructor: x'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('forbidden-key', 5, 3, 5, 12), expected('forbidden-key', 6, 1, 6, 12)]);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepEqual(ids(parsed.items), ['a']);
    });
  });

  it('says what to write for a key written with no value, instead of "expected array, received null"', () => {
    const parsed = parse(yaml('kind: feature', 'id: a', 'title:', 'paths:', 'owners:', 'reported:', 'x-note: kept'));
    assert.deepEqual(parsed.problems.map((p) => `${p.line}:${p.column} ${p.message}`), [
      '3:7 "title": has no value: write the text after the colon',
      '4:7 "paths": has no value: write the patterns of the files it covers, one per line indented below the key ("  - src/payments/"), or [src/payments/] on its line',
      '5:8 "owners": has no value: write a list under it, one "- entry" per line indented below the key, or [a, b] on its line',
      '6:10 "reported": has no value: write its keys indented below it',
    ]);
    // A null written out is a value of the wrong type, said as such.
    assert.match(parse(yaml('kind: feature', 'id: a', 'title: A', 'owners: null')).problems[0]?.message ?? '', /^"owners": Invalid input: expected array, received null$/);
  });

  describe('comment-cuts-text: a value a ` #word` comment cut short', () => {
    const request = (...lines: string[]): string => yaml('kind: request', 'id: CR-1', 'customer: Acme', 'quote: Please.', ...lines);

    it('warns at the value, saying what YAML read and how to keep the rest, at any depth', () => {
      const parsed = parse(request('channel: Support ticket #48211', 'x-notes:', '  - ask Marta #2'));
      assert.deepEqual(problemsAt(parsed.problems), [expected('comment-cuts-text', 5, 10, 5, 24), expected('comment-cuts-text', 7, 5, 7, 14)]);
      assert.equal(parsed.problems[0]?.severity, 'warning');
      assert.equal(parsed.problems[0]?.message, 'YAML reads " #48211" as a comment, so this value is "Support ticket"; if the "#" belongs to the text, put the value in quotes: "Support ticket #48211"');
      assert.equal((parsed.items[0]?.item as { channel?: string }).channel, 'Support ticket', 'the item keeps what YAML read');
    });

    it('leaves comments written on purpose, quoted values and CRLF files alone', () => {
      for (const text of [
        request('channel: Support ticket   # the first one'),
        request('channel: Support ticket # the first one'),
        request('channel: "Support ticket #48211"'),
        request("channel: 'Support ticket #48211'"),
        request('channel: Support ticket#48211'),
        request('channel: Support ticket ##'),
        request('# a comment line #1', 'channel: Email'),
      ]) assert.deepEqual(problemsAt(parse(text).problems), [], text);
      assert.deepEqual(problemsAt(parse(request('channel: Support ticket #48211').replace(/\n/g, '\r\n')).problems), [expected('comment-cuts-text', 5, 10, 5, 24)]);
    });
  });

  describe('never throws, never hides', () => {
    it('keeps the good items of a file around one bad item', () => {
      const parsed = parse(yaml(
        'kind: feature',
        'id: good-1',
        'title: Good',
        '---',
        'kind: feature',
        'id: bad',
        '---',
        'kind: feature',
        'id: good-2',
        'title: Also good',
      ));
      assert.deepEqual(problemsAt(parsed.problems), [expected('schema', 5, 1, 5, 5)]);
      assert.deepEqual(ids(parsed.items), ['good-1', 'bad', 'good-2']);
    });

    it('returns problems, not exceptions, for odd inputs', () => {
      const odd = ['---\n- - - [', '{', ']', ': :', '&a [*a]', '*missing', '!!binary abc', '? [a]\n: b', 'kind: [feature]\nid: a', '- null\n- ~\n- []', '"\\u0000"', '\t', 'kind: flag\nid: f\nreality: r\nanchor: 5'];
      for (const text of odd) {
        const parsed = parse(text);
        assert.ok(parsed.problems.length > 0, `no problem for ${JSON.stringify(text)}`);
        for (const p of parsed.problems) {
          assert.ok(p.line >= 1 && p.column >= 1, `bad position for ${JSON.stringify(text)}: ${JSON.stringify(p)}`);
          assert.ok(p.endLine > p.line || (p.endLine === p.line && p.endColumn >= p.column), `end before start for ${JSON.stringify(text)}`);
        }
      }
    });

    it('gives the same positions with a byte order mark and with CRLF line ends', () => {
      const text = yaml('kind: feature', 'id: a', 'title: A', 'owners: 5', 'titel: x', 'reported:', '  status: on-track', '  progress: 120', '---', 'kind: feature', 'id: b', 'title: @B');
      const plain = parse(text);
      assert.equal(plain.problems.length, 4);
      const variants = { bom: `\ufeff${text}`, crlf: text.replace(/\n/g, '\r\n'), both: `\ufeff${text.replace(/\n/g, '\r\n')}` };
      for (const [name, variant] of Object.entries(variants)) {
        const parsed = parse(variant);
        assert.deepEqual(problemsAt(parsed.problems), problemsAt(plain.problems), name);
        assert.deepEqual(parsed.items.map((entry) => entry.range), plain.items.map((entry) => entry.range), name);
      }
    });

    it('counts a lone \\r as a line end, as an editor does', () => {
      // Line 1 is "# note", line 2 "more" (a lone \r between them), lines 5 and 6 the title, line 7 "titel: x".
      const parsed = parse('# note\rmore\nkind: feature\nid: a\ntitle: "A\rB"\ntitel: x\n');
      assert.deepEqual(problemsAt(parsed.problems), [expected('unknown-key', 7, 1, 7, 6)]);
      assert.deepEqual(parsed.items.map((entry) => entry.range), [{ line: 3, column: 1, endLine: 7, endColumn: 9 }]);
      assert.deepEqual(parsed.items[0]?.locate(['title']), { line: 5, column: 8, endLine: 6, endColumn: 3 });
    });

    it('gives a file whose lines all end in a lone \\r its problems on the lines an editor shows', () => {
      const parsed = parse('kind: feature\rid: a\rtitle: A\r');
      assert.ok(parsed.problems.length > 0);
      for (const p of parsed.problems) {
        assert.ok(p.line >= 1 && p.endLine <= 3, `line past the file's 3 lines: ${JSON.stringify(p)}`);
      }
      assert.deepEqual(problemsAt(parsed.problems).map((p) => [p.line, p.column]), [[1, 7], [2, 5]]);
    });

    it('never points between the \\r and the \\n of a line end', () => {
      const parsed = parse('kind: feature\r\nid: a\r\ntitle: A\r\ntitel: x\r\n');
      assert.deepEqual(problemsAt(parsed.problems), [expected('unknown-key', 4, 1, 4, 6)]);
      assert.deepEqual(parsed.items[0]?.locate(['title']), { line: 3, column: 8, endLine: 3, endColumn: 9 });
      const lines = new LineStarts('ab\r\ncd\re\n\rf');
      assert.deepEqual([0, 2, 3, 4, 6, 7, 8, 9, 10].map((offset) => lines.position(offset)), [
        { line: 1, column: 1 }, { line: 1, column: 3 }, { line: 1, column: 3 }, { line: 2, column: 1 }, { line: 2, column: 3 },
        { line: 3, column: 1 }, { line: 3, column: 2 }, { line: 4, column: 1 }, { line: 5, column: 1 },
      ]);
    });

    it('does not count the byte order mark as a column', () => {
      const parsed = parse(`\ufeff${yaml('kind: feature', 'id: a', 'title: A')}`);
      assert.deepEqual(parsed.items[0]?.locate(['kind']), { line: 1, column: 7, endLine: 1, endColumn: 14 });
    });
  });
});
