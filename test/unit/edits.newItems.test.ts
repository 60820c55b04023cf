// New items from a few answers: every kind's text loads with core's loader with no problem and reads back
// as typed, whatever the answer holds; ids are proposed free and refused when taken.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  featureIdFromTitle,
  loadAlignment,
  newIdProblem,
  newItemFilePath,
  newItemText,
  parseAlignmentFile,
  type NewItem,
} from '../../src/core';

/** Answers a person might type that YAML reads otherwise when written plain. */
const AWKWARD = [
  'Plain words',
  'Says # not a comment',
  'Key: value inside',
  '"Quoted" at the start',
  '\'single\' quotes',
  '- a leading dash',
  'Two lines\nof text',
  '@at, *star, &amp, !bang, %percent, `tick`, |pipe, >gt, [brackets], {braces}',
  'yes',
  'null',
  '2026-11-30',
  '12345',
  'x'.repeat(200),
  'Ends with a colon:',
  '  padded  ',
];

function itemsFor(value: string): NewItem[] {
  return [
    { kind: 'feature', id: 'new-feature', title: value, paths: ['src/payments/', '!src/payments/legacy/'] },
    { kind: 'request', id: 'CR-9', customer: value, quote: value, receivedAt: '2026-11-30', features: ['payments'] },
    { kind: 'assumption', id: 'A-9', statement: value, feature: 'payments' },
    { kind: 'risk', id: 'R-9', risk: value, feature: 'payments', likelihood: 'high', impact: 'medium', earlyWarningSign: value, mitigationStrategy: value },
    { kind: 'milestone', id: 'M-9', title: value, feature: 'payments', due: '2026-12-24' },
    { kind: 'decision', id: 'D-9', title: value, decidedAt: '2026-11-30', features: ['payments'], sources: [{ request: 'CR-9' }, { customer: value }] },
  ];
}

function textOf(item: NewItem): string {
  const result = newItemText(item);
  if (!result.ok) assert.fail(`${item.kind}: ${result.message}`);
  return result.text;
}

describe('new items', () => {
  describe('newItemText', () => {
    for (const value of AWKWARD) {
      it(`writes every kind so that it loads with no problem and reads back: ${JSON.stringify(value.slice(0, 40))}`, () => {
        for (const item of itemsFor(value)) {
          const text = textOf(item);
          const path = newItemFilePath(item.kind, item.id);
          const parsed = parseAlignmentFile(path, text);
          assert.deepEqual(parsed.problems.map((problem) => problem.message), [], `${item.kind}:\n${text}`);
          assert.equal(parsed.items.length, 1);
          const data = parse(text) as Record<string, unknown>;
          const typed = value.trim();
          const field = { feature: 'title', request: 'quote', assumption: 'statement', risk: 'risk', milestone: 'title', decision: 'title' }[item.kind];
          assert.equal(data[field], typed, `${item.kind}.${field} reads back as typed:\n${text}`);
        }
      });
    }

    it('writes the fields in the usual order, and leaves out optional answers left empty', () => {
      assert.equal(textOf({ kind: 'risk', id: 'R-4', risk: 'The first big customer hit a limit.', likelihood: 'medium', impact: 'high', earlyWarningSign: ' ', mitigationStrategy: '' }), [
        'kind: risk',
        'id: R-4',
        'risk: The first big customer hit a limit.',
        'likelihood: medium',
        'impact: high',
        'status: open',
        '',
      ].join('\n'));
      assert.equal(textOf({ kind: 'feature', id: 'gift-cards', title: 'Gift cards', paths: ['src/gift/'] }), 'kind: feature\nid: gift-cards\ntitle: Gift cards\npaths:\n  - src/gift/\n');
      assert.equal(textOf({ kind: 'feature', id: 'gift-cards', title: 'Gift cards', paths: [] }), 'kind: feature\nid: gift-cards\ntitle: Gift cards\n');
      assert.equal(textOf({ kind: 'decision', id: 'D-2', title: 'Ship it', sources: [{ customer: 'Acme: the "big" one' }] }),
        'kind: decision\nid: D-2\ntitle: Ship it\nsources:\n  - customer: \'Acme: the "big" one\'\n');
    });

    it('refuses what the loader would not accept, and says why', () => {
      const bad = newItemText({ kind: 'feature', id: 'Has spaces', title: 'x' });
      assert.equal(bad.ok, false);
      assert.match((bad as { message: string }).message, /feature would not be valid/);
      assert.equal(newItemText({ kind: 'milestone', id: 'M-1', title: 'x', due: '2026-02-30' }).ok, false, 'no such day');
      assert.equal(newItemText({ kind: 'request', id: 'CR-1', customer: ' ', quote: 'x' }).ok, false, 'a request names its customer');
    });

    it('loads beside the example files as a whole folder', () => {
      const files = itemsFor('Says # not a comment').map((item) => ({ path: newItemFilePath(item.kind, item.id), text: textOf(item) }));
      files.push({ path: '.alignment/features/payments.yaml', text: 'kind: feature\nid: payments\ntitle: Payments\n' });
      const model = loadAlignment(files);
      assert.deepEqual(model.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message), []);
      assert.equal(model.byId.size, 7);
    });
  });

  describe('ids', () => {
    // The proposed numbered id is core's nextItemId (tested in kindSnippets.test.ts): the folder's own numbering continued.

    it('makes a feature id from the title, free in the folder', () => {
      assert.equal(featureIdFromTitle('Card payments (3-D Secure)', []), 'card-payments-3-d-secure');
      assert.equal(featureIdFromTitle('Café Mireille\'s receipts', []), 'cafe-mireille-s-receipts');
      assert.equal(featureIdFromTitle('Payments', ['payments', 'payments-2']), 'payments-3');
      assert.equal(featureIdFromTitle('2026 plan', []), 'feature-2026-plan');
      assert.equal(featureIdFromTitle('!!!', []), 'feature');
      const long = featureIdFromTitle('Settlement export for the finance team every night at half past two', []);
      assert.ok(long.length <= 40 && !long.endsWith('-'), long);
    });

    it('says why an id cannot be used: taken, empty or not an id', () => {
      const taken = new Set(['R-1', 'payments']);
      assert.equal(newIdProblem('R-2', taken), undefined);
      assert.equal(newIdProblem('R-1', taken), 'R-1 already exists in .alignment/');
      assert.equal(newIdProblem(' ', taken), 'an id is needed');
      assert.match(newIdProblem('two words', taken) ?? '', /starts with a letter/);
      assert.match(newIdProblem('1st', taken) ?? '', /starts with a letter/);
    });

    it('names the file after the id, in the kind\'s folder', () => {
      assert.equal(newItemFilePath('risk', 'R-4'), '.alignment/risks/R-4.yaml');
      assert.equal(newItemFilePath('feature', 'gift-cards'), '.alignment/features/gift-cards.yaml');
      assert.equal(newItemFilePath('request', 'CR-3'), '.alignment/requests/CR-3.yaml');
    });
  });
});
