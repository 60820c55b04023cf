// TimeSlices: many jobs handed over in one task run in slices of the budget, with a turn of the event loop
// between slices, and never in the task that handed them over. A fake clock makes it exact.
import * as assert from 'node:assert/strict';
import { TimeSlices } from '../../src/extension/util/timeSlices';

/** One turn of Node's event loop: what runs after the loop polled for messages. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TimeSlices', () => {
  it('runs jobs handed over in one task in slices of the budget, a turn of the loop between', async () => {
    let clock = 0;
    const slices = new TimeSlices(15, () => clock);
    const ran: number[] = [];
    // Twelve jobs of 5 ms each, handed over in one task, as reads answered together resume.
    const done = Promise.all(Array.from({ length: 12 }, (_, index) => slices.run(() => {
      clock += 5;
      ran.push(index);
      return index;
    })));
    assert.deepEqual(ran, [], 'nothing runs in the task that handed the jobs over');
    const perTurn: number[] = [];
    while (ran.length < 12) {
      const before = ran.length;
      await nextTurn();
      perTurn.push(ran.length - before);
    }
    assert.deepEqual(perTurn.filter((count) => count > 0), [3, 3, 3, 3], 'three 5 ms jobs fill a 15 ms slice');
    assert.deepEqual(await done, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'in order, each answer to its caller');
  });

  it('runs a job longer than the budget whole, and passes its error to its caller only', async () => {
    let clock = 0;
    const slices = new TimeSlices(15, () => clock);
    const long = slices.run(() => {
      clock += 100;
      return 'long';
    });
    const failing = slices.run(() => {
      throw new Error('bad input');
    });
    const after = slices.run(() => 'after');
    assert.equal(await long, 'long');
    await assert.rejects(failing, /bad input/);
    assert.equal(await after, 'after');
  });

  it('runs a generator\'s steps until a slice\'s time is spent, a turn of the loop between slices, to what it returns', async () => {
    let clock = 0;
    const slices = new TimeSlices(8, () => clock);
    const ran: string[] = [];
    // Each step takes 3 ms: three fit in a slice of 8 (the third ends past it), then the other two.
    function* phases(): Generator<void, string, void> {
      for (const name of ['a', 'b', 'c', 'd', 'e']) {
        ran.push(name);
        clock += 3;
        if (name !== 'e') yield;
      }
      return 'built';
    }
    const done = slices.steps(phases());
    const perTurn: string[] = [];
    while (ran.length < 5) {
      await nextTurn();
      perTurn.push(ran.join(''));
    }
    assert.equal(await done, 'built');
    assert.deepEqual([...new Set(perTurn)], ['abc', 'abcde'], 'steps share a slice, and the slices a turn each');
  });

  it('gives a generator one step at least, and other jobs their turn between its slices', async () => {
    let clock = 0;
    const slices = new TimeSlices(8, () => clock);
    const ran: string[] = [];
    function* long(): Generator<void, void, void> {
      ran.push('long 1');
      clock += 20;
      yield;
      ran.push('long 2');
      clock += 20;
    }
    const done = slices.steps(long());
    const other = slices.run(() => ran.push('other'));
    await Promise.all([done, other]);
    assert.deepEqual(ran, ['long 1', 'other', 'long 2']);
  });
});
