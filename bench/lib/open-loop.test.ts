import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentile, runOpenLoop } from './open-loop.js';

test('percentile is the nearest rank', () => {
  const values = Float64Array.from([5, 1, 4, 2, 3, 6, 7, 8, 9, 10]);
  assert.equal(percentile(values, 0.5), 5);
  assert.equal(percentile(values, 0.99), 10);
  assert.equal(percentile(values, 0), 1);
  assert.ok(Number.isNaN(percentile(new Float64Array(0), 0.5)));
});

test('runOpenLoop sends every request once, counts failures apart and keeps their first error', async () => {
  const seen: number[] = [];
  const result = await runOpenLoop({
    rate: 2000, count: 40, maxSeconds: 5, maxInFlight: 1000,
    send: async (index) => {
      seen.push(index);
      if (index % 10 === 3) throw new Error(`boom ${index}`);
    },
  });
  assert.deepEqual(seen, Array.from({ length: 40 }, (_, i) => i));
  assert.equal(result.sent, 40);
  assert.equal(result.failed, 4);
  assert.equal(result.firstError, 'boom 3');
  assert.equal(result.latenciesMs.length, 36);
  assert.equal(result.fellBehind, false);
});

test('runOpenLoop stops sending once too many requests wait, and says so', async () => {
  const waiting: Array<() => void> = [];
  const loop = runOpenLoop({ rate: 5000, count: 1000, maxSeconds: 5, maxInFlight: 5, send: () => new Promise<void>((resolve) => waiting.push(resolve)) });
  // Answer nothing until the driver has given up sending, then let everything finish.
  while (waiting.length < 5) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (const answer of waiting) answer();
  const result = await loop;
  assert.equal(result.fellBehind, true);
  assert.equal(result.sent, 5);
  assert.equal(result.latenciesMs.length, 5);
});
