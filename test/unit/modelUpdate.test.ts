// buildModel with `previous`: after a change to a few files, the model built from the one before equals a
// full build, and reuses what the change did not touch (an untouched feature's group is the same array).
import * as assert from 'node:assert/strict';
import { buildModel, parseAlignmentFile, type AlignmentModel, type FileParse } from '../../src/core';
import { modelDifference } from '../fuzz/updateOracle';

const FILES: Record<string, string> = {
  '.alignment/features.yaml': [
    '- kind: feature',
    '  id: payments',
    '  title: Payments',
    '  paths: [src/payments/]',
    '  reported: { status: on-track, progress: 50, source: weekly, asOf: 2026-11-02 }',
    '  direction: { goal: Pay, for: [Nordlicht] }',
    '- kind: feature',
    '  id: receipts',
    '  title: Receipts',
    '  paths: [src/receipts/]',
    '  dependsOn: [payments]',
    '',
  ].join('\n'),
  '.alignment/milestones.yaml': [
    'kind: milestone',
    'id: M1',
    'title: Pilot',
    'feature: payments',
    'gates:',
    '  - { role: Security, call: go }',
    '',
  ].join('\n'),
  '.alignment/requests.yaml': [
    '- kind: request',
    '  id: CR-1',
    '  customer: Nordlicht',
    '  quote: Orders fail.',
    '  features: [payments]',
    '- kind: request',
    '  id: CR-2',
    '  customer: Mireille',
    '  quote: Receipts are late.',
    '  features: [receipts]',
    '',
  ].join('\n'),
  '.alignment/risks.yaml': [
    'kind: risk',
    'id: R-1',
    'risk: The provider throttles us',
    'feature: payments',
    'likelihood: high',
    'impact: high',
    'paths: [src/payments/client.ts]',
    '',
  ].join('\n'),
};

const REPO_FILES = ['src/payments/client.ts', 'src/receipts/mail.ts'];

/** One parse per text, as an editor keeps the parses of files that did not change. */
const parses = new Map<string, FileParse>();

function parsesOf(texts: Record<string, string>): FileParse[] {
  return Object.keys(texts).sort().map((path) => {
    const text = texts[path] as string;
    const key = `${path}\u0000${text}`;
    let parse = parses.get(key);
    if (!parse) parses.set(key, (parse = parseAlignmentFile(path, text)));
    return parse;
  });
}

/** The model of `texts` built from `previous`, and a full build's. */
function update(previous: AlignmentModel, texts: Record<string, string>, repoFiles = REPO_FILES): { updated: AlignmentModel; full: AlignmentModel } {
  return { updated: buildModel(parsesOf(texts), { repoFiles, previous }), full: buildModel(parsesOf(texts), { repoFiles }) };
}

function edit(path: string, from: string, to: string): Record<string, string> {
  const text = FILES[path] as string;
  assert.ok(text.includes(from), `${path} has ${from}`);
  return { ...FILES, [path]: text.replace(from, to) };
}

describe('buildModel from the model before', () => {
  const start = (): AlignmentModel => buildModel(parsesOf(FILES), { repoFiles: REPO_FILES });

  it('starts from a model without problems', () => {
    assert.deepEqual(start().problems.map((problem) => problem.message), []);
  });

  it('after a status edit: equal to a full build, and the features the edit did not touch keep their groups', () => {
    const previous = start();
    const { updated, full } = update(previous, edit('.alignment/milestones.yaml', 'call: go', 'call: no-go'));
    assert.equal(modelDifference(updated, full), undefined);
    assert.deepEqual(updated.problems.map((problem) => problem.code), ['no-go-but-on-track']);
    assert.equal(updated.itemsOfFeature.get('receipts'), previous.itemsOfFeature.get('receipts'), 'receipts\' group is reused');
    assert.notEqual(updated.itemsOfFeature.get('payments'), previous.itemsOfFeature.get('payments'), 'payments\' group has the new M1');
  });

  it('after a customer is renamed in one file, checks the features naming customers in another', () => {
    const { updated, full } = update(start(), edit('.alignment/requests.yaml', 'customer: Nordlicht', 'customer: Nordlicht GmbH'));
    assert.equal(modelDifference(updated, full), undefined);
    assert.deepEqual(updated.problems.map((problem) => `${problem.file}:${problem.line} ${problem.code}`), ['.alignment/features.yaml:6 unknown-reference']);
  });

  it('after an item is added in the middle, keeps every feature\'s items in file order', () => {
    const added = { ...FILES, '.alignment/milestones.yaml': `kind: risk\nid: R-0\nrisk: Early\nfeature: receipts\nlikelihood: low\nimpact: low\n---\n${FILES['.alignment/milestones.yaml'] as string}` };
    const previous = start();
    const { updated, full } = update(previous, added);
    assert.equal(modelDifference(updated, full), undefined);
    assert.deepEqual(updated.itemsOfFeature.get('receipts')?.map((entry) => entry.id), ['R-0', 'CR-2']);
  });

  it('after a feature\'s status changes, checks its milestones\' calls in another file', () => {
    const noGo = edit('.alignment/milestones.yaml', 'call: go', 'call: no-go');
    const atRisk = { ...noGo, '.alignment/features.yaml': (FILES['.alignment/features.yaml'] as string).replace('status: on-track', 'status: at-risk') };
    const { updated, full } = update(buildModel(parsesOf(noGo), { repoFiles: REPO_FILES }), atRisk);
    assert.equal(modelDifference(updated, full), undefined);
    assert.deepEqual(updated.problems, [], 'at risk, the no-go is admitted');
    const back = update(updated, noGo);
    assert.equal(modelDifference(back.updated, back.full), undefined);
    assert.deepEqual(back.updated.problems.map((problem) => problem.code), ['no-go-but-on-track']);
  });

  it('after a feature is removed, checks the items in other files that name it', () => {
    const text = FILES['.alignment/features.yaml'] as string;
    const { updated, full } = update(start(), { ...FILES, '.alignment/features.yaml': text.slice(text.indexOf('- kind: feature\n  id: receipts')).replace('  dependsOn: [payments]\n', '') });
    assert.equal(modelDifference(updated, full), undefined);
    assert.deepEqual(updated.problems.map((problem) => `${problem.file}:${problem.line} ${problem.code}`), [
      '.alignment/milestones.yaml:4 unknown-reference',
      '.alignment/requests.yaml:5 unknown-reference',
      '.alignment/risks.yaml:4 unknown-reference',
    ]);
  });

  it('after an id comes that an unknown id is close to, suggests it there', () => {
    const unknown = edit('.alignment/risks.yaml', 'feature: payments', 'feature: billing-exports');
    const previous = buildModel(parsesOf(unknown), { repoFiles: REPO_FILES });
    assert.deepEqual(previous.problems.map((problem) => problem.message), ['feature names "billing-exports", but no feature has that id']);
    const { updated, full } = update(previous, { ...unknown, '.alignment/milestones.yaml': `${FILES['.alignment/milestones.yaml'] as string}---\nkind: feature\nid: billing-export\ntitle: Exports\n` });
    assert.equal(modelDifference(updated, full), undefined);
    assert.deepEqual(updated.problems.map((problem) => problem.message), ['feature names "billing-exports", but no feature has that id; did you mean "billing-export"?']);
  });

  it('after an item takes the id of a customer a feature is for, checks that feature: the id wins, and its kind is wrong', () => {
    const { updated, full } = update(start(), { ...FILES, '.alignment/milestones.yaml': `${FILES['.alignment/milestones.yaml'] as string}---\nkind: decision\nid: Nordlicht\ntitle: Named like the customer\n` });
    assert.equal(modelDifference(updated, full), undefined);
    assert.deepEqual(updated.problems.map((problem) => problem.message), ['"Nordlicht" is a decision, but direction.for expects a request']);
  });

  it('after a risk\'s paths change, the path index answers with the new paths', () => {
    const previous = start();
    assert.deepEqual(previous.pathIndex.lookup('src/receipts/mail.ts').map((entry) => entry.id), ['receipts']);
    const { updated, full } = update(previous, edit('.alignment/risks.yaml', 'paths: [src/payments/client.ts]', 'paths: [src/receipts/, src/gone/]'));
    assert.equal(modelDifference(updated, full), undefined);
    assert.deepEqual(updated.pathIndex.lookup('src/receipts/mail.ts').map((entry) => entry.id), ['receipts', 'R-1']);
    assert.deepEqual(updated.pathIndex.lookup('src/payments/client.ts').map((entry) => entry.id), ['payments']);
    assert.deepEqual(updated.problems.map((problem) => problem.code), ['glob-matches-nothing'], 'src/gone/ matches no file');
    assert.deepEqual(previous.pathIndex.lookup('src/payments/client.ts').map((entry) => entry.id), ['payments', 'R-1'], 'the model before is unchanged');
  });

  it('after an id is written twice, or a file is added, builds anew: the same as a full build', () => {
    const twice = update(start(), edit('.alignment/risks.yaml', 'id: R-1', 'id: CR-1'));
    assert.equal(modelDifference(twice.updated, twice.full), undefined);
    assert.deepEqual(twice.updated.problems.map((problem) => problem.code), ['duplicate-id', 'duplicate-id']);
    const another = update(start(), { ...FILES, '.alignment/more.yaml': 'kind: decision\nid: D-1\ntitle: Later\nfeatures: [payments]\n' });
    assert.equal(modelDifference(another.updated, another.full), undefined);
    // And from a model with a duplicate, back to none.
    const back = update(twice.updated, FILES);
    assert.equal(modelDifference(back.updated, back.full), undefined);
    assert.deepEqual(back.updated.problems, []);
  });

  it('checks every pattern again against a new listing of the repository', () => {
    const { updated, full } = update(start(), edit('.alignment/milestones.yaml', 'title: Pilot', 'title: Pilot two'), ['src/payments/client.ts']);
    assert.equal(modelDifference(updated, full), undefined);
    assert.deepEqual(updated.problems.map((problem) => problem.message), ['"src/receipts/" matches no file in the repository; was the code moved or renamed?']);
  });
});
