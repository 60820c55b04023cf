// The one wait every integration and UI test uses: it returns what it waited for, and when it gives up it
// says what it was waiting for (and what it saw last), so a red run needs no guessing.
import * as assert from 'assert';
import { holdsFor, waitFor, waitUntil } from '../harness/waiting';

describe('waiting', () => {
  it('returns the value `done` accepted, reading again until then', async () => {
    let reads = 0;
    const value = await waitFor('the third read', () => ++reads, (count) => count === 3, { intervalMs: 1 });
    assert.strictEqual(value, 3);
  });

  it('names what it waited for, how long, and the last value when it gives up', async () => {
    await assert.rejects(
      waitFor('the list is empty', () => Promise.resolve(['left over']), (list) => list.length === 0, { timeoutMs: 30, intervalMs: 5 }),
      { message: 'timed out after 30 ms waiting until the list is empty; last: ["left over"]' },
    );
    await assert.rejects(waitUntil('never', () => false, { timeoutMs: 1_000, intervalMs: 200 }), { message: 'timed out after 1 s waiting until never' });
  });

  it('ends the wait with the error a read throws', async () => {
    await assert.rejects(waitUntil('a read that fails', () => Promise.reject(new Error('gone')), { timeoutMs: 1_000 }), { message: 'gone' });
  });

  it('checks that a condition keeps holding, failing as soon as it does not', async () => {
    let checks = 0;
    await holdsFor('it holds', () => ++checks > 0, 30, { intervalMs: 5 });
    assert.ok(checks >= 2, `checked ${checks} times`);
    const start = Date.now();
    let left = 2;
    await assert.rejects(holdsFor('nothing comes back', () => --left > 0, 5_000, { intervalMs: 5 }), /^Error: nothing comes back: no longer true after \d+ ms \(it was to hold for 5 s\)$/);
    assert.ok(Date.now() - start < 1_000, 'it stopped at the first failed check');
  });
});
