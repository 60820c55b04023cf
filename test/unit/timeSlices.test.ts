// TimeSlices: many jobs handed over in one task run in slices of the budget, with a turn of the event loop
// between slices, and never in the task that handed them over. A fake clock makes it exact.
import * as assert from 'node:assert/strict';
import { pauseAfter, TimeSlices } from '../../src/extension/util/timeSlices';

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

  it('runs a generator one step per job, a turn of the loop between steps, to what it returns', async () => {
    const slices = new TimeSlices();
    const ran: string[] = [];
    function* phases(): Generator<void, string, void> {
      ran.push('a');
      yield;
      ran.push('b');
      yield;
      ran.push('c');
      return 'built';
    }
    const done = slices.steps(phases());
    const perTurn: string[] = [];
    while (ran.length < 3) {
      await nextTurn();
      perTurn.push(ran.join(''));
    }
    assert.equal(await done, 'built');
    assert.deepEqual([...new Set(perTurn)], ['a', 'ab', 'abc'], 'each step in a turn of its own');
  });

  it('pauses a loop that checks in often only once the budget is spent since its last turn', async () => {
    let clock = 0;
    const pause = pauseAfter(8, () => clock);
    let turned = false;
    void nextTurn().then(() => (turned = true));
    clock = 5;
    await pause();
    assert.equal(turned, false, 'within the budget: on at once');
    clock = 9;
    await pause();
    assert.equal(turned, true, 'past it: after a turn of the loop');
    turned = false;
    void nextTurn().then(() => (turned = true));
    clock = 12;
    await pause();
    assert.equal(turned, false, 'the budget starts again after the turn');
  });
});
