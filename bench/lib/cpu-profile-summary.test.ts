import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hotFunctions } from './cpu-profile-summary.js';

test('self time is summed per function from sample deltas, idle excluded, hottest first', () => {
  const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'file:///repo/dist/a.js', lineNumber });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(idle)', -1) },
      { id: 2, callFrame: frame('parse', 9) },
      { id: 3, callFrame: frame('append', 19) },
    ],
    samples: [2, 3, 2, 1, 2],
    timeDeltas: [1000, 2000, 1000, 50_000, 1000],
  };
  const hot = hotFunctions(profile, 5);
  assert.deepEqual(
    hot.map((entry) => [entry.name, entry.location, entry.selfMs]),
    [
      ['parse', 'dist/a.js:10', 3],
      ['append', 'dist/a.js:20', 2],
    ],
  );
  assert.equal(hot[0]!.share, 0.6);
});
