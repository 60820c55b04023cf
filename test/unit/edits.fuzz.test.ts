// A short, fixed-seed run of the edit property (test/fuzz/editProperties.ts): every edit in place either
// refuses with a message, or changes only the edited values. A long run reuses the same property.
import * as assert from 'node:assert/strict';
import { caseEdit, caseText, checkEdit, editSeeds, fuzzEdits, type EditCase } from '../fuzz/editProperties';

describe('edits in place, fuzzed (fixed seed)', function () {
  this.timeout(60_000);

  it('edit every seed file as it is: written or refused, never anything else', () => {
    let written = 0;
    editSeeds().forEach((_, seed) => {
      const done = new Set<string>();
      for (const kind of ['acknowledge', 'resolve', 'reopen', 'reanchor', 'status', 'gate', 'set'] as const) {
        const editCase: EditCase = { seed, mutations: [], endings: 'lf', crlf: [false], bom: false, finalNewline: true, target: 0, kind, pick: 3, note: 'A note.', value: 'A value.' };
        const text = caseText(editCase);
        const edit = caseEdit(editCase, text);
        // Kinds that do not fit the item become the same editItem: run each edit once.
        if (!edit || done.has(edit.label)) continue;
        done.add(edit.label);
        if (checkEdit(text, edit).ok) written++;
      }
    });
    assert.ok(written > editSeeds().length, `only ${written} edits went through`);
  });

  it('keeps the promise on generated and mutated YAML', () => {
    const summary = fuzzEdits({ numRuns: 200, seed: 15 });
    const total = summary.written + summary.refused;
    // The property holds either way; a run where nearly everything is refused would prove little.
    assert.ok(summary.written > total / 2, `only ${summary.written} of ${total} edits went through; refusals: ${JSON.stringify([...summary.refusals])}`);
  });
});
