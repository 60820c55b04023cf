import * as assert from 'node:assert/strict';
import { isInsideRepository } from '../../src/core';
import { checkAnchorPaths } from '../../src/core/checks/anchorPaths';
import { at, expected, load, yaml } from './helpers';

describe('isInsideRepository', () => {
  it('accepts repository-relative paths, with a leading / or ./ or Windows separators', () => {
    for (const path of ['src/pay.ts', '/src/pay.ts', './src/pay.ts', 'src\\pay.ts', 'a', 'src/./pay.ts', 'src/../lib/x.ts', '.alignment/flags/F-1.yaml', '..x/y', 'x../y', '.env'])
      assert.equal(isInsideRepository(path), true, path);
  });

  it('refuses paths that climb out of the repository, or name the repository itself', () => {
    for (const path of ['../../../../etc/passwd', '..', '../x', 'src/../../x', '/../x', '.\\..\\x', 'src\\..\\..\\x', '', '.', '/', 'src/..', './/'])
      assert.equal(isInsideRepository(path), false, JSON.stringify(path));
  });

  it('refuses drives, NUL, and names Windows reads as .. (dots and spaces only)', () => {
    for (const path of ['C:/Windows/win.ini', 'c:\\x', 'C:', 'src/\0/x', '.../x', 'src/.. /x', 'src/. /x', 'x/ /y'])
      assert.equal(isInsideRepository(path), false, JSON.stringify(path));
  });
});

describe('checkAnchorPaths', () => {
  it('reports a flag anchored outside the repository at its anchor.path', () => {
    const model = load({
      '.alignment/flags/F-1.yaml': yaml('kind: flag', 'id: F-1', 'reality: demo only', 'anchor:', '  path: ../../../../etc/passwd', '  startLine: 1', '  endLine: 2'),
      '.alignment/flags/F-2.yaml': yaml('kind: flag', 'id: F-2', 'reality: demo only', 'anchor: { path: src/pay.ts, startLine: 1, endLine: 2 }'),
      '.alignment/flags/F-3.yaml': yaml('kind: flag', 'id: F-3', 'reality: no anchor'),
    });
    const problems = [...checkAnchorPaths(model.byKind.flag).values()].flat();
    assert.deepEqual(problems.map((p) => ({ file: p.file, ...at(p), severity: p.severity })), [
      { file: '.alignment/flags/F-1.yaml', ...expected('path-outside-repository', 5, 9, 5, 31), severity: 'error' },
    ]);
    assert.equal(problems[0]?.message, 'anchor.path "../../../../etc/passwd" leads outside the repository; write the anchored file\'s path from the repository root, such as src/payments/service.ts');
  });
});
