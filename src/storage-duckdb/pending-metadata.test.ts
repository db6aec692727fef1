import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { MetadataDeltas } from './metadata-deltas.js';
import { runMigrations } from './migrations.js';
import { PendingMetadata } from './pending-metadata.js';
import { sqlRunner, type SqlRunner } from './sql-runner.js';
import { StoreCounters } from './store-counters.js';

async function withDatabase(work: (db: SqlRunner) => Promise<void>): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const db = sqlRunner(connection);
    await runMigrations(db, 0);
    await db.run(`INSERT INTO log_groups (group_id, account_id, region, name, creation_time, log_group_class, deletion_protection, tags, stored_bytes)
      VALUES (1, '000000000000', 'us-east-1', 'g', 0, 'STANDARD', false, '{}', 100)`);
    await db.run(`INSERT INTO log_streams (stream_id, group_id, name, creation_time, first_event_timestamp, last_event_timestamp, last_ingestion_time, stored_bytes)
      VALUES (1, 1, 'a', 0, 50, 60, 70, 100), (2, 1, 'b', 0, NULL, NULL, NULL, 0)`);
    await work(db);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function metadataOf(db: SqlRunner): Promise<unknown[]> {
  const streams = await db.rows('SELECT stream_id, first_event_timestamp, last_event_timestamp, last_ingestion_time, stored_bytes FROM log_streams ORDER BY stream_id');
  const groups = await db.rows('SELECT stored_bytes FROM log_groups');
  return [...streams.map((row) => Object.values(row).map((value) => (value === null ? null : Number(value)))), Number(groups[0]?.['stored_bytes'])];
}

async function mark(db: SqlRunner): Promise<number> {
  return Number((await db.rows(`SELECT value FROM store_counters WHERE name = 'metadata_seq'`))[0]?.['value']);
}

describe('pending stream metadata', () => {
  it('counts, after a crash, exactly the events committed past the last write of it', async () => {
    await withDatabase(async (db) => {
      // Events 1-2 were counted (the stream row's 100 bytes); 3-5 were committed after, and their counts lost.
      await db.run(`UPDATE store_counters SET value = 3 WHERE name = 'metadata_seq'`);
      await db.run(`INSERT INTO log_events VALUES (1, 1, 55, 70, 1, repeat('x', 60), 60), (1, 1, 56, 70, 2, repeat('x', 40), 40),
        (1, 1, 40, 80, 3, 'four', 4), (1, 2, 90, 81, 4, 'ééé', 6)`);
      await db.run(`INSERT INTO log_records (group_id, stream_id, timestamp, ingestion_time, seq, message, message_bytes) VALUES (1, 1, 65, 82, 5, 'fifty', 5)`);
      const counters = await StoreCounters.load(db);
      const pending = await PendingMetadata.recover(db, counters);
      assert.deepEqual(await metadataOf(db), [[1, 50, 60, 70, 100], [2, null, null, null, 0], 100], 'recovery itself writes nothing');
      await pending.write(db);
      assert.deepEqual(await metadataOf(db), [[1, 40, 65, 82, 109], [2, 90, 90, 81, 6], 115]);
      assert.equal(await mark(db), 6, 'the mark moves past every seq handed out');
      const again = await PendingMetadata.recover(db, counters);
      await again.write(db);
      assert.deepEqual(await metadataOf(db), [[1, 40, 65, 82, 109], [2, 90, 90, 81, 6], 115], 'nothing is counted twice');
    });
  });

  it('writes added deltas once, and nothing when none are pending', async () => {
    await withDatabase(async (db) => {
      const counters = await StoreCounters.load(db);
      const pending = await PendingMetadata.recover(db, counters);
      await pending.write(db);
      assert.equal(await mark(db), 1, 'nothing pending: not even the mark is written');
      const deltas = new MetadataDeltas();
      deltas.addStream(2, 1, { minTimestamp: 10, maxTimestamp: 20, ingestionTime: 30, bytes: 7 });
      deltas.addStream(2, 1, { minTimestamp: 5, maxTimestamp: 15, ingestionTime: 25, bytes: 3 });
      counters.take('next_seq', 2);
      pending.add(deltas);
      await pending.write(db);
      await pending.write(db);
      assert.deepEqual(await metadataOf(db), [[1, 50, 60, 70, 100], [2, 5, 20, 30, 10], 110]);
      assert.equal(await mark(db), 3);
    });
  });
});
