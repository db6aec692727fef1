import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueryMemoryWindow } from './query-memory-window.js';
import type { SqlRunner } from './sql-runner.js';

function recordingRunner(log: string[]): SqlRunner {
  return {
    rows: () => Promise.resolve([]),
    columns: () => Promise.resolve([]),
    run: (sql) => {
      log.push(sql);
      return Promise.resolve(0);
    },
    stream: () => Promise.resolve(),
  };
}

describe('QueryMemoryWindow', () => {
  it('raises the cap once for overlapping queries and restores the configured one after the last', async () => {
    const log: string[] = [];
    const db = recordingRunner(log);
    const window = new QueryMemoryWindow('48MB', '512MB');
    let release: () => void = () => undefined;
    const first = window.around(db, () => new Promise<void>((done) => (release = done)));
    await new Promise((done) => setImmediate(done));
    const second = window.around(db, () => Promise.resolve('second'));
    assert.equal(await second, 'second');
    assert.deepEqual(log, ["SET memory_limit = '512MB'"]);
    release();
    await first;
    assert.deepEqual(log, ["SET memory_limit = '512MB'", "SET memory_limit = '48MB'"]);
  });

  it('restores the cap when the query fails', async () => {
    const log: string[] = [];
    const window = new QueryMemoryWindow('48MB', '512MB');
    await assert.rejects(window.around(recordingRunner(log), () => Promise.reject(new Error('boom'))), /boom/);
    assert.deepEqual(log, ["SET memory_limit = '512MB'", "SET memory_limit = '48MB'"]);
  });
});
