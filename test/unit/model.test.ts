import * as assert from 'node:assert/strict';
import { getItem, GlobMatchMemo, PROBLEM_CODES, type ProblemCode } from '../../src/core';
import { at, expected, ids, load, problemsAt, single, withCode, yaml } from './helpers';

const feature = (id: string, ...more: string[]): string => yaml('kind: feature', `id: ${id}`, `title: ${id}`, ...more);

describe('buildModel', () => {
  it('indexes items by id and by kind across files', () => {
    const model = load({
      '.alignment/features/checkout.yaml': feature('checkout'),
      '.alignment/risks.yaml': yaml('kind: risk', 'id: R-1', 'risk: It broke.', 'likelihood: low', 'impact: low', 'feature: checkout'),
    });
    assert.deepEqual(model.problems, []);
    assert.deepEqual(ids(model.items), ['checkout', 'R-1']);
    assert.deepEqual(ids(model.byKind.feature), ['checkout']);
    assert.deepEqual(ids(model.byKind.risk), ['R-1']);
    assert.deepEqual(ids(model.byKind.flag), []);
    assert.equal(getItem(model, 'R-1', 'risk')?.item.likelihood, 'low');
    assert.equal(getItem(model, 'R-1', 'feature'), undefined, 'getItem checks the kind');
    assert.deepEqual(ids(model.itemsOfFeature.get('checkout') ?? []), ['R-1']);
  });

  it('sorts problems by file, then position', () => {
    const model = load({
      '.alignment/b.yaml': yaml('kind: feature', 'id: b', 'title: B', 'titel: x', 'dependsOn: [nope]'),
      '.alignment/a.yaml': yaml('kind: feature', 'id: a', 'title: A', 'owners: 5'),
    });
    assert.deepEqual(model.problems.map((p) => `${p.file}:${p.line}:${p.code}`), [
      '.alignment/a.yaml:4:schema',
      '.alignment/b.yaml:4:unknown-key',
      '.alignment/b.yaml:5:unknown-reference',
    ]);
  });

  describe('duplicate-id', () => {
    it('reports both places, across files, and indexes the first', () => {
      const model = load({
        '.alignment/one.yaml': feature('checkout'),
        '.alignment/two.yaml': yaml('# the same id again', 'kind: risk', 'id: checkout', 'risk: It broke.', 'likelihood: low', 'impact: low'),
      });
      assert.deepEqual(model.problems.map((p) => ({ file: p.file, ...at(p) })), [
        { file: '.alignment/one.yaml', ...expected('duplicate-id', 2, 5, 2, 13) },
        { file: '.alignment/two.yaml', ...expected('duplicate-id', 3, 5, 3, 13) },
      ]);
      assert.match(model.problems[0]?.message ?? '', /also used at \.alignment\/two\.yaml:3/);
      assert.match(model.problems[1]?.message ?? '', /also used at \.alignment\/one\.yaml:2/);
      assert.equal(model.byId.get('checkout')?.kind, 'feature');
      assert.deepEqual(ids(model.byKind.risk), []);
    });

    it('reports duplicates within one file', () => {
      const model = load({ '.alignment/a.yaml': `${feature('x')}---\n${feature('x')}` });
      assert.deepEqual(problemsAt(model.problems), [expected('duplicate-id', 2, 5, 2, 6), expected('duplicate-id', 6, 5, 6, 6)]);
    });

    it('reports a duplicate at once when one of the two has a wrong field or an unknown kind', () => {
      const risk = (likelihood: string): string => yaml('kind: risk', 'id: R-1', 'risk: It broke.', `likelihood: ${likelihood}`, 'impact: low');
      const wrongField = load({ '.alignment/a.yaml': risk('low'), '.alignment/b.yaml': risk('extreme') });
      assert.deepEqual(withCode(wrongField.problems, 'duplicate-id').map((p) => p.file), ['.alignment/a.yaml', '.alignment/b.yaml']);
      const unknownKind = load({ '.alignment/a.yaml': risk('low'), '.alignment/b.yaml': yaml('kind: rsk', 'id: R-1') });
      assert.deepEqual(withCode(unknownKind.problems, 'duplicate-id').map((p) => `${p.file}:${p.line}`), ['.alignment/a.yaml:2', '.alignment/b.yaml:2']);
    });
  });

  describe('items that break the format', () => {
    it('are kept, counted and can be referenced, with their problems', () => {
      const model = load({
        '.alignment/f.yaml': feature('checkout'),
        '.alignment/r.yaml': yaml('kind: risk', 'id: R-1', 'risk: It broke.', 'likelihood: extreme', 'impact: high', 'feature: checkout'),
        '.alignment/m.yaml': yaml('kind: milestone', 'id: M-1', 'title: Beta', 'feature: checkout', 'gates:', '  - role: security', '    call: nope'),
      });
      assert.deepEqual(ids(model.byKind.risk), ['R-1']);
      assert.deepEqual(model.byId.get('R-1')?.problems.map((p) => p.line), [4]);
      assert.deepEqual(ids(model.itemsOfFeature.get('checkout') ?? []), ['R-1', 'M-1']);
      assert.deepEqual(withCode(model.problems, 'unknown-reference'), []);
    });
  });

  describe('unknown-reference', () => {
    // One item per field that names another item; each names an id that does not exist.
    const dangling = {
      '.alignment/dangling.yaml': yaml(
        '- kind: feature', //                                     1
        '  id: checkout',
        '  title: Checkout',
        '  dependsOn: [ghost-feature]', //                        4: col 15-28
        '  direction:',
        '    for: [CR-404]', //                                   6: col 11-17
        '- kind: request',
        '  id: CR-1',
        '  customer: Acme GmbH',
        '  quote: Please.', //                                    10
        '  features: [nope]', //                                  11: col 14-18
        '- kind: assumption',
        '  id: A-1',
        '  statement: Cards.',
        '  feature: nofeature', //                                15: col 12-21
        '  milestone: M-404', //                                  16: col 14-19
        '- kind: milestone',
        '  id: M-1',
        '  title: Beta',
        '  validates: [A-404]', //                                20: col 15-20
        '- kind: decision',
        '  id: D-1',
        '  title: Cards',
        '  sources:',
        '    - request: CR-9', //                                 25: col 16-20
        '- kind: flag',
        '  id: F-1',
        '  reality: Demo only.',
        '  about: A-9', //                                        29: col 10-13
        '  feature: checkout',
        '- kind: risk',
        '  id: R-1',
        '  risk: It broke.',
        '  likelihood: low',
        '  impact: low',
        '  feature: checkot', //                                  36: col 12-19
        '- kind: milestone',
        '  id: M-2',
        '  title: GA',
        '  feature: gone', //                                     40: col 12-16
      ),
    };

    it('reports every reference field at the id that dangles', () => {
      const model = load(dangling);
      assert.deepEqual(problemsAt(model.problems), [
        expected('unknown-reference', 4, 15, 4, 28),
        expected('unknown-reference', 6, 11, 6, 17),
        expected('unknown-reference', 11, 14, 11, 18),
        expected('unknown-reference', 15, 12, 15, 21),
        expected('unknown-reference', 16, 14, 16, 19),
        expected('unknown-reference', 20, 15, 20, 20),
        expected('unknown-reference', 25, 16, 25, 20),
        expected('unknown-reference', 29, 10, 29, 13),
        expected('unknown-reference', 36, 12, 36, 19),
        expected('unknown-reference', 40, 12, 40, 16),
      ]);
      assert.ok(model.problems.every((p) => p.severity === 'error'));
    });

    it('names the field and suggests a close id', () => {
      const model = load(dangling);
      const messages = model.problems.map((p) => p.message);
      assert.ok(messages.includes('dependsOn names "ghost-feature", but no feature has that id'), messages.join('\n'));
      assert.ok(messages.includes('feature names "checkot", but no feature has that id; did you mean "checkout"?'), messages.join('\n'));
      assert.ok(messages.includes('sources.request names "CR-9", but no request has that id; did you mean "CR-1"?'), messages.join('\n'));
    });

    it('reports the decision features field', () => {
      const model = load({ '.alignment/d.yaml': yaml('kind: decision', 'id: D-1', 'title: Cards', 'features: [checkout, missing]') , '.alignment/f.yaml': feature('checkout') });
      assert.deepEqual(problemsAt(model.problems), [expected('unknown-reference', 4, 22, 4, 29)]);
    });

    it('accepts a customer name in direction.for, in any case, but not elsewhere', () => {
      const model = load({
        '.alignment/r.yaml': yaml('kind: request', 'id: CR-1', 'customer: Acme', 'quote: Please.', 'features: [Acme]'),
        '.alignment/f.yaml': feature('checkout', 'direction:', '  for: [ACME, CR-1, Globex]'),
      });
      const found = withCode(model.problems, 'unknown-reference');
      assert.deepEqual(found.map((p) => ({ file: p.file, ...at(p) })), [
        { file: '.alignment/f.yaml', ...expected('unknown-reference', 5, 21, 5, 27) },
        { file: '.alignment/r.yaml', ...expected('unknown-reference', 5, 12, 5, 16) },
      ]);
    });

    it('reports a reference to an item of the wrong kind', () => {
      const model = load({
        '.alignment/a.yaml': yaml(
          '- kind: feature',
          '  id: checkout',
          '  title: Checkout',
          '  dependsOn: [A-1]',
          '  direction:',
          '    for: [checkout]',
          '- kind: assumption',
          '  id: A-1',
          '  statement: Cards.',
          '  feature: A-1',
          '  milestone: checkout',
          '- kind: milestone',
          '  id: M-1',
          '  title: Beta',
          '  validates: [checkout]',
          '- kind: flag',
          '  id: F-1',
          '  reality: Demo only.',
          '  about: F-1',
        ),
      });
      assert.deepEqual(problemsAt(model.problems), [
        expected('unknown-reference', 4, 15, 4, 18),
        expected('unknown-reference', 6, 11, 6, 19),
        expected('unknown-reference', 10, 12, 10, 15),
        expected('unknown-reference', 11, 14, 11, 22),
        expected('unknown-reference', 15, 15, 15, 23),
        expected('unknown-reference', 19, 10, 19, 13),
      ]);
      const messages = model.problems.map((p) => p.message);
      assert.ok(messages.includes('"A-1" is an assumption, but dependsOn expects a feature'), messages.join('\n'));
      assert.ok(messages.includes('"checkout" is a feature, but validates expects an assumption'), messages.join('\n'));
    });

    it('says nothing when every reference resolves', () => {
      const model = load({
        '.alignment/a.yaml': yaml(
          '- kind: feature', '  id: checkout', '  title: Checkout', '  dependsOn: [payments]', '  direction:', '    for: [CR-1, Acme GmbH]',
          '- kind: feature', '  id: payments', '  title: Payments',
          '- kind: request', '  id: CR-1', '  customer: Acme GmbH', '  quote: Please.', '  features: [checkout]',
          '- kind: assumption', '  id: A-1', '  statement: Cards.', '  feature: checkout', '  milestone: M-1',
          '- kind: milestone', '  id: M-1', '  title: Beta', '  feature: checkout', '  validates: [A-1]',
          '- kind: decision', '  id: D-1', '  title: Cards', '  features: [checkout]', '  sources:', '    - request: CR-1',
          '- kind: flag', '  id: F-1', '  reality: Demo only.', '  feature: payments', '  about: M-1',
        ),
      });
      assert.deepEqual(model.problems, []);
    });
  });

  describe('glob-matches-nothing', () => {
    const files = {
      '.alignment/f.yaml': yaml(
        'kind: feature',
        'id: checkout',
        'title: Checkout',
        'paths:',
        '  - src/checkout/', //        5: matches
        '  - "*.pay.ts"', //           6: matches at any depth
        '  - /src/old/', //            7: nothing there
        '  - "!src/checkout/gen/"', // 8: nothing to exclude either
      ),
      '.alignment/r.yaml': yaml('kind: request', 'id: CR-1', 'customer: Acme', 'quote: Please.', 'paths: [docs/*.md]'),
    };

    it('warns at each pattern that matches no repository file', () => {
      const model = load(files, { repoFiles: ['src/checkout/cart.ts', 'lib/deep/card.pay.ts', 'README.md'] });
      assert.deepEqual(model.problems.map((p) => ({ file: p.file, ...at(p), severity: p.severity })), [
        { file: '.alignment/f.yaml', ...expected('glob-matches-nothing', 7, 5, 7, 14), severity: 'warning' },
        { file: '.alignment/f.yaml', ...expected('glob-matches-nothing', 8, 5, 8, 25), severity: 'warning' },
        { file: '.alignment/r.yaml', ...expected('glob-matches-nothing', 5, 9, 5, 18), severity: 'warning' },
      ]);
      assert.match(model.problems[0]?.message ?? '', /"\/src\/old\/" matches no file/);
    });

    it('is quiet when every pattern matches, with ./ and Windows separators', () => {
      const model = load({ '.alignment/f.yaml': feature('checkout', 'paths: [./src/checkout/, "src\\\\old\\\\", docs/*.md]') }, {
        repoFiles: ['src/checkout/cart.ts', 'src\\old\\x.ts', './docs/a.md'],
      });
      assert.deepEqual(problemsAt(model.problems), []);
    });

    it('is not checked without repoFiles', () => {
      assert.deepEqual(load(files).problems, []);
    });

    it('gives the same warnings with a memo of the patterns seen, testing only new ones, and starts again for a new listing', () => {
      const repoFiles = ['src/checkout/cart.ts', 'lib/deep/card.pay.ts', 'README.md'];
      const memo = new GlobMatchMemo();
      const without = problemsAt(load(files, { repoFiles }).problems);
      assert.deepEqual(problemsAt(load(files, { repoFiles, globMemo: memo }).problems), without);
      assert.deepEqual([...memo.answersFor(repoFiles)].sort(), [['!src/checkout/gen/', false], ['*.pay.ts', true], ['/src/old/', false], ['docs/*.md', false], ['src/checkout/', true]]);
      // Remembered answers are used as they are: a wrong one shows that the files were not tested again.
      memo.answersFor(repoFiles).set('/src/old/', true);
      assert.equal(problemsAt(load(files, { repoFiles, globMemo: memo }).problems).length, without.length - 1);
      // A pattern added since is tested; a new listing (another array) forgets everything.
      const edited = { ...files, '.alignment/r.yaml': files['.alignment/r.yaml'].replace('docs/*.md', 'README.md') };
      assert.equal(problemsAt(load(edited, { repoFiles, globMemo: memo }).problems).length, without.length - 2);
      assert.equal(memo.answersFor(repoFiles).get('README.md'), true);
      assert.deepEqual(problemsAt(load(files, { repoFiles: [...repoFiles], globMemo: memo }).problems), without);
    });

    it('learns a listing\'s answers in slices, pausing between them, and a rebuild then reads them', async () => {
      const repoFiles = ['README.md', 'lib/deep/card.pay.ts', 'x/1.ts', 'x/2.ts', 'src/checkout/cart.ts'];
      const model = load(files);
      const memo = new GlobMatchMemo();
      let pauses = 0;
      await memo.learn(model, repoFiles, async () => {
        pauses++;
      }, 2);
      assert.equal(pauses, 2, 'five files in slices of two: two pauses');
      assert.deepEqual([...memo.answersFor(repoFiles)].sort(), [['!src/checkout/gen/', false], ['*.pay.ts', true], ['/src/old/', false], ['docs/*.md', false], ['src/checkout/', true]]);
      assert.deepEqual(problemsAt(load(files, { repoFiles, globMemo: memo }).problems), problemsAt(load(files, { repoFiles }).problems));
    });

    it('learns the patterns a share at a time, a pass over the files for each, with the same answers', async () => {
      const repoFiles = ['README.md', 'lib/deep/card.pay.ts', 'x/1.ts', 'x/2.ts', 'src/checkout/cart.ts'];
      const model = load(files);
      const inOnePass = new GlobMatchMemo();
      await inOnePass.learn(model, repoFiles, async () => undefined);
      const inPasses = new GlobMatchMemo();
      let pauses = 0;
      await inPasses.learn(model, repoFiles, async () => {
        pauses++;
      }, 2, 2);
      assert.deepEqual([...inPasses.answersFor(repoFiles)].sort(), [...inOnePass.answersFor(repoFiles)].sort());
      assert.ok(pauses > 2, `five patterns two at a time: a pause before each pass too (${pauses})`);
    });

    it('counts the patterns a build would still test itself: none once learnt, new ones after, all for another listing', async () => {
      const repoFiles = ['README.md', 'src/checkout/cart.ts'];
      const model = load(files);
      const memo = new GlobMatchMemo();
      assert.equal(memo.unknownPatterns(model.items, repoFiles), 5, 'nothing learnt yet');
      await memo.learn(model, repoFiles, async () => undefined);
      assert.equal(memo.unknownPatterns(model.items, repoFiles), 0);
      const edited = load({ ...files, '.alignment/r.yaml': files['.alignment/r.yaml'].replace('docs/*.md', 'docs/new/**') });
      assert.equal(memo.unknownPatterns(edited.items, repoFiles), 1, 'the pattern written since');
      assert.equal(memo.unknownPatterns(model.items, [...repoFiles]), 5, 'another listing knows nothing');
      // A pattern that cannot be compiled is never learnt, and a build does not test it: it waits for nothing.
      const broken = load({ ...files, '.alignment/r.yaml': files['.alignment/r.yaml'].replace('docs/*.md', 'docs/[') });
      assert.equal(memo.unknownPatterns(broken.items, repoFiles), 0);
    });
  });

  describe('dependency-cycle', () => {
    it('reports a -> b -> a once, at the reference that closes it', () => {
      const model = load({
        '.alignment/f.yaml': yaml(
          '- kind: feature', '  id: a', '  title: A', '  dependsOn: [b]',
          '- kind: feature', '  id: b', '  title: B', '  dependsOn: [c, a]',
          '- kind: feature', '  id: c', '  title: C',
        ),
      });
      const cycles = withCode(model.problems, 'dependency-cycle');
      assert.deepEqual(problemsAt(cycles), [expected('dependency-cycle', 8, 18, 8, 19)]);
      assert.equal(cycles[0]?.message, 'feature "a" depends on itself: a -> b -> a');
      assert.equal(cycles[0]?.severity, 'warning');
      assert.equal(model.problems.length, 1);
    });

    it('reports a self-dependency', () => {
      const model = load({ '.alignment/f.yaml': feature('solo', 'dependsOn: [solo]') });
      assert.deepEqual(problemsAt(model.problems), [expected('dependency-cycle', 4, 13, 4, 17)]);
      assert.equal(model.problems[0]?.message, 'feature "solo" depends on itself: solo -> solo');
    });

    it('reports a longer cycle once, whichever feature comes first', () => {
      for (const order of [['a', 'b', 'c'], ['c', 'b', 'a'], ['b', 'c', 'a']]) {
        const next: Record<string, string> = { a: 'b', b: 'c', c: 'a' };
        const text = order.map((id) => feature(id, `dependsOn: [${next[id]}]`)).join('---\n');
        const model = load({ '.alignment/f.yaml': text });
        assert.equal(withCode(model.problems, 'dependency-cycle').length, 1, order.join(','));
      }
    });

    it('does not report a diamond', () => {
      const model = load({
        '.alignment/f.yaml': [feature('top', 'dependsOn: [left, right]'), feature('left', 'dependsOn: [bottom]'), feature('right', 'dependsOn: [bottom]'), feature('bottom')].join('---\n'),
      });
      assert.deepEqual(model.problems, []);
    });
  });

  describe('no-go-but-on-track', () => {
    const milestone = yaml(
      'kind: milestone',
      'id: M-1',
      'title: Beta',
      'feature: checkout',
      'gates:',
      '  - role: security',
      '    who: Ann',
      '    call: no-go', //    8: col 11-16
      '    reason: No audit yet.',
      '  - role: support',
      '    call: go',
      '  - role: legal',
      '    call: no-go', //    13
    );

    for (const status of ['on-track', 'done'] as const) {
      it(`warns at each no-go call while the feature is reported ${status}`, () => {
        const model = load({ '.alignment/m.yaml': milestone, '.alignment/f.yaml': feature('checkout', 'reported:', `  status: ${status}`) });
        const found = withCode(model.problems, 'no-go-but-on-track');
        assert.deepEqual(problemsAt(found), [expected('no-go-but-on-track', 8, 11, 8, 16), expected('no-go-but-on-track', 13, 11, 13, 16)]);
        assert.equal(found[0]?.file, '.alignment/m.yaml');
        assert.equal(found[0]?.message, `security (Ann) calls no-go on milestone "M-1", but feature "checkout" is reported ${status}: No audit yet.`);
        assert.equal(found[1]?.message, `legal calls no-go on milestone "M-1", but feature "checkout" is reported ${status}`);
      });
    }

    for (const reported of [['reported:', '  status: at-risk'], ['reported:', '  status: off-track'], []]) {
      it(`is quiet when the feature is ${reported.length ? reported[1]?.trim() : 'not reported'}`, () => {
        const model = load({ '.alignment/m.yaml': milestone, '.alignment/f.yaml': feature('checkout', ...reported) });
        assert.deepEqual(model.problems, []);
      });
    }
  });

  it('knows every problem code and its severity (each but anchor-drifted is produced by a test above, suspect by suspects.test.ts)', () => {
    // anchor-drifted is declared for the extension's anchor tracking; core does not emit it yet.
    const covered: ProblemCode[] = ['yaml-syntax', 'too-many-aliases', 'too-deep', 'too-many-nodes', 'file-too-large', 'binary-file', 'unreadable-file', 'empty-file', 'schema', 'unknown-key', 'forbidden-key', 'duplicate-id', 'unknown-reference', 'glob-matches-nothing', 'dependency-cycle', 'no-go-but-on-track', 'unknown-tag-id', 'path-outside-repository', 'symbolic-link', 'comment-cuts-text', 'suspect'];
    assert.deepEqual([...covered, 'anchor-drifted'].sort(), Object.keys(PROBLEM_CODES).sort(), 'a new code needs a test');
    const severities = Object.fromEntries(covered.map((code) => [code, PROBLEM_CODES[code]]));
    assert.deepEqual(severities, {
      'yaml-syntax': 'error', 'too-many-aliases': 'error', 'too-deep': 'error', 'too-many-nodes': 'error', 'file-too-large': 'error', 'binary-file': 'error', 'unreadable-file': 'error', 'empty-file': 'warning',
      'schema': 'error', 'unknown-key': 'error', 'forbidden-key': 'error', 'duplicate-id': 'error', 'unknown-reference': 'error',
      'glob-matches-nothing': 'warning', 'dependency-cycle': 'warning', 'no-go-but-on-track': 'warning', 'unknown-tag-id': 'error',
      'path-outside-repository': 'error', 'symbolic-link': 'error', 'comment-cuts-text': 'warning', 'suspect': 'warning',
    });
  });

  it('keeps every valid item when other files are broken', () => {
    const model = load({
      '.alignment/a.yaml': feature('checkout'),
      '.alignment/b.yaml': 'kind: [\n',
      '.alignment/c.yaml': '\u0000\u0001',
      '.alignment/d.yaml': '',
      '.alignment/e.yaml': yaml('kind: risk', 'id: R-1', 'risk: It broke.', 'likelihood: low', 'impact: low', 'feature: checkout', 'severity: high'),
    });
    assert.deepEqual(ids(model.items), ['checkout', 'R-1']);
    assert.deepEqual(model.problems.map((p) => `${p.file}:${p.code}`), ['.alignment/b.yaml:yaml-syntax', '.alignment/c.yaml:binary-file', '.alignment/d.yaml:empty-file', '.alignment/e.yaml:unknown-key']);
    assert.equal(single(model.problems, 'unknown-key').line, 7);
  });
});
