// Add This File to a Feature: the file's path is appended to the feature's `paths` in place, whatever form
// the list has, and every other byte (comments, other items) is kept.
import * as assert from 'node:assert/strict';
import { addFeaturePath, compileGlob, literalGlob, parseAlignmentFile, type EditResult } from '../../src/core';
import { yaml } from './helpers';

function text(result: EditResult): string {
  if (!result.ok) assert.fail(`edit refused: ${result.message}`);
  return result.text;
}

function pathsOf(file: string, id: string): unknown {
  const parsed = parseAlignmentFile('.alignment/features/x.yaml', file);
  assert.deepEqual(parsed.problems.map((problem) => problem.message), []);
  return (parsed.items.find((entry) => entry.id === id)?.item as { paths?: unknown } | undefined)?.paths;
}

describe('addFeaturePath', () => {
  it('adds a paths list after the title when the feature has none', () => {
    const before = yaml('# Gift cards', 'kind: feature', 'id: gift', 'title: Gift cards # working title', 'owners:', '  - Ada');
    const after = text(addFeaturePath(before, 'gift', 'src/gift/card.ts'));
    assert.equal(after, yaml('# Gift cards', 'kind: feature', 'id: gift', 'title: Gift cards # working title', 'paths:', '  - src/gift/card.ts', 'owners:', '  - Ada'));
  });

  it('fills paths: [] and an empty paths:', () => {
    assert.deepEqual(pathsOf(text(addFeaturePath(yaml('kind: feature', 'id: gift', 'title: Gift', 'paths: [] # none yet'), 'gift', 'src/a.ts')), 'gift'), ['src/a.ts']);
    assert.equal(text(addFeaturePath(yaml('kind: feature', 'id: gift', 'title: Gift', 'paths: [] # none yet'), 'gift', 'src/a.ts')), yaml('kind: feature', 'id: gift', 'title: Gift', 'paths: [src/a.ts] # none yet'));
    const empty = text(addFeaturePath(yaml('kind: feature', 'id: gift', 'title: Gift', 'paths: # soon', 'owners: [Ada]'), 'gift', 'src/a.ts'));
    assert.deepEqual(pathsOf(empty, 'gift'), ['src/a.ts']);
    assert.ok(empty.includes('# soon'), empty);
  });

  it('appends to a flow list on its line, comments kept', () => {
    const before = yaml('kind: feature', 'id: gift', 'title: Gift', 'paths: [src/gift/, "*.sql"] # the code', 'dependsOn: [payments]');
    assert.equal(text(addFeaturePath(before, 'gift', 'jobs/gift.py')), yaml('kind: feature', 'id: gift', 'title: Gift', 'paths: [src/gift/, "*.sql", jobs/gift.py] # the code', 'dependsOn: [payments]'));
    const multiline = yaml('kind: feature', 'id: gift', 'title: Gift', 'paths: [', '  src/gift/, # the module', ']');
    assert.deepEqual(pathsOf(text(addFeaturePath(multiline, 'gift', 'src/b.ts')), 'gift'), ['src/gift/', 'src/b.ts']);
  });

  it('appends a line to a block list, at its indentation, comments kept', () => {
    const before = yaml(
      'kind: feature',
      'id: gift',
      'title: Gift',
      '# The code it covers:',
      'paths:',
      '    - src/gift/ # the module',
      '    # not the legacy one:',
      '    - "!src/gift/legacy/"',
      '',
      'owners: [Ada]',
    );
    const after = text(addFeaturePath(before, 'gift', 'app/gift/page.tsx'));
    assert.equal(after, before.replace('    - "!src/gift/legacy/"\n', '    - "!src/gift/legacy/"\n    - app/gift/page.tsx\n'));
    assert.deepEqual(pathsOf(after, 'gift'), ['src/gift/', '!src/gift/legacy/', 'app/gift/page.tsx']);
  });

  it('edits the one feature of a list file, and keeps CRLF line ends', () => {
    const before = yaml('- kind: feature', '  id: one', '  title: One', '  paths:', '  - src/one/', '- kind: feature', '  id: two', '  title: Two', '  paths:', '  - src/two/').replace(/\n/g, '\r\n');
    const after = text(addFeaturePath(before, 'one', 'src/x.ts'));
    assert.equal(after, before.replace('  - src/one/\r\n', '  - src/one/\r\n  - src/x.ts\r\n'));
  });

  it('refuses a path already listed, an item that is not a feature, and paths that is not a list', () => {
    assert.match((addFeaturePath(yaml('kind: feature', 'id: gift', 'title: Gift', 'paths: [src/a.ts]'), 'gift', 'src/a.ts') as { message: string }).message, /already lists src\/a\.ts/);
    assert.match((addFeaturePath(yaml('kind: risk', 'id: R-1', 'risk: x', 'likelihood: low', 'impact: low'), 'R-1', 'src/a.ts') as { message: string }).message, /not a feature/);
    assert.equal(addFeaturePath(yaml('kind: feature', 'id: gift', 'title: Gift', 'paths: src/a.ts'), 'gift', 'src/b.ts').ok, false);
    assert.equal(addFeaturePath(yaml('kind: feature', 'id: gift', 'title: Gift'), 'other', 'src/b.ts').ok, false);
  });

  it('writes a pattern that names exactly the file, quoted where YAML would read it otherwise', () => {
    for (const path of ['src/# odd.ts', 'src/a: b.ts', '-lead.ts', 'app/[slug]/page.tsx', 'it\'s.ts', '@scope/x.ts', '!bang/x.ts', 'src/a*b?.ts', 'src/{x}/(y).ts', 'Makefile']) {
      for (const before of [yaml('kind: feature', 'id: g', 'title: G', 'paths:', '  - src/'), yaml('kind: feature', 'id: g', 'title: G', 'paths: [src/]'), yaml('kind: feature', 'id: g', 'title: G')]) {
        const paths = pathsOf(text(addFeaturePath(before, 'g', path)), 'g') as string[];
        const pattern = paths[paths.length - 1] as string;
        assert.equal(pattern, literalGlob(path));
        const glob = compileGlob(pattern);
        assert.equal(glob.error, undefined, pattern);
        assert.ok(glob.test(path) && !glob.negated, `${pattern} covers ${path}`);
        assert.ok(!glob.test(`other/${path}`) && !glob.test(path.replace(/[a-z]/, 'Q')), `${pattern} covers only ${path}`);
      }
    }
    assert.equal(literalGlob('app/[slug]/page.tsx'), 'app/[[]slug[]]/page.tsx');
    assert.equal(literalGlob('Makefile'), '/Makefile', 'a file at the root, not every Makefile');
    assert.equal(literalGlob('src/payments/'), 'src/payments/');
    assert.equal(literalGlob('!x/y.ts'), '[!]x/y.ts');
  });
});
