// eachAtMost: a folder's files read a few at a time, every one of them, in order.
import * as assert from 'assert';
import { eachAtMost } from '../../src/extension/util/eachAtMost';

/** A job that waits for a later turn, and records how many ran at once. */
function recorder(): { job: (item: number) => Promise<void>; started: number[]; mostAtOnce: () => number } {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  return {
    started,
    mostAtOnce: () => most,
    job: async (item) => {
      started.push(item);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      running--;
    },
  };
}

describe('eachAtMost', () => {
  it('runs every item, in order, never more than the limit at once', async () => {
    const { job, started, mostAtOnce } = recorder();
    const items = Array.from({ length: 50 }, (_, index) => index);
    await eachAtMost(items, 4, job);
    assert.deepStrictEqual(started, items);
    assert.strictEqual(mostAtOnce(), 4);
  });

  it('runs fewer items than the limit all at once, and nothing at all for none', async () => {
    const few = recorder();
    await eachAtMost([1, 2], 16, few.job);
    assert.deepStrictEqual([few.started, few.mostAtOnce()], [[1, 2], 2]);
    const none = recorder();
    await eachAtMost([], 16, none.job);
    assert.deepStrictEqual(none.started, []);
  });

  it('rejects with a job\'s error, as Promise.all does', async () => {
    await assert.rejects(eachAtMost([1, 2, 3], 2, async (item) => {
      if (item === 2) throw new Error('unreadable 2');
    }), /unreadable 2/);
  });
});
