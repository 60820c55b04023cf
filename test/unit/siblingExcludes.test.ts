// `files.exclude` / `search.exclude` entries with a `when` clause: a file is hidden while its sibling is listed.
import * as assert from 'node:assert/strict';
import { hiddenBySiblings, maySiblingOf, siblingExcludesOf } from '../../src/core';

describe('exclude settings with a when clause', () => {
  const excludes = siblingExcludesOf({
    '**/*.js': { when: '$(basename).ts' },
    '**/*.map': { when: '$(basename)' },
    '**/dist': true,
    '**/*.tmp': false,
    '**/*.a': { when: '' },
    '**/*.b': null,
    '**/{{{{{{{{{{x}}}}}}}}}}/*.c': { when: '$(basename).d' },
  });

  it('reads only the entries that are when clauses, and leaves out a pattern too costly to match', () => {
    assert.deepEqual(excludes, [{ pattern: '**/*.js', when: '$(basename).ts' }, { pattern: '**/*.map', when: '$(basename)' }]);
  });

  it('hides a file whose sibling is listed, in the same folder only', () => {
    const paths = ['src/a.ts', 'src/a.js', 'src/b.js', 'lib/a.js', 'a.js', 'a.ts', 'out/app.js.map', 'out/app.js', 'out/other.map', '.eslintrc.js'];
    assert.deepEqual([...hiddenBySiblings(paths, excludes)].sort(), ['a.js', 'out/app.js.map', 'src/a.js']);
    assert.deepEqual([...hiddenBySiblings(paths, [])], []);
  });

  it('tells which files coming or going may hide or uncover another', () => {
    assert.equal(maySiblingOf('src/a.ts', excludes), true, 'a.ts hides a.js');
    assert.equal(maySiblingOf('out/app.js', excludes), true, 'app.js hides app.js.map');
    assert.equal(maySiblingOf('src/.ts', excludes.slice(0, 1)), false, '$(basename) is never empty');
    assert.equal(maySiblingOf('src/notes.txt', excludes), true, 'any file may be the sibling `$(basename)` names');
    assert.equal(maySiblingOf('README', [{ pattern: '**/*.md', when: 'README.$(basename)' }]), false);
  });
});
