// "did you mean …?" for an unknown id: the closest id of a kind the field accepts, and bounded work when
// thousands of ids dangle.
import * as assert from 'node:assert/strict';
import { loadAlignment, type LoadedItem } from '../../src/core';
import { ALL_CANDIDATES_UP_TO, IdSuggestions } from '../../src/core/checks/idSuggestions';

function itemsOf(...entries: [LoadedItem['kind'], string][]): ReadonlyMap<string, LoadedItem> {
  return new Map(entries.map(([kind, id]) => [id, { kind, id } as LoadedItem]));
}

describe('id suggestions', () => {
  it('suggests the closest id of a kind the field accepts, never one of another kind', () => {
    const suggestions = new IdSuggestions(itemsOf(['feature', 'checkout'], ['risk', 'checkot-risk'], ['request', 'CR-1'], ['risk', 'CR-2']));
    assert.equal(suggestions.closest('checkot', ['feature']), 'checkout');
    assert.equal(suggestions.closest('CR-9', ['request']), 'CR-1');
    assert.equal(suggestions.closest('CR-9', ['feature']), undefined, 'no feature is close');
    assert.equal(suggestions.closest('CR-9', ['feature', 'request', 'risk']), 'CR-1', 'the first of equally close ones, in the model\'s order');
  });

  it('past a few hundred ids of a kind, still finds the id a typo away at its start or at its end', () => {
    const ids: [LoadedItem['kind'], string][] = Array.from({ length: 5 * ALL_CANDIDATES_UP_TO }, (_, index) => ['feature', `fa-${index}`]);
    const suggestions = new IdSuggestions(itemsOf(...ids));
    assert.equal(suggestions.closest('fb-734', ['feature']), 'fa-734', 'a typo near the start');
    assert.equal(suggestions.closest('fa-123x', ['feature']), 'fa-123', 'a typo at the end');
    assert.equal(suggestions.closest('FA-77', ['feature']), 'fa-77', 'case aside');
  });

  it('reports each dangling reference of a folder where thousands dangle, with its suggestion', () => {
    const text = Array.from({ length: 3_000 }, (_, index) => `- {kind: feature, id: fa-${index}, title: F}\n- {kind: risk, id: R-${index}, risk: X, likelihood: low, impact: low, feature: fb-${index}}`).join('\n');
    const model = loadAlignment([{ path: '.alignment/dangling.yaml', text }]);
    assert.equal(model.problems.length, 3_000);
    assert.equal(model.problems[2_999]?.message, 'feature names "fb-2999", but no feature has that id; did you mean "fa-2999"?');
  });
});
