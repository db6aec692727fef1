import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Scope, Storage } from '../storage/index.js';
import { DATABASE_FILE } from './duckdb-database.js';
import { openDuckDbStorage } from './duckdb-storage.js';

const scope: Scope = { accountId: '123456789012', region: 'us-east-1' };
const group = { creationTime: 1, logGroupClass: 'STANDARD', deletionProtectionEnabled: false, tags: {} } as const;
const events = (label: string, count = 3): { timestamp: number; message: string }[] =>
  Array.from({ length: count }, (_, index) => ({ timestamp: 1_700_000_000_000 + index, message: `${label} ${index}` }));

/** Rows physically in log_events, read from the file after the storage is closed. */
async function rawEventRows(dataDir: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(join(dataDir, DATABASE_FILE));
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll('SELECT message FROM log_events ORDER BY seq');
    connection.closeSync();
    return reader.getRowsJS().map((row) => String(row[0]));
  } finally {
    instance.closeSync();
  }
}

describe('DuckDB event writer', () => {
  let dataDir: string;
  let storage: Storage;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-writer-'));
    storage = await openDuckDbStorage({ dataDir });
    await storage.logs.createLogGroup(scope, { logGroupName: 'g', ...group });
  });
  after(async () => {
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports no-stream and writes nothing when the stream is deleted before the append commits', async () => {
    await storage.logs.createLogStream(scope, 'g', 'doomed', 1);
    await storage.logs.append(scope, 'g', 'doomed', events('warm'), 2); // the stream's ids are now cached
    const deleting = storage.logs.deleteLogStream(scope, 'g', 'doomed');
    const appending = storage.logs.append(scope, 'g', 'doomed', events('late'), 3);
    assert.equal(await deleting, 'deleted');
    assert.deepEqual(await appending, { kind: 'no-stream' });
  });

  it('does not write rows filled under old ids into a stream recreated before the commit', async () => {
    await storage.logs.createLogStream(scope, 'g', 'reborn', 1);
    await storage.logs.append(scope, 'g', 'reborn', events('first life'), 2);
    // Delete and create queue on the write lane ahead of the append, which fills its chunks with the cached ids.
    const deleting = storage.logs.deleteLogStream(scope, 'g', 'reborn');
    const creating = storage.logs.createLogStream(scope, 'g', 'reborn', 5);
    const appending = storage.logs.append(scope, 'g', 'reborn', events('stale ids'), 3);
    assert.equal(await deleting, 'deleted');
    assert.equal(await creating, 'created');
    assert.deepEqual(await appending, { kind: 'no-stream' });
    assert.deepEqual(await storage.logs.readStream(scope, 'g', 'reborn', { direction: 'forward', limit: 10 }), []);
    assert.equal((await storage.logs.getLogStream(scope, 'g', 'reborn'))?.lastEventTimestamp, undefined);
  });

  it('keeps invocation records and plain events of one append in one order, whichever table holds them', async () => {
    await storage.logs.createLogGroup(scope, { logGroupName: 'mixed', ...group });
    await storage.logs.createLogStream(scope, 'mixed', 's', 1);
    // Same timestamps in runs, so seq alone orders them; records and plain lines alternate in uneven runs.
    const mixed = Array.from({ length: 5000 }, (_, i) => ({
      timestamp: 1_700_000_000_000 + Math.floor(i / 3),
      message: i % 5 < 2 ? JSON.stringify({ schemaType: 'ModelInvocationLog', requestId: `r${i}` }) : `plain ${i}`,
    }));
    const outcome = await storage.logs.append(scope, 'mixed', 's', mixed, 2);
    assert.equal(outcome.kind, 'appended');
    const forward = await storage.logs.readStream(scope, 'mixed', 's', { direction: 'forward', limit: 10_000 });
    assert.deepEqual(forward.map((e) => e.message), mixed.map((e) => e.message));
    assert.deepEqual(forward.map((e) => e.seq), mixed.map((_, i) => (outcome.kind === 'appended' ? outcome.firstSeq + i : -1)));
    const backward = await storage.logs.readStream(scope, 'mixed', 's', { direction: 'backward', limit: 7 });
    assert.deepEqual(backward.map((e) => e.message), mixed.slice(-7).reverse().map((e) => e.message));
    const scanned = await storage.logs.scanEvents(scope, 'mixed', { descending: false, limit: 4, from: { timestamp: forward[10]?.timestamp ?? 0, seq: forward[10]?.seq ?? 0 } });
    assert.deepEqual(scanned.map((e) => e.message), mixed.slice(11, 15).map((e) => e.message));
    assert.equal(await storage.logs.deleteLogStream(scope, 'mixed', 's'), 'deleted');
    await storage.logs.createLogStream(scope, 'mixed', 's', 3);
    assert.deepEqual(await storage.logs.readStream(scope, 'mixed', 's', { direction: 'forward', limit: 10 }), [], 'both tables emptied');
  });

  it('stores every safe integer timestamp exactly, whatever its 32-bit halves', async () => {
    const timestamps = [-(2 ** 32) - 5, -1, 0, 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 52 + 3, Number.MAX_SAFE_INTEGER];
    await storage.logs.createLogStream(scope, 'g', 'wide', 1);
    const outcome = await storage.logs.append(scope, 'g', 'wide', timestamps.map((timestamp) => ({ timestamp, message: `at ${timestamp}` })), 2);
    assert.equal(outcome.kind, 'appended');
    const stored = await storage.logs.readStream(scope, 'g', 'wide', { direction: 'forward', limit: 100 });
    assert.deepEqual(stored.map((event) => [event.timestamp, event.message]), timestamps.map((timestamp) => [timestamp, `at ${timestamp}`]));
    // Seq numbers go through the same halves: consecutive, in append order.
    const seqs = stored.map((event) => event.seq);
    assert.deepEqual(seqs, seqs.map((_, index) => (seqs[0] ?? 0) + index));
  });

  it('stores lone surrogates as U+FFFD and counts the bytes actually stored', async () => {
    await storage.logs.createLogGroup(scope, { logGroupName: 'utf8', ...group });
    await storage.logs.createLogStream(scope, 'utf8', 's', 1);
    await storage.logs.append(scope, 'utf8', 's', [{ timestamp: 1, message: 'a\uD800b' }], 2);
    const [event] = await storage.logs.readStream(scope, 'utf8', 's', { direction: 'forward', limit: 10 });
    assert.equal(event?.message, 'a\uFFFDb');
    assert.equal((await storage.logs.getLogGroup(scope, 'utf8'))?.storedBytes, 5);
  });

  it('rejects a non-integer timestamp alone, without failing the appends committed with it', async () => {
    await storage.logs.createLogStream(scope, 'g', 'mixed', 1);
    const good = storage.logs.append(scope, 'g', 'mixed', events('good'), 2);
    const bad = storage.logs.append(scope, 'g', 'mixed', [{ timestamp: 1.5, message: 'bad' }], 2);
    await assert.rejects(bad, RangeError);
    assert.equal((await good).kind, 'appended');
  });

  it('leaves no trace of refused appends in the table', async () => {
    await storage.close();
    const rows = await rawEventRows(dataDir);
    assert.ok(!rows.some((message) => message.startsWith('late') || message.startsWith('stale ids') || message === 'bad'));
    assert.ok(rows.includes('good 0'));
    storage = await openDuckDbStorage({ dataDir });
  });
});
