import * as assert from 'node:assert/strict';
import { fileTieTest, referencesTo } from '../../src/core';
import { referencesOf } from '../../src/core/checks/references';
import { load, yaml } from './helpers';

describe('item references', () => {
  const model = load({
    '.alignment/features.yaml': yaml(
      '- kind: feature',
      '  id: checkout',
      '  title: Checkout',
      '  paths: [src/checkout/]',
      '  direction:',
      '    for: [CR-1]',
      '- kind: feature',
      '  id: ledger',
      '  title: Ledger',
      '  paths: [src/ledger/]',
      '  dependsOn: [checkout]',
    ),
    '.alignment/requests.yaml': yaml(
      '- kind: request',
      '  id: CR-1',
      '  customer: Acme',
      '  quote: Please.',
      '  paths: [tools/po.ts]',
      '- kind: request',
      '  id: CR-2',
      '  customer: Globex',
      '  quote: Please too.',
      '  features: [ledger]',
    ),
    '.alignment/flags.yaml': yaml(
      '- kind: flag',
      '  id: F-1',
      '  feature: checkout',
      '  about: CR-1',
      '  reality: Demo only.',
    ),
  });

  it('lists the ids an item names, with the field path and the kinds it accepts', () => {
    const flag = model.byId.get('F-1');
    assert.ok(flag);
    assert.deepEqual(referencesOf(flag).map((reference) => [reference.path, reference.id]), [[['feature'], 'checkout'], [['about'], 'CR-1']]);
  });

  it('finds every field naming an id, at the exact range of the value', () => {
    const found = referencesTo(model, 'checkout').map((reference) => [reference.from.id, reference.file, reference.range.line, reference.range.column, reference.range.endColumn]);
    assert.deepEqual(found, [
      ['ledger', '.alignment/features.yaml', 11, 15, 23],
      ['F-1', '.alignment/flags.yaml', 3, 12, 20],
    ]);
    assert.deepEqual(referencesTo(model, 'CR-1').map((reference) => reference.from.id), ['checkout', 'F-1']);
    assert.deepEqual(referencesTo(model, 'nothing'), []);
  });

  it('ties files to a request through its own paths and through the features it belongs to', () => {
    const tied = fileTieTest(model, 'CR-1');
    assert.deepEqual(['tools/po.ts', 'src/checkout/pay.ts', 'src/ledger/book.ts', 'README.md'].filter(tied), ['tools/po.ts', 'src/checkout/pay.ts']);
    assert.deepEqual(['src/checkout/pay.ts', 'src/ledger/book.ts'].filter(fileTieTest(model, 'CR-2')), ['src/ledger/book.ts']);
    assert.deepEqual(['src/checkout/pay.ts', 'src/ledger/book.ts'].filter(fileTieTest(model, 'ledger')), ['src/ledger/book.ts']);
    assert.deepEqual(['src/checkout/pay.ts'].filter(fileTieTest(model, 'F-1')), [], 'a flag without paths ties no file');
    assert.deepEqual(['src/checkout/pay.ts'].filter(fileTieTest(model, 'unknown')), []);
  });
});
