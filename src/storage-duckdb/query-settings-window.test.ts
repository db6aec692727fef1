import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QuerySettingsWindow, type SettingsConnection } from './query-settings-window.js';

function recordingConnection(log: string[]): () => Promise<SettingsConnection> {
  return () => Promise.resolve({
    db: {
      rows: () => Promise.resolve([]),
      columns: () => Promise.resolve([]),
      run: (sql) => {
        log.push(sql);
        return Promise.resolve(0);
      },
      stream: () => Promise.resolve(),
    },
    close: () => log.push('close'),
  });
}

const CONFIGURED = { memoryLimit: '48MB', threads: 1 };
const QUERY = { memoryLimit: '512MB', threads: 2 };
const RAISE = ["SET memory_limit = '512MB'", 'SET threads = 2'];
const RESTORE = ["SET memory_limit = '48MB'", 'SET threads = 1'];
const tick = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('QuerySettingsWindow', () => {
  it('raises the cap and the threads once for overlapping queries and restores them a moment after the last', async () => {
    const log: string[] = [];
    const window = new QuerySettingsWindow(CONFIGURED, recordingConnection(log), QUERY, 30);
    let release: () => void = () => undefined;
    const first = window.around(() => new Promise<void>((done) => (release = done)));
    await tick(1);
    assert.equal(await window.around(() => Promise.resolve('second')), 'second');
    assert.deepEqual(log, RAISE);
    release();
    await first;
    assert.deepEqual(log, RAISE, 'not restored at once');
    await tick(60);
    assert.deepEqual(log, [...RAISE, ...RESTORE]);
  });

  it('returns freed memory by setting the configured cap again, but never while a query has raised it', async () => {
    const log: string[] = [];
    const window = new QuerySettingsWindow(CONFIGURED, recordingConnection(log), QUERY, 30);
    await window.returnFreedMemory();
    assert.deepEqual(log, ["SET memory_limit = '48MB'"]);
    let release: () => void = () => undefined;
    const query = window.around(() => new Promise<void>((done) => (release = done)));
    await tick(1);
    await window.returnFreedMemory();
    assert.deepEqual(log, ["SET memory_limit = '48MB'", ...RAISE], 'the raised cap stays while the query runs');
    release();
    await query;
    await tick(60);
    await window.returnFreedMemory();
    assert.deepEqual(log, ["SET memory_limit = '48MB'", ...RAISE, ...RESTORE, "SET memory_limit = '48MB'"]);
  });

  it('keeps the settings for a query that starts within the delay', async () => {
    const log: string[] = [];
    const window = new QuerySettingsWindow(CONFIGURED, recordingConnection(log), QUERY, 30);
    await window.around(() => Promise.resolve());
    await tick(10);
    await window.around(() => Promise.resolve());
    assert.deepEqual(log, RAISE);
    await tick(60);
    assert.deepEqual(log, [...RAISE, ...RESTORE]);
  });

  it('restores the settings when the query fails, and at close', async () => {
    const log: string[] = [];
    const window = new QuerySettingsWindow(CONFIGURED, recordingConnection(log), QUERY, 60_000);
    await assert.rejects(window.around(() => Promise.reject(new Error('boom'))), /boom/);
    await window.close();
    assert.deepEqual(log, [...RAISE, ...RESTORE, 'close']);
  });
});
