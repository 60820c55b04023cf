import * as assert from 'node:assert/strict';
import { buildModel, type FileParse, type LoadedItem } from '../../src/core';
import { parse, yaml } from './helpers';

/**
 * Features as the loader would give them, without parsing 100,000 of them: one is parsed, the others are
 * copies of it with their own id, `dependsOn` and line (item N on line N; dependsOn[i] at column 10 + i).
 */
function features(dependsOn: ReadonlyMap<string, readonly string[]>): FileParse {
  const template = parse(yaml('kind: feature', 'id: template', 'title: Template'));
  const model = template.items[0] as LoadedItem<'feature'>;
  const items: LoadedItem[] = [];
  let line = 1;
  for (const [id, targets] of dependsOn) {
    const at = { line, column: 1, endLine: line, endColumn: 2 };
    line++;
    items.push({
      ...model,
      id,
      item: { ...model.item, id, title: id, ...(targets.length > 0 ? { dependsOn: [...targets] } : {}) },
      range: at,
      locate: (path) => (path[0] === 'dependsOn' ? { ...at, column: 10 + Number(path[1]) } : undefined),
    });
  }
  return { ...template, items, problems: [] };
}

/** f-0 -> f-1 -> ... -> f-(n-1), plus `extra` edges. */
function chain(length: number, extra: Record<string, string[]> = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (let i = 0; i < length; i++) graph.set(`f-${i}`, i + 1 < length ? [`f-${i + 1}`] : []);
  for (const [id, targets] of Object.entries(extra)) graph.set(id, [...(graph.get(id) ?? []), ...targets]);
  return graph;
}

const cycles = (graph: ReadonlyMap<string, readonly string[]>) =>
  buildModel([features(graph)]).problems.filter((problem) => problem.code === 'dependency-cycle');

describe('dependency-cycle on long chains', function () {
  this.timeout(60_000);

  it('walks a 100,000-feature dependsOn chain without running out of stack, and finds no cycle', () => {
    assert.deepEqual(cycles(chain(100_000)), []);
  });

  it('finds a cycle at the far end of a 100,000-feature chain, at the reference that closes it', () => {
    const found = cycles(chain(100_000, { 'f-99999': ['f-99997'] }));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.message, 'feature "f-99997" depends on itself: f-99997 -> f-99998 -> f-99999 -> f-99997');
    assert.deepEqual({ line: found[0]?.line, column: found[0]?.column }, { line: 100_000, column: 10 }, 'dependsOn[0] of f-99999');
  });

  it('names a 100,000-feature cycle by its ends, once', () => {
    const found = cycles(chain(100_000, { 'f-99999': ['f-0'] }));
    assert.equal(found.length, 1);
    const message = found[0]?.message ?? '';
    assert.ok(message.startsWith('feature "f-0" depends on itself: f-0 -> f-1 -> '), message);
    assert.ok(message.includes(' -> … (99,950 more) -> '), message);
    assert.ok(message.endsWith(' -> f-99998 -> f-99999 -> f-0'), message);
    assert.ok(message.length < 1_000, `${message.length} characters`);
  });

  it('reports every distinct cycle of a long chain once, whichever feature the walk starts from', () => {
    // Three cycles hang off a 10,000-feature chain; a diamond and a duplicate reference add none.
    const extra = { 'f-20': ['f-10', 'f-10'], 'f-5000': ['f-4999'], 'f-9999': ['f-9999', 'f-9998'], 'f-1': ['f-3'] };
    const graph = chain(10_000, extra);
    const reversed = new Map([...graph].reverse());
    for (const order of [graph, reversed]) {
      const found = cycles(order).map((problem) => problem.message);
      assert.equal(found.length, 4, found.join('\n'));
      assert.ok(found.includes('feature "f-9999" depends on itself: f-9999 -> f-9999'), found.join('\n'));
    }
    assert.deepEqual(cycles(graph).map((problem) => problem.message).sort(), [
      `feature "f-10" depends on itself: ${Array.from({ length: 11 }, (_, i) => `f-${10 + i}`).join(' -> ')} -> f-10`,
      'feature "f-4999" depends on itself: f-4999 -> f-5000 -> f-4999',
      'feature "f-9998" depends on itself: f-9998 -> f-9999 -> f-9998',
      'feature "f-9999" depends on itself: f-9999 -> f-9999',
    ]);
  });

  it('keeps short cycles written out in full', () => {
    const found = cycles(chain(60, { 'f-49': ['f-0'] }));
    assert.equal(found[0]?.message, `feature "f-0" depends on itself: ${Array.from({ length: 50 }, (_, i) => `f-${i}`).join(' -> ')} -> f-0`);
  });
});
