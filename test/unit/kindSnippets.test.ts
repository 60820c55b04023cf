import * as assert from 'node:assert/strict';
import { kindSnippets, nextItemId, type Kind } from '../../src/core';
import { load, yaml } from './helpers';

/** A snippet as the editor inserts it when every tab stop keeps its default and every choice its first value. */
function expand(lines: readonly string[]): string {
  return `${lines.join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, value: string) => value.replace(/\\(.)/g, '$1'))}\n`;
}

describe('kind snippets', () => {
  const model = load({
    '.alignment/items.yaml': yaml(
      '- kind: feature', '  id: payments', '  title: Payments',
      '- kind: request', '  id: CR-107', '  customer: Acme', '  quote: Please.',
      '- kind: request', '  id: CR-108', '  customer: Acme', '  quote: Please.',
    ),
  });
  const snippets = kindSnippets({ nextId: (kind) => (kind === 'request' ? nextItemId(model, kind) : `${kind}-1`), today: '2026-11-30', feature: 'payments' });

  it('offers one snippet per kind', () => {
    assert.deepEqual(snippets.map((snippet) => snippet.kind).sort(), ['assumption', 'decision', 'feature', 'flag', 'milestone', 'request', 'risk']);
  });

  for (const kind of ['feature', 'request', 'assumption', 'risk', 'milestone', 'decision', 'flag'] as Kind[]) {
    it(`gives ${kind === 'assumption' ? 'an' : 'a'} ${kind} that loads without a problem (not even a warning) as inserted`, () => {
      const snippet = snippets.find((candidate) => candidate.kind === kind);
      assert.ok(snippet);
      const text = expand(snippet.lines);
      const loaded = load({ '.alignment/payments.yaml': yaml('kind: feature', 'id: payments', 'title: Payments'), '.alignment/requests/cr.yaml': yaml('kind: request', 'id: CR-1', 'customer: Acme', 'quote: Please.'), '.alignment/new.yaml': text });
      assert.deepEqual(loaded.problems.filter((problem) => problem.file === '.alignment/new.yaml').map((problem) => `${problem.code}: ${problem.message}`), [], text);
      assert.equal(loaded.items.find((entry) => entry.file === '.alignment/new.yaml')?.kind, kind);
    });
  }

  it('continues the folder\'s numbering for the id, and names the file\'s feature', () => {
    const request = snippets.find((snippet) => snippet.kind === 'request');
    assert.match(expand(request?.lines ?? []), /^id: CR-109$/m);
    assert.match(expand(request?.lines ?? []), /^features: \[payments\]$/m);
  });

  it('escapes a default that holds snippet syntax', () => {
    const [feature] = kindSnippets({ nextId: () => 'X-1', today: '2026-11-30', feature: 'a$b}c' }).filter((snippet) => snippet.kind === 'risk');
    assert.ok(feature?.lines.includes('feature: ${3:a\\$b\\}c}'), JSON.stringify(feature?.lines));
  });
});

describe('nextItemId', () => {

  it('continues the highest number of the prefix most items use', () => {
    const model = load({
      '.alignment/a.yaml': yaml('- kind: milestone', '  id: M1', '  title: One', '- kind: milestone', '  id: M7', '  title: Seven', '- kind: milestone', '  id: launch', '  title: Launch'),
    });
    assert.equal(nextItemId(model, 'milestone'), 'M8');
  });

  it('uses the usual prefix when the kind has no numbered item, and skips an id another kind holds', () => {
    assert.equal(nextItemId(load({}), 'request'), 'CR-1');
    assert.equal(nextItemId(load({}), 'milestone'), 'M1');
    const model = load({ '.alignment/a.yaml': yaml('- kind: feature', '  id: R-1', '  title: Oddly named') });
    assert.equal(nextItemId(model, 'risk'), 'R-2');
  });

  it('gives a larger id after one with thirty digits, without rounding', () => {
    const model = load({ '.alignment/a.yaml': yaml('- kind: decision', '  id: D-999999999999999999999999999999', '  title: Big') });
    assert.equal(nextItemId(model, 'decision'), 'D-1000000000000000000000000000000');
  });

});
