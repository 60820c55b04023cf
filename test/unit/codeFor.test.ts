import * as assert from 'node:assert/strict';
import { codeFor, RepoPathTies, scanTags, type TagHit } from '../../src/core';
import { load, yaml } from './helpers';

/** The tags of each file, as the editor's index or the CLI's scan hands them over. */
function hitsOf(files: Record<string, string>): TagHit[] {
  return Object.entries(files).flatMap(([path, text]) => scanTags(text).map((tag) => ({ path, tag })));
}

/** A place in one line: `path: 3 serves, 7 anchor (paths)`. */
function summary(places: ReturnType<typeof codeFor>): string[] {
  return places.map((place) => `${place.path}: ${place.lines.map((line) => `${line.line}:${line.column} ${line.keyword}`).join(', ')}${place.byPaths ? ' (paths)' : ''}`);
}

describe('codeFor: where an item is in the code', () => {
  const model = load({
    '.alignment/features.yaml': yaml(
      '- kind: feature',
      '  id: checkout',
      '  title: Checkout',
      '  paths: [src/checkout/, "!src/checkout/**/*.test.ts"]',
    ),
    '.alignment/requests.yaml': yaml(
      '- kind: request',
      '  id: CR-1',
      '  customer: Acme',
      '  quote: Please.',
      '  features: [checkout]',
      '  paths: [tools/po.ts]',
      '- kind: request',
      '  id: CR-2',
      '  customer: Globex',
      '  quote: Please too.',
    ),
    '.alignment/risks.yaml': yaml(
      '- kind: risk',
      '  id: R-1',
      '  risk: Demo only.',
      '  likelihood: high',
      '  impact: high',
    ),
    '.alignment/flags.yaml': yaml(
      '- kind: flag',
      '  id: F-1',
      '  feature: checkout',
      '  reality: Demo only.',
      '  anchor: { path: src/pay.ts, startLine: 7, endLine: 9 }',
      '- kind: flag',
      '  id: F-2',
      '  feature: checkout',
      '  reality: Outside.',
      '  anchor: { path: ../../etc/passwd, startLine: 1, endLine: 1 }',
    ),
  });
  const sources = {
    'src/pay.ts': '// @serves CR-1\nconst a = 1;\n/* @serves CR-2, CR-1 */\n// @risk CR-1\n',
    'lib/z.py': '# @serves CR-1\n',
    'lib/a.py': 'x = "@serves CR-1"  # not in a comment\n# @risk R-1\n',
    'src/checkout/cart.ts': 'export {};\n',
  };
  const repo = ['src/pay.ts', 'lib/z.py', 'lib/a.py', 'src/checkout/cart.ts', 'src/checkout/cart.test.ts', 'tools/po.ts', 'README.md', '.alignment/requests.yaml'];

  it('lists the files whose tags name a request with @serves, and the files its and its features\' paths cover, by path', () => {
    assert.deepEqual(summary(codeFor(model, 'CR-1', hitsOf(sources), repo)), [
      'lib/z.py: 1:11 serves',
      'src/checkout/cart.ts:  (paths)',
      'src/pay.ts: 1:12 serves, 3:18 serves',
      'tools/po.ts:  (paths)',
    ]);
  });

  it('counts a tag only with the keyword of the item\'s kind', () => {
    assert.deepEqual(summary(codeFor(model, 'R-1', hitsOf(sources), repo)), ['lib/a.py: 2:9 risk']);
    assert.deepEqual(summary(codeFor(model, 'CR-2', hitsOf(sources), repo)), ['src/pay.ts: 3:12 serves']);
  });

  it('gives a flag its anchored file at the anchored line, and never a path outside the repository', () => {
    const flag = '// @flag F-1\n';
    assert.deepEqual(summary(codeFor(model, 'F-1', hitsOf({ 'src/checkout/cart.ts': flag }), repo)), ['src/checkout/cart.ts: 1:10 flag', 'src/pay.ts: 7:1 anchor']);
    assert.deepEqual(codeFor(model, 'F-2', [], repo), []);
  });

  it('answers nothing for an unknown id or a feature, and sorts and de-duplicates hits given twice', () => {
    assert.deepEqual(codeFor(model, 'CR-404', hitsOf(sources), repo), []);
    assert.deepEqual(codeFor(model, 'checkout', hitsOf(sources), repo), []);
    const twice = [...hitsOf({ 'b.ts': '// @serves CR-2\n\n// @serves CR-2\n' }), ...hitsOf({ 'b.ts': '// @serves CR-2\n' }), ...hitsOf({ 'a.ts': '// @serves CR-2\n' })];
    assert.deepEqual(summary(codeFor(model, 'CR-2', twice.reverse(), [])), ['a.ts: 1:12 serves', 'b.ts: 1:12 serves, 3:12 serves']);
  });

  it('gives the same answer from ties built once per model, and from ties of an older model', () => {
    const ties = new RepoPathTies(model, repo);
    for (const id of ['CR-1', 'CR-2', 'R-1', 'F-1']) assert.deepEqual(codeFor(model, id, hitsOf(sources), ties), codeFor(model, id, hitsOf(sources), repo), id);
    const older = new RepoPathTies(load({}), repo);
    assert.deepEqual(codeFor(model, 'CR-1', hitsOf(sources), older), codeFor(model, 'CR-1', hitsOf(sources), repo));
  });

  // How fast: `npm run bench -- codefor` (timings are the bench's, never this suite's).
  it('lists every one of 30,000 repository paths a request covers, and answers the same from ties built once', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => `src/checkout/m${i % 100}/f${i}.ts`);
    const places = codeFor(model, 'CR-1', [], many);
    assert.equal(places.length, 30_000);
    const ties = new RepoPathTies(model, many);
    assert.deepEqual(codeFor(model, 'CR-1', [], ties), places);
    assert.equal(codeFor(model, 'R-1', [], ties).length, 0);
  });
});
