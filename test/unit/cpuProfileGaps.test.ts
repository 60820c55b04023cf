// The editor bench's split of the extension host's stalls between Truthline and the rest.
import * as assert from 'node:assert/strict';
import { attributeStalls, type CpuProfile } from '../../scripts/cpuProfileGaps';

const OURS = 'file:///ext/dist/extension.js';
const frame = (functionName: string, url = 'file:///vscode/extensionHostProcess.js'): { functionName: string; url: string } => ({ functionName, url });

// root > processTimers > rebuildNow (ours) > buildModel (ours); root > processImmediate > other; root > (garbage collector)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5, 6] },
    { id: 2, callFrame: frame('processTimers'), children: [3] },
    { id: 3, callFrame: frame('rebuildNow', OURS), children: [4] },
    { id: 4, callFrame: frame('buildModel', OURS) },
    { id: 5, callFrame: frame('processImmediate'), children: [7] },
    { id: 6, callFrame: frame('(garbage collector)', '') },
    { id: 7, callFrame: frame('tokenize') },
  ],
  startTime: 1_000_000,
  // One sample a millisecond: 10 in ours, 3 of collection, 10 of another's, then ours again.
  samples: [...Array<number>(10).fill(4), 6, 6, 6, ...Array<number>(10).fill(7), 4, 4],
  timeDeltas: Array<number>(25).fill(1_000),
};

describe('bench: whose stalls', () => {
  it('gives a stall to Truthline when most of its script samples are in the bundle, collections counting for nobody', () => {
    const [ours, theirs, both] = attributeStalls(profile, [
      { at: 0, ms: 12, fromUs: 1_000_500 }, // ours, then collection
      { at: 13, ms: 10, fromUs: 1_013_500 }, // another's
      { at: 0, ms: 25, fromUs: 1_000_500 }, // twelve ours, ten another's
    ], (url) => url === OURS);
    assert.deepEqual([ours?.ours, ours?.what, ours?.runningMs], [1, 'rebuildNow > buildModel', 12]);
    assert.deepEqual([theirs?.ours, theirs?.what], [0, '']);
    assert.equal(both?.ours, 12 / 22);
  });

  it('finds no sample in a stall outside the profile, and says the thread did not run in it', () => {
    const [outside] = attributeStalls(profile, [{ at: 0, ms: 5, fromUs: 5_000_000 }], (url) => url === OURS);
    assert.deepEqual([outside?.ours, outside?.what, outside?.runningMs], [0, '', 0]);
  });
});
