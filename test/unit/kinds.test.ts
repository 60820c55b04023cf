// Each kind's descriptor (src/core/kinds): the text a picker shows, the one-line summary and the card.
import * as assert from 'node:assert/strict';
import { itemCard, itemText, KIND_DESCRIPTORS, KINDS, type LoadedItem, oneLineSummary, orMissing, quoted } from '../../src/core';
import { load, yaml } from './helpers';

const model = load({
  '.alignment/items.yaml': yaml(
    '- kind: feature', '  id: pay', '  title: Card payments', '  reported: { status: on-track, progress: 85, source: Weekly }',
    '  direction: { goal: Pay by card, for: [CR-1] }', '  owners: [Ana]',
    '- kind: request', '  id: CR-1', '  customer: Café Mireille', '  quote: "Please\n    make it work."', '  priority: high',
    '- kind: assumption', '  id: A-1', '  statement: Customers have cards.', '  milestone: M1', '  test: Ask them',
    '- kind: risk', '  id: R-1', '  risk: The bank is down.', '  likelihood: high', '  impact: high', '  owner: Bo',
    '- kind: milestone', '  id: M1', '  title: Beta', '  due: 2026-12-01',
    '  gates: [{ role: Security, who: Ingrid, call: no-go, reason: Signatures }, { role: Product, call: go }]',
    '- kind: decision', '  id: D-1', '  title: Nightly jobs', '  decidedAt: 2026-09-30',
    '- kind: flag', '  id: F-1', '  feature: pay', '  about: R-1', '  reported: on track', '  reality: It fails in prod.',
    '  severity: high', '  raisedBy: Dev', '  raisedAt: 2026-11-01', '  anchor: { path: src/a.ts, startLine: 1, endLine: 2, text: x }',
  ),
});
const get = (id: string): LoadedItem => model.byId.get(id) as LoadedItem;
const drifted = { isDrifted: () => true };

describe('kind descriptors', () => {
  it('describes every kind', () => {
    assert.deepEqual(Object.keys(KIND_DESCRIPTORS).sort(), [...KINDS].sort());
    assert.deepEqual(model.problems, []);
  });

  it('gives the words that say what an item is, whole', () => {
    assert.deepEqual(['pay', 'CR-1', 'A-1', 'R-1', 'M1', 'D-1', 'F-1'].map((id) => itemText(get(id))), [
      'Card payments', 'Café Mireille: “Please make it work.”', 'Customers have cards.', 'The bank is down.', 'Beta', 'Nightly jobs', 'It fails in prod.',
    ]);
  });

  it('summarizes each kind in one line, a drifted flag marked', () => {
    assert.deepEqual(['pay', 'CR-1', 'A-1', 'R-1', 'M1', 'D-1'].map((id) => oneLineSummary(get(id))), [
      'Feature pay · Card payments · reported on-track 85%',
      'Request CR-1 · Café Mireille · “Please make it work.” · high',
      'Assumption A-1 · untested · tested at M1 · Customers have cards.',
      'Risk R-1 · likelihood high / impact high · open · high risk',
      'Milestone M1 · due 2026-12-01 · gates 1 no-go, 1 go · Beta',
      'Decision D-1 · Nightly jobs · decided 2026-09-30 · unattributed',
    ]);
    assert.equal(oneLineSummary(get('F-1')), 'Flag F-1 · high · open · about R-1');
    assert.equal(oneLineSummary(get('F-1'), drifted), 'Flag F-1 · high · open · drifted · about R-1');
  });

  it('gives each kind a card: a heading, the main words as the quote, and the fields that have a value', () => {
    const fields = (id: string, options = {}): string[] => itemCard(get(id), options).fields.map((field) => `${field.label}: ${field.value}`);
    assert.deepEqual(itemCard(get('R-1')).heading, 'Risk R-1');
    assert.equal(itemCard(get('R-1')).quote, 'The bank is down.');
    assert.deepEqual(fields('R-1'), ['Likelihood / impact: high / high (high risk)', 'Status: open', 'Owner: Bo']);
    assert.deepEqual(fields('pay'), ['Reported: on-track, 85% (Weekly)', 'Goal: Pay by card', 'For: CR-1', 'Owners: Ana']);
    assert.deepEqual(fields('A-1'), ['Status: untested', 'Test: Ask them', 'Milestone: M1']);
    assert.deepEqual(fields('M1'), ['Due: 2026-12-01', 'Gate: Security (Ingrid): no-go — Signatures', 'Gate: Product: go']);
    assert.deepEqual(fields('D-1'), ['Decided: 2026-09-30', 'Sources: none (unattributed)']);
    assert.deepEqual(fields('F-1', drifted), ['Severity: high', 'Status: open (the anchored lines have changed)', 'Reported: on track', 'Raised by: Dev, 2026-11-01', 'About: R-1', 'Feature: pay']);
  });

  it('says a missing field is missing, and quotes a request cut as asked', () => {
    assert.equal(orMissing(undefined, 'title'), '(no title)');
    assert.equal(quoted(undefined, (text) => text), '(no quote)');
    assert.equal(quoted('one  two', (text) => text.replace(/\s+/g, ' ')), '“one two”');
  });
});
