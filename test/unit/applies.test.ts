import * as assert from 'node:assert/strict';
import { featureReality, itemsForFile, riskScore, scanTags, upstreamOf, type AlignmentModel, type ItemsForFile } from '../../src/core';
import { ids, load, yaml } from './helpers';

const feature = (id: string, ...more: string[]): string[] => ['- kind: feature', `  id: ${id}`, `  title: ${id}`, ...more];
const risk = (id: string, likelihood: string, impact: string, ...more: string[]): string[] =>
  ['- kind: risk', `  id: ${id}`, '  risk: It broke.', `  likelihood: ${likelihood}`, `  impact: ${impact}`, ...more];
const flag = (id: string, ...more: string[]): string[] => ['- kind: flag', `  id: ${id}`, '  reality: Demo only.', ...more];
const request = (id: string, ...more: string[]): string[] => ['- kind: request', `  id: ${id}`, `  customer: Customer ${id}`, '  quote: Please.', ...more];

/** Every list of the answer as ids (sorted where the order is not the point), and the ties. */
function summary(found: ItemsForFile): Record<string, unknown> {
  return {
    features: ids(found.features),
    requests: ids(found.requests).sort(),
    assumptions: ids(found.assumptions),
    risks: ids(found.risks).sort(),
    milestones: ids(found.milestones),
    decisions: ids(found.decisions),
    flags: ids(found.flags).sort(),
    upstream: ids(found.upstream).sort(),
  };
}

const EMPTY = { features: [], requests: [], assumptions: [], risks: [], milestones: [], decisions: [], flags: [], upstream: [] };

describe('itemsForFile', () => {
  let model: AlignmentModel;

  before(() => {
    model = load({
      '.alignment/features.yaml': yaml(
        ...feature('checkout',
          '  paths: [src/checkout/, "!src/checkout/vendor/"]',
          '  dependsOn: [payments]',
          '  direction:',
          '    for: [CR-2, Customer CR-4]', // a customer name is accepted, and ties none of their requests
          '  reported:',
          '    status: on-track'),
        ...feature('payments', '  paths: [src/payments/]', '  dependsOn: [ledger]'),
        ...feature('ledger'),
        ...feature('other', '  paths: [src/other/]'),
      ),
      '.alignment/items.yaml': yaml(
        ...request('CR-1', '  features: [checkout]'),
        ...request('CR-2'),
        ...request('CR-3', '  paths: ["*.md"]', '  features: [other]'),
        ...request('CR-4'),
        '- kind: assumption', '  id: A-1', '  statement: Cards.', '  feature: checkout',
        '- kind: milestone', '  id: M-1', '  title: Beta', '  feature: checkout',
        '- kind: decision', '  id: D-1', '  title: Cards first', '  features: [checkout]',
        ...risk('R-own', 'low', 'low', '  paths: [src/checkout/special.ts]'),
        ...risk('R-tag', 'low', 'low', '  feature: other'),
        ...risk('R-high', 'high', 'medium', '  feature: ledger'),
        ...risk('R-low', 'low', 'high', '  feature: ledger'),
        ...risk('R-mitigated', 'high', 'high', '  feature: payments', '  status: mitigated'),
        ...flag('F-pay', '  feature: payments'),
        ...flag('F-resolved', '  feature: payments', '  status: resolved'),
        ...flag('F-ack', '  feature: ledger', '  status: acknowledged'),
        ...flag('F-anchor', '  anchor: { path: src/misc/x.ts, startLine: 3, endLine: 4 }'),
      ),
    });
    assert.deepEqual(model.problems, []);
  });

  it('finds the features whose paths cover the file, and every item of those features', () => {
    const found = itemsForFile(model, 'src/checkout/cart.ts');
    assert.deepEqual(summary(found), {
      ...EMPTY,
      features: ['checkout'],
      requests: ['CR-1', 'CR-2'],
      assumptions: ['A-1'],
      milestones: ['M-1'],
      decisions: ['D-1'],
      upstream: ['F-ack', 'F-pay', 'R-high'],
    });
    assert.deepEqual(Object.fromEntries(found.ties), {
      'checkout': 'paths',
      'CR-1': 'feature', // through its features
      'CR-2': 'feature', // through the feature's direction.for
      'A-1': 'feature', // through its feature
      'M-1': 'feature',
      'D-1': 'feature',
    });
    assert.equal(found.ties.get('F-pay'), undefined, 'upstream items are not tied');
  });

  it('respects exclusions in feature paths', () => {
    assert.deepEqual(summary(itemsForFile(model, 'src/checkout/vendor/lib.js')), EMPTY);
  });

  it('ties an item by its own paths, the strongest tie', () => {
    const found = itemsForFile(model, 'src/checkout/special.ts', scanTags('// @risk R-own\n'));
    assert.deepEqual(ids(found.risks), ['R-own']);
    assert.equal(found.ties.get('R-own'), 'paths');
    assert.deepEqual(ids(found.features), ['checkout']);
  });

  it('does not make a request tied by its paths pull in its features', () => {
    const found = itemsForFile(model, 'docs/README.md');
    assert.deepEqual(summary(found), { ...EMPTY, requests: ['CR-3'] });
    assert.equal(found.ties.get('CR-3'), 'paths');
  });

  it('ties items by comment tags, pulling in their feature; unknown and wrong-kind tags tie nothing', () => {
    const found = itemsForFile(model, 'src/misc/y.ts', scanTags('// @risk R-tag\n// @serves CR-404\n// @risk CR-1\n'));
    assert.deepEqual(summary(found), { ...EMPTY, features: ['other'], requests: ['CR-3'], risks: ['R-tag'] });
    assert.equal(found.ties.get('R-tag'), 'tag');
    assert.equal(found.ties.get('other'), 'feature');
    assert.equal(found.ties.get('CR-1'), undefined);
  });

  it('ties a flag by its anchor path', () => {
    const found = itemsForFile(model, 'src/misc/x.ts');
    assert.deepEqual(summary(found), { ...EMPTY, flags: ['F-anchor'] });
    assert.equal(found.ties.get('F-anchor'), 'anchor');
    assert.deepEqual(summary(itemsForFile(model, './src/misc/x.ts')), { ...EMPTY, flags: ['F-anchor'] }, 'paths are normalized');
  });

  it('collects open flags and high open risks of the features depended on, transitively', () => {
    const found = itemsForFile(model, 'src/payments/charge.ts');
    assert.deepEqual(ids(found.features), ['payments']);
    assert.deepEqual(ids(found.flags).sort(), ['F-pay', 'F-resolved'], 'the feature\'s own flags, resolved or not');
    assert.deepEqual(ids(found.upstream).sort(), ['F-ack', 'R-high']);
  });

  it('finds nothing for a file nothing covers', () => {
    const found = itemsForFile(model, 'scripts/build.sh');
    assert.deepEqual(summary(found), EMPTY);
    assert.equal(found.ties.size, 0);
  });
});

describe('upstreamOf', () => {
  it('follows dependsOn through a cycle without looping and leaves out the features asked about', () => {
    const model = load({
      '.alignment/a.yaml': yaml(
        ...feature('a', '  dependsOn: [b]'),
        ...feature('b', '  dependsOn: [c]'),
        ...feature('c', '  dependsOn: [a, ghost]'),
        ...flag('F-a', '  feature: a'),
        ...flag('F-b', '  feature: b', '  severity: low'),
        ...flag('F-c', '  feature: c'),
        ...risk('R-c', 'high', 'high', '  feature: c'),
        ...risk('R-c-medium', 'medium', 'medium', '  feature: c'),
      ),
    });
    assert.deepEqual(ids(upstreamOf(model, ['a'])).sort(), ['F-b', 'F-c', 'R-c']);
    assert.deepEqual(ids(upstreamOf(model, ['c'])).sort(), ['F-a', 'F-b']);
    assert.deepEqual(ids(upstreamOf(model, ['a', 'b'])).sort(), ['F-c', 'R-c']);
  });
});

describe('riskScore', () => {
  it('multiplies likelihood and impact, 6 and up being high', () => {
    assert.equal(riskScore({ likelihood: 'low', impact: 'low' }), 1);
    assert.equal(riskScore({ likelihood: 'medium', impact: 'medium' }), 4);
    assert.equal(riskScore({ likelihood: 'high', impact: 'medium' }), 6);
    assert.equal(riskScore({ likelihood: 'high', impact: 'high' }), 9);
  });
});

describe('featureReality', () => {
  const reality = (status: string | undefined, ...items: string[][]): ReturnType<typeof featureReality> => {
    const reported = status ? ['  reported:', `    status: ${status}`] : [];
    const model = load({ '.alignment/a.yaml': yaml(...feature('f', ...reported), ...items.flat()) });
    assert.deepEqual(model.problems.filter((p) => p.severity === 'error'), []);
    return featureReality(model, 'f');
  };
  const milestone = (call: string): string[] => ['- kind: milestone', '  id: M-1', '  title: Beta', '  feature: f', '  gates:', '    - role: security', `      call: ${call}`, '    - role: support', '      call: go'];
  const assumption = (status: string): string[] => ['- kind: assumption', '  id: A-1', '  statement: Cards.', '  feature: f', `  status: ${status}`];

  it('shows no gap and no disagreement for a clean feature', () => {
    assert.deepEqual(reality('on-track'), { openFlags: { critical: 0, high: 0, medium: 0, low: 0 }, invalidatedAssumptions: 0, noGoGates: 0, highRisks: 0, gap: 0, disagrees: false });
  });

  for (const status of ['on-track', 'done']) {
    it(`disagrees with ${status} when a high flag is open`, () => {
      const found = reality(status, flag('F-1', '  feature: f', '  severity: high'));
      assert.deepEqual(found.openFlags, { critical: 0, high: 1, medium: 0, low: 0 });
      assert.equal(found.gap, 3);
      assert.equal(found.disagrees, true);
    });
  }

  it('disagrees with on-track on a no-go gate', () => {
    const found = reality('on-track', milestone('no-go'));
    assert.equal(found.noGoGates, 1);
    assert.equal(found.gap, 3);
    assert.equal(found.disagrees, true);
  });

  it('disagrees with on-track on an invalidated assumption', () => {
    const found = reality('on-track', assumption('invalidated'));
    assert.equal(found.invalidatedAssumptions, 1);
    assert.equal(found.gap, 3);
    assert.equal(found.disagrees, true);
  });

  it('disagrees with on-track on an open high risk', () => {
    const found = reality('on-track', risk('R-1', 'high', 'high', '  feature: f'));
    assert.equal(found.highRisks, 1);
    assert.equal(found.gap, 2);
    assert.equal(found.disagrees, true);
  });

  it('counts a low flag in the gap but does not call it a disagreement', () => {
    const found = reality('on-track', flag('F-1', '  feature: f', '  severity: low'));
    assert.deepEqual(found.openFlags, { critical: 0, high: 0, medium: 0, low: 1 });
    assert.equal(found.gap, 1);
    assert.equal(found.disagrees, false);
  });

  it('ignores resolved flags, pending and go gates, validated assumptions, and mitigated or low risks', () => {
    const found = reality('on-track',
      flag('F-1', '  feature: f', '  severity: critical', '  status: resolved'),
      milestone('pending'),
      assumption('validated'),
      risk('R-1', 'high', 'high', '  feature: f', '  status: mitigated'),
      risk('R-2', 'medium', 'medium', '  feature: f'));
    assert.equal(found.gap, 0);
    assert.equal(found.disagrees, false);
  });

  it('adds everything up, and does not call an at-risk report a disagreement', () => {
    const items = [flag('F-1', '  feature: f', '  severity: critical'), flag('F-2', '  about: M-1', '  feature: f', '  status: acknowledged'), milestone('no-go'), assumption('invalidated'), risk('R-1', 'high', 'medium', '  feature: f')];
    const found = reality('at-risk', ...items);
    assert.deepEqual(found.openFlags, { critical: 1, high: 0, medium: 1, low: 0 });
    assert.equal(found.gap, 4 + 2 + 3 + 3 + 2);
    assert.equal(found.disagrees, false);
    assert.equal(reality(undefined, ...items).disagrees, false, 'no reported status, nothing to disagree with');
    assert.equal(reality('on-track', ...items).disagrees, true);
  });

  it('gives zeros for an unknown feature', () => {
    const model = load({ '.alignment/a.yaml': yaml(...feature('f')) });
    assert.equal(featureReality(model, 'nope').gap, 0);
    assert.equal(featureReality(model, 'nope').disagrees, false);
  });
});
