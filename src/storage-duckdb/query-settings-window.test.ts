import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QuerySettingsWindow } from './query-settings-window.js';
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

describe('QuerySettingsWindow', () => {
  it('raises the cap and the threads once for overlapping queries and restores the configured one after the last', async () => {
    const log: string[] = [];
    const db = recordingRunner(log);
    const window = new QuerySettingsWindow({ memoryLimit: '48MB', threads: 1 }, { memoryLimit: '512MB', threads: 2 });
    let release: () => void = () => undefined;
    const first = window.around(db, () => new Promise<void>((done) => (release = done)));
    await new Promise((done) => setImmediate(done));
    const second = window.around(db, () => Promise.resolve('second'));
    assert.equal(await second, 'second');
    assert.deepEqual(log, ["SET memory_limit = '512MB'", 'SET threads = 2']);
    release();
    await first;
    assert.deepEqual(log, ["SET memory_limit = '512MB'", 'SET threads = 2', "SET memory_limit = '48MB'", 'SET threads = 1']);
  });

  it('restores the settings when the query fails', async () => {
    const log: string[] = [];
    const window = new QuerySettingsWindow({ memoryLimit: '48MB', threads: 1 }, { memoryLimit: '512MB', threads: 2 });
    await assert.rejects(window.around(recordingRunner(log), () => Promise.reject(new Error('boom'))), /boom/);
    assert.deepEqual(log, ["SET memory_limit = '512MB'", 'SET threads = 2', "SET memory_limit = '48MB'", 'SET threads = 1']);
  });
});
