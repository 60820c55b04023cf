import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  excerpt,
  fileLenses,
  groupByCustomer,
  itemCard,
  loadAlignment,
  NO_REQUEST_TITLE,
  oneLineSummary,
  requestsServingFile,
  scanTags,
  servesTitle,
  tagLenses,
  type AlignmentModel,
  type LoadedItem,
} from '../../src/core';
import { load, yaml } from './helpers';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'checkout-service');

/** The example repository's `.alignment/` folder, loaded as the extension loads it. */
function exampleModel(): AlignmentModel {
  const root = path.join(EXAMPLE, '.alignment');
  const files = (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: `.alignment/${name.split(path.sep).join('/')}`, text: readFileSync(path.join(root, name), 'utf8') }));
  return loadAlignment(files);
}

function exampleSource(file: string): string {
  return readFileSync(path.join(EXAMPLE, file), 'utf8');
}

const request = (id: string, customer: string, ...more: string[]): string[] =>
  ['- kind: request', `  id: ${id}`, `  customer: ${customer}`, '  quote: Please make it work.', ...more];

describe('requestsServingFile', () => {
  let model: AlignmentModel;

  before(() => {
    model = load({
      '.alignment/items.yaml': yaml(
        '- kind: feature',
        '  id: checkout',
        '  title: Checkout',
        '  paths: [src/checkout/]',
        '  direction:',
        '    for: [CR-5]',
        '- kind: feature',
        '  id: empty',
        '  title: Nobody asked',
        '  paths: [src/internal/]',
        ...request('CR-1', 'Acme', '  paths: [src/checkout/pay.ts]', '  priority: low'),
        ...request('CR-2', 'Globex', '  features: [checkout]', '  priority: high'),
        ...request('CR-3', 'Initech', '  priority: critical'),
        ...request('CR-4', 'Acme', '  priority: high'),
        ...request('CR-5', 'Umbrella'),
        ...request('CR-6', 'Globex', '  priority: medium'),
        ...request('CR-7', 'Hooli', '  features: [checkout]', '  priority: high'),
        '- kind: risk',
        '  id: R-1',
        '  risk: It broke.',
        '  likelihood: low',
        '  impact: low',
      ),
    });
    assert.deepEqual(model.problems, []);
  });

  const served = (file: string, text = ''): [string, string][] =>
    requestsServingFile(model, file, scanTags(text)).requests.map((entry) => [entry.request.id, entry.via]);

  it('finds requests by their own paths, by @serves tags and by the features covering the file', () => {
    assert.deepEqual(served('src/checkout/pay.ts', '// @serves CR-3\n'), [
      ['CR-3', 'tag'],
      ['CR-2', 'feature'],
      ['CR-7', 'feature'],
      ['CR-1', 'paths'],
      ['CR-5', 'feature'],
    ]);
  });

  it('orders by priority, then by how many requests the customer made, then by id', () => {
    // CR-2 (Globex, 2 requests) before CR-7 (Hooli, 1), both high; low before no priority.
    assert.deepEqual(served('src/checkout/cart.ts').map(([id]) => id), ['CR-2', 'CR-7', 'CR-5']);
  });

  it('keeps the strongest tie: own paths over a tag over a feature', () => {
    assert.deepEqual(served('src/checkout/pay.ts', '// @serves CR-1, CR-2\n').filter(([id]) => id === 'CR-1' || id === 'CR-2'), [['CR-2', 'tag'], ['CR-1', 'paths']]);
  });

  it('ignores @serves naming an unknown id or another kind, and tags outside comments', () => {
    assert.deepEqual(served('src/other.ts', '// @serves CR-99, R-1\nconst s = "@serves CR-3";\n'), []);
  });

  it('names the covering features, also when no request serves the file', () => {
    const serving = requestsServingFile(model, 'src/internal/jobs.ts');
    assert.deepEqual(serving.requests, []);
    assert.deepEqual(serving.features.map((feature) => feature.id), ['empty']);
  });
});

describe('module lens titles', () => {
  let model: AlignmentModel;

  before(() => {
    model = load({
      '.alignment/items.yaml': yaml(
        ...request('CR-101', 'Acme Corp', '  paths: [src/]', '  priority: critical'),
        ...request('CR-144', 'Globex', '  paths: [src/]', '  priority: high'),
        ...request('CR-150', 'Globex', '  paths: [src/]', '  priority: low'),
        ...request('CR-160', 'Initech', '  paths: [src/]', '  priority: low'),
        ...request('CR-170', 'Hooli', '  paths: [src/]'),
      ),
    });
  });

  it('names the first two customers with their request ids, then how many more', () => {
    const { requests } = requestsServingFile(model, 'src/a.ts');
    assert.equal(servesTitle(requests), 'Serves Acme Corp (CR-101) · Globex (CR-144, CR-150) · +2');
    assert.equal(servesTitle(requests, 4), 'Serves Acme Corp (CR-101) · Globex (CR-144, CR-150) · Initech (CR-160) · Hooli (CR-170)');
    assert.equal(servesTitle(requests.slice(0, 1)), 'Serves Acme Corp (CR-101)');
  });

  it('groups a customer written with other spacing or case as one customer', () => {
    const other = load({ '.alignment/a.yaml': yaml(...request('CR-1', 'Acme Corp', '  paths: [x/]'), ...request('CR-2', ' acme corp', '  paths: [x/]')) });
    const groups = groupByCustomer(requestsServingFile(other, 'x/y.ts').requests);
    assert.deepEqual(groups.map((group) => [group.customer, group.requests.length]), [['Acme Corp', 2]]);
  });
});

describe('fileLenses on the example repository', () => {
  let model: AlignmentModel;

  before(() => {
    model = exampleModel();
    assert.deepEqual(model.problems.filter((problem) => problem.severity === 'error'), []);
  });

  const titles = (file: string, options = {}): string[] => {
    const lenses = fileLenses(model, file, exampleSource(file), options);
    return [...(lenses.module ? [lenses.module.title] : []), ...lenses.tags.map((lens) => `${lens.placedAt}: ${lens.title}`)];
  };

  it('puts the critical request first above the payment service; the header\'s tags join its line, compact', () => {
    // The @serves tags of the header are what the module lens says already: no lens of their own.
    assert.deepEqual(titles('src/payments/paymentService.ts'), [
      'Serves Nordlicht Coworking GmbH (CR-101) · Café Mireille SARL (CR-102)',
      '1: M2 1 no-go',
      '1: A-1 validated',
      '1: A-2 invalidated',
      '29: F-20261112-q7hm critical, open',
      '47: R-1 high risk',
    ]);
  });

  it('keeps the whole line of each tag\'s item for the tooltip', () => {
    const lenses = fileLenses(model, 'src/payments/paymentService.ts', exampleSource('src/payments/paymentService.ts'));
    assert.deepEqual(lenses.tags.slice(0, 2).map((lens) => [lens.tag.line, lens.detail]), [
      [4, 'Milestone M2 · due 2026-11-25 · gates 1 no-go, 1 pending, 1 go · SCA switched on for all EU cards in…'],
      [5, 'Assumption A-1 · validated · tested at M1 · Northpay supports 3-D Secure 2.2 with a…'],
    ]);
  });

  it('shows the @serves tags when the module lens is off', () => {
    assert.deepEqual(titles('src/payments/paymentService.ts', { module: false }).slice(0, 2), ['1: CR-101 Nordlicht Coworking GmbH, critical', '1: CR-102 Café Mireille SARL, high']);
  });

  it('serves a module through its feature and a tag naming a request of another feature', () => {
    // cart.ts: cart-pricing covers it (CR-104 names the feature, CR-102 is in its direction.for); @serves CR-103.
    // All three are high; Harbour Lane and Nordlicht made two requests each, Café Mireille one; then by id.
    assert.deepEqual(titles('src/cart/cart.ts', { tags: false }), ['Serves Harbour Lane Hotels (CR-103) · Nordlicht Coworking GmbH (CR-104) · +1']);
  });

  it('shows nothing above a file no feature or request covers, such as an excluded test', () => {
    assert.deepEqual(titles('jobs/test_nightly_reconciliation.py'), []);
    assert.deepEqual(titles('README.md'), []);
  });

  it('leaves out what the options turn off', () => {
    assert.equal(titles('src/pricing/tax.ts', { module: false }).length, 5);
    assert.deepEqual(titles('src/pricing/tax.ts', { tags: false }), ['Serves Nordlicht Coworking GmbH (CR-104) · Café Mireille SARL (CR-102)']);
    assert.deepEqual(titles('src/pricing/tax.ts', { module: false, tags: false }), []);
  });

  it('shows a flag as drifted when told its anchor has moved', () => {
    const lenses = fileLenses(model, 'src/payments/webhooks.ts', exampleSource('src/payments/webhooks.ts'), { module: false, isDrifted: () => true });
    assert.deepEqual(lenses.tags.map((lens) => lens.title), [
      'R-2 high risk',
      'F-20261110-r2xd high, acknowledged, drifted',
    ]);
  });
});

describe('the No customer request lens', () => {
  const model = load({
    '.alignment/a.yaml': yaml(
      '- kind: feature',
      '  id: internal',
      '  title: Internal tooling',
      '  paths: [tools/]',
    ),
  });

  it('appears above a module a feature covers but no request serves, unless turned off', () => {
    const lenses = fileLenses(model, 'tools/lint.ts', '');
    assert.equal(lenses.module?.title, NO_REQUEST_TITLE);
    assert.equal(lenses.module?.kind === 'no-request' && lenses.module.features[0]?.id, 'internal');
    assert.equal(fileLenses(model, 'tools/lint.ts', '', { noRequest: false }).module, undefined);
    assert.equal(fileLenses(model, 'src/app.ts', '').module, undefined);
  });
});

describe('tag lenses for ids that do not fit', () => {
  const model = load({ '.alignment/a.yaml': yaml('- kind: risk', '  id: R-1', '  risk: It broke.', '  likelihood: low', '  impact: low') });

  it('says when an id is unknown or of another kind, without a target', () => {
    const lenses = fileLenses(model, 'src/a.ts', '// @serves CR-9\n// @serves R-1\n').tags;
    assert.deepEqual(lenses.map((lens) => [lens.title, lens.detail, lens.target?.id]), [
      ['CR-9: no such request', 'CR-9: no request with this id in .alignment/', undefined],
      ['R-1 is a risk, not a request', 'R-1 is a risk, not a request', undefined],
    ]);
  });
});

describe('where tag lenses sit', () => {
  const model = load({
    '.alignment/a.yaml': yaml(
      '- kind: risk', '  id: R-1', '  risk: It broke.', '  likelihood: high', '  impact: high',
      '- kind: assumption', '  id: A-1', '  statement: It holds.', '  status: untested',
    ),
  });
  const placed = (text: string): [number, number, string][] =>
    fileLenses(model, 'src/a.py', text, { module: false }).tags.map((lens) => [lens.tag.line, lens.placedAt, lens.title]);

  it('gives a block of tags on adjacent lines one lens line, at its first line', () => {
    const text = ['import os', '', 'def f():', '    # @risk R-1', '    # @assumes A-1', '    return 1', '', '# @assumes A-1'].join('\n');
    assert.deepEqual(placed(text), [[4, 4, 'R-1 high risk'], [5, 4, 'A-1 untested'], [8, 8, 'A-1 untested']]);
  });

  it('puts the tags of the leading comment (after a shebang, blank lines, a docstring) on line 1', () => {
    const text = ['#!/usr/bin/env python3', '"""Billing."""', '', '# @risk R-1', 'import os', '# @assumes A-1'].join('\n');
    assert.deepEqual(placed(text), [[4, 1, 'R-1 high risk'], [6, 6, 'A-1 untested']]);
  });

  it('shows an id named twice in one block once, and again in another block', () => {
    const text = ['x = 1', '# @risk R-1', '# @risk R-1, R-1', 'y = 2', '# @risk R-1'].join('\n');
    assert.deepEqual(placed(text), [[2, 2, 'R-1 high risk'], [5, 5, 'R-1 high risk']]);
  });

  it('reads only as far as the last tag to find the header, however long the file', () => {
    let asked = 0;
    const lines = ['// @risk R-1', ...Array.from({ length: 100_000 }, () => '// filler')];
    const lenses = tagLenses(model, scanTags(lines.join('\n')), (line) => { asked++; return lines[line - 1] ?? ''; }, undefined);
    assert.deepEqual(lenses.map((lens) => lens.placedAt), [1]);
    assert.ok(asked <= 2, `asked for ${asked} lines`);
  });
});

describe('item summaries and cards', () => {
  const model = exampleModel();
  const get = (id: string): LoadedItem => model.byId.get(id) as LoadedItem;

  it('cuts an excerpt at a word with an ellipsis, on one line', () => {
    assert.equal(excerpt('short'), 'short');
    assert.equal(excerpt('one two\nthree four five', 14), 'one two three…');
  });

  it('summarizes every kind in one line', () => {
    assert.equal(oneLineSummary(get('payments')), 'Feature payments · Card payments with 3-D Secure (Strong… · reported on-track 85%');
    assert.equal(oneLineSummary(get('D-3')), 'Decision D-3 · Run reconciliation as a nightly job at… · decided 2026-09-30 · unattributed');
    assert.equal(oneLineSummary(get('R-7')), 'Risk R-7 · likelihood medium / impact low · open');
  });

  it('gives a request card its customer, their words, date and status', () => {
    const card = itemCard(get('CR-103'));
    assert.equal(card.heading, 'Request CR-103');
    assert.match(card.quote ?? '', /^Our finance team cannot book an invoice/);
    assert.deepEqual(card.fields.map((field) => field.label), ['Customer', 'Contact', 'Received', 'Channel', 'Priority', 'Status', 'Features']);
    assert.deepEqual(card.fields.find((field) => field.label === 'Received')?.value, '2026-10-08');
  });

  it('lists a milestone\'s gates with who called what and why', () => {
    const card = itemCard(get('M2'));
    assert.ok(card.fields.some((field) => field.label === 'Gate: Security (Ingrid Solberg)' && field.value.startsWith('no-go — Webhook signatures')));
  });
});
