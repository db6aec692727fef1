import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance } from '@duckdb/node-api';
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';
import { WriteLane } from './write-lane.js';

async function lane(): Promise<WriteLane> {
  const instance = await DuckDBInstance.create(':memory:');
  return new WriteLane(await instance.connect());
}

/** Records each turn's batch; every item answers with its own value. */
async function recorder(options: Partial<GroupCommitOptions<number, number>>) {
  const turns: number[][] = [];
  const group = new GroupCommit<number, number>({
    lane: await lane(),
    maxWeightPerCommit: 100,
    weightOf: () => 1,
    commit: async (_db, batch) => {
      turns.push([...batch]);
      return batch;
    },
    ...options,
  });
  return { group, turns };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GroupCommit', () => {
  it('commits at once without a linger rule', async () => {
    const { group, turns } = await recorder({});
    const first = group.submit(1);
    await tick(5);
    const second = group.submit(2);
    assert.deepEqual(await Promise.all([first, second]), [1, 2]);
    assert.deepEqual(turns, [[1], [2]]);
  });

  it('waits for more while the rule holds, and commits as soon as it no longer does', async () => {
    const { group, turns } = await recorder({ lingerWhile: (queued) => queued.length < 3, maxLingerMs: 5_000 });
    const started = Date.now();
    const answers = [group.submit(1)];
    await tick(5);
    answers.push(group.submit(2));
    await tick(5);
    answers.push(group.submit(3));
    assert.deepEqual(await Promise.all(answers), [1, 2, 3]);
    assert.deepEqual(turns, [[1, 2, 3]]);
    assert.ok(Date.now() - started < 1_000, 'did not wait for the deadline');
  });

  it('never waits longer than maxLingerMs', async () => {
    const { group, turns } = await recorder({ lingerWhile: () => true, maxLingerMs: 20 });
    const started = Date.now();
    assert.equal(await group.submit(7), 7);
    assert.ok(Date.now() - started >= 15);
    assert.deepEqual(turns, [[7]]);
  });
});
