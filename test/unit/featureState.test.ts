// Which of the sidebar's states a feature is in (its icon), and the trouble it inherits from upstream.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type AlignmentModel, featureReality, gapLevel, type LoadedItem, UPSTREAM_NAMED, upstreamSummary, upstreamSummarySteps, upstreamTrouble } from '../../src/core';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { load, yaml } from './helpers';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'checkout-service');

const feature = (id: string, status: string | undefined, ...more: string[]): string[] =>
  ['- kind: feature', `  id: ${id}`, `  title: ${id}`, ...(status ? ['  reported:', `    status: ${status}`] : []), ...more];
const flag = (id: string, featureId: string, severity: string): string[] =>
  ['- kind: flag', `  id: ${id}`, '  reality: Demo only.', `  feature: ${featureId}`, `  severity: ${severity}`];
const noGo = (id: string, featureId: string): string[] =>
  ['- kind: milestone', `  id: ${id}`, '  title: Beta', `  feature: ${featureId}`, '  gates:', '    - role: security', '      call: no-go'];

function levelOf(model: AlignmentModel, id: string): string {
  return gapLevel(model.byId.get(id) as LoadedItem<'feature'>, featureReality(model, id));
}

describe('gapLevel: the state a feature row shows', () => {
  const model = load({
    '.alignment/a.yaml': yaml(
      ...feature('clean', 'on-track'),
      ...feature('lying', 'on-track'), ...flag('F-1', 'lying', 'high'),
      ...feature('doubted', 'on-track'), ...flag('F-2', 'doubted', 'low'),
      ...feature('honest', 'at-risk'),
      ...feature('honest-flagged', 'off-track'), ...flag('F-3', 'honest-flagged', 'critical'),
      ...feature('silent', undefined),
      ...feature('silent-flagged', 'not-started'), ...flag('F-4', 'silent-flagged', 'medium')),
  });

  it('tells honest bad news from a report reality disagrees with', () => {
    assert.equal(levelOf(model, 'honest'), 'admitted');
    assert.equal(levelOf(model, 'honest-flagged'), 'admitted');
    assert.equal(levelOf(model, 'lying'), 'disagrees');
  });

  it('calls an on-track report with only a low flag a concern, not honest bad news', () => {
    assert.equal(levelOf(model, 'doubted'), 'concerns');
    assert.equal(featureReality(model, 'doubted').disagrees, false, 'the CLI and the report still do not count it as disagreeing');
  });

  it('keeps clean and unreported apart, and a flag on an unclaimed feature is bad news nobody hid', () => {
    assert.equal(levelOf(model, 'clean'), 'clean');
    assert.equal(levelOf(model, 'silent'), 'unreported');
    assert.equal(levelOf(model, 'silent-flagged'), 'admitted');
  });
});

describe('upstreamTrouble', () => {
  it('names each troubled feature upstream, transitively, worst first', () => {
    const model = load({
      '.alignment/a.yaml': yaml(
        ...feature('app', 'on-track', '  dependsOn: [api, docs]'),
        ...feature('api', 'on-track', '  dependsOn: [pay, cart]'),
        ...feature('docs', 'on-track'), ...flag('F-1', 'docs', 'low'),
        ...feature('cart', 'at-risk'),
        ...feature('pay', 'on-track', '  dependsOn: [ledger]'), ...noGo('M-1', 'pay'),
        ...feature('ledger', 'on-track'), ...flag('F-2', 'ledger', 'medium')),
    });
    assert.deepEqual(upstreamTrouble(model, 'app'), [
      { featureId: 'pay', trouble: 'blocked' },
      { featureId: 'ledger', trouble: 'disagrees' },
      { featureId: 'cart', trouble: 'at-risk' },
    ]);
    assert.deepEqual(upstreamTrouble(model, 'ledger'), [], 'nothing upstream');
    assert.deepEqual(upstreamTrouble(model, 'docs'), []);
  });

  it('survives a dependency cycle and a dependency that does not exist', () => {
    const model = load({
      '.alignment/a.yaml': yaml(
        ...feature('a', 'on-track', '  dependsOn: [b, ghost]'),
        ...feature('b', 'off-track', '  dependsOn: [a]')),
    });
    assert.deepEqual(upstreamTrouble(model, 'a'), [{ featureId: 'b', trouble: 'off-track' }]);
    assert.deepEqual(upstreamTrouble(model, 'b'), []);
  });

  it('sees the example: checkout-api builds on payments, which a no-go gate blocks', () => {
    const files = readdirSync(path.join(EXAMPLE, '.alignment'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'));
    const model = load(Object.fromEntries(files.map((file) => [`.alignment/${file}`, readFileSync(path.join(EXAMPLE, '.alignment', file), 'utf8')])));
    assert.deepEqual(upstreamTrouble(model, 'checkout-api')[0], { featureId: 'payments', trouble: 'blocked' });
  });
});

describe('upstreamSummary: the worst few upstream of every feature, for rows', () => {
  const STATUSES = ['on-track', 'at-risk', 'off-track', 'done', undefined] as const;
  /** Features f0…f(n-1) with a status each, some blocked or flagged, and the dependsOn edges given. */
  function graph(statuses: readonly (typeof STATUSES[number])[], trouble: readonly number[], edges: readonly [number, number][]): AlignmentModel {
    const lines: string[] = [];
    statuses.forEach((status, index) => {
      const deps = edges.filter(([from]) => from === index).map(([, to]) => `f${to}`);
      lines.push(...feature(`f${index}`, status, ...(deps.length > 0 ? [`  dependsOn: [${deps.join(', ')}]`] : [])));
      if (trouble[index] === 1) lines.push(...noGo(`M-${index}`, `f${index}`));
      if (trouble[index] === 2) lines.push(...flag(`F-${index}`, `f${index}`, 'high'));
    });
    return load({ '.alignment/a.yaml': yaml(...lines) });
  }

  it('names what upstreamTrouble lists first, and says when it lists more, on any graph (cycles, self-loops, diamonds)', () => {
    const arbitrary = fc.integer({ min: 1, max: 12 }).chain((n) => fc.record({
      statuses: fc.array(fc.constantFrom(...STATUSES), { minLength: n, maxLength: n }),
      trouble: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      edges: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 3 * n }),
    }));
    fc.assert(fc.property(arbitrary, ({ statuses, trouble, edges }) => {
      const model = graph(statuses, trouble, edges);
      for (const entry of model.byKind.feature) {
        const all = upstreamTrouble(model, entry.id);
        assert.deepEqual(upstreamSummary(model, entry.id), { worst: all.slice(0, UPSTREAM_NAMED), more: all.length > UPSTREAM_NAMED }, entry.id);
      }
    }), { numRuns: 300, seed: 1301 });
  });

  it('works a chain of 3,000 features out once per model, upstream first, without recursion', () => {
    const statuses = Array.from({ length: 3_000 }, (_, index) => (index % 3 === 0 ? 'at-risk' : 'on-track') as typeof STATUSES[number]);
    const edges = statuses.map((_, index): [number, number] => [index, index - 1]).slice(1);
    const model = graph(statuses, [], edges);
    assert.deepEqual(upstreamSummary(model, 'f2999'), { worst: [{ featureId: 'f0', trouble: 'at-risk' }, { featureId: 'f3', trouble: 'at-risk' }, { featureId: 'f6', trouble: 'at-risk' }], more: true });
    assert.deepEqual(upstreamSummary(model, 'f1'), { worst: [{ featureId: 'f0', trouble: 'at-risk' }], more: false });
    assert.deepEqual(upstreamSummary(model, 'f0'), { worst: [], more: false });
  });

  it('works the summary out in steps an editor can give its host a turn between, to the same answers', () => {
    const statuses = Array.from({ length: 1_000 }, (_, index) => (index % 7 === 0 ? 'off-track' : 'on-track') as typeof STATUSES[number]);
    const edges = statuses.map((_, index): [number, number] => [index, index - 1]).slice(1);
    const inSteps = graph(statuses, [], edges);
    let steps = 0;
    for (const step of upstreamSummarySteps(inSteps)) {
      void step;
      steps++;
    }
    assert.ok(steps >= 4, `1,000 features in ${steps} steps`);
    assert.equal([...upstreamSummarySteps(inSteps)].length, 0, 'known once worked out: no step left');
    const whole = graph(statuses, [], edges);
    for (const id of ['f0', 'f1', 'f500', 'f999']) assert.deepEqual(upstreamSummary(inSteps, id), upstreamSummary(whole, id), id);
  });
});

