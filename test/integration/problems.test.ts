// The Problems panel's collection (ProblemsByFile) as VS Code holds it: a rebuild shows the whole folder's
// problems again, and only the files whose problems changed are sent to the workbench.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Problem } from '../../src/core';
import { ProblemsByFile } from '../../src/extension/workspace/diagnostics';
import { file, root } from './workspaceFiles';

const NAME = 'truthline-problems-test';
const QUIET_MS = 400;

function problemAt(path: string, line: number, message: string): Problem {
  return { file: path, line, column: 3, endLine: line, endColumn: 9, severity: 'warning', code: 'glob-matches-nothing', message };
}

/** What the collection holds for a file, as "line: message". */
function shownFor(path: string): string[] {
  return vscode.languages.getDiagnostics(file(path)).filter((diagnostic) => diagnostic.source === 'truthline' && diagnostic.message.startsWith('test:')).map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
}

/** The files of this test whose diagnostics VS Code said changed while `action` ran. */
async function changedBy(action: () => void): Promise<string[]> {
  const changed = new Set<string>();
  let lastEvent = Date.now();
  const listener = vscode.languages.onDidChangeDiagnostics((event) => {
    lastEvent = Date.now();
    for (const uri of event.uris) if (uri.path.includes('/.alignment/problems-test-')) changed.add(uri.path.slice(uri.path.lastIndexOf('/') + 1));
  });
  try {
    const start = Date.now();
    action();
    // VS Code sends the event debounced (50 ms), later still when the host is busy: wait until no event of
    // any collection has come for a while.
    while (Date.now() - Math.max(start, lastEvent) < QUIET_MS && Date.now() - start < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    listener.dispose();
  }
  return [...changed].sort();
}

describe('Problems panel: the collection follows each rebuild', () => {
  const a = '.alignment/problems-test-a.yaml';
  const b = '.alignment/problems-test-b.yaml';
  const c = '.alignment/problems-test-c.yaml';
  const d = '.alignment/problems-test-d.yaml';
  let problems: ProblemsByFile;

  beforeEach(() => {
    problems = new ProblemsByFile(NAME);
  });
  afterEach(() => {
    problems.dispose();
  });

  it('sends only the files whose problems changed, and clears files with none left', async () => {
    assert.deepStrictEqual(await changedBy(() => problems.show(root(), [problemAt(a, 2, 'test: one'), problemAt(b, 4, 'test: two'), problemAt(b, 7, 'test: three')])), ['problems-test-a.yaml', 'problems-test-b.yaml']);
    assert.deepStrictEqual(shownFor(a), ['2: test: one']);
    assert.deepStrictEqual(shownFor(b), ['4: test: two', '7: test: three']);

    // The same problems again (a rebuild for an edit elsewhere): nothing sent, nothing lost.
    assert.deepStrictEqual(await changedBy(() => problems.show(root(), [problemAt(a, 2, 'test: one'), problemAt(b, 4, 'test: two'), problemAt(b, 7, 'test: three')])), []);
    assert.deepStrictEqual(shownFor(b), ['4: test: two', '7: test: three']);

    // a's problem moved a line, b has none left, c has a new one.
    assert.deepStrictEqual(await changedBy(() => problems.show(root(), [problemAt(a, 3, 'test: one'), problemAt(c, 1, 'test: four')])), ['problems-test-a.yaml', 'problems-test-b.yaml', 'problems-test-c.yaml']);
    assert.deepStrictEqual([shownFor(a), shownFor(b), shownFor(c)], [['3: test: one'], [], ['1: test: four']]);
    assert.deepStrictEqual(problems.folders(), [root().toString()]);

    assert.deepStrictEqual(await changedBy(() => problems.forget(root())), ['problems-test-a.yaml', 'problems-test-c.yaml']);
    assert.deepStrictEqual([shownFor(a), shownFor(c)], [[], []]);
    assert.deepStrictEqual(problems.folders(), []);
  });

  it('sends a file again when only its message or severity changed', async () => {
    assert.deepStrictEqual(await changedBy(() => problems.show(root(), [problemAt(d, 2, 'test: one')])), ['problems-test-d.yaml']);
    assert.deepStrictEqual(await changedBy(() => problems.show(root(), [problemAt(d, 2, 'test: one, said otherwise')])), ['problems-test-d.yaml']);
    assert.deepStrictEqual(shownFor(d), ['2: test: one, said otherwise']);
    assert.deepStrictEqual(await changedBy(() => problems.show(root(), [{ ...problemAt(d, 2, 'test: one, said otherwise'), severity: 'error' }])), ['problems-test-d.yaml']);
    assert.strictEqual(vscode.languages.getDiagnostics(file(d)).find((diagnostic) => diagnostic.message.startsWith('test:'))?.severity, vscode.DiagnosticSeverity.Error);
  });
});
