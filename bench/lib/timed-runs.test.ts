import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairedRuns, timedRuns } from './timed-runs.js';

test('pairedRuns warms both sides up, then times them turn about (ABBA)', async () => {
  const calls: string[] = [];
  let n = 0;
  const paired = await pairedRuns(4, async () => { calls.push('ours'); return ++n; }, async () => { calls.push('theirs'); return 'x'; });
  assert.deepEqual(calls, ['ours', 'theirs', 'ours', 'theirs', 'theirs', 'ours', 'ours', 'theirs', 'theirs', 'ours']);
  assert.equal(paired.ours.allMs.length, 4);
  assert.equal(paired.theirs.allMs.length, 4);
  assert.equal(paired.ours.result, 5, 'the result of the last timed run');
  assert.equal(paired.theirs.result, 'x');
  const turns = paired.ours.allMs.map((ms, turn) => ms / (paired.theirs.allMs[turn] ?? 0)).sort((a, b) => a - b);
  assert.equal(paired.ratio, ((turns[1] ?? 0) + (turns[2] ?? 0)) / 2, 'the median of the per-turn ratios');
});

test('timedRuns times every run after the warm-up and reports their median', async () => {
  let n = 0;
  const runs = await timedRuns(3, async () => ++n);
  assert.equal(runs.allMs.length, 3);
  assert.equal(runs.result, 4);
  const sorted = [...runs.allMs].sort((a, b) => a - b);
  assert.equal(runs.medianMs, sorted[1]);
});
