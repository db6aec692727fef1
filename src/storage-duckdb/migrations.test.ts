import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DuckDbDatabase } from './duckdb-database.js';
import { MIGRATIONS, runMigrations } from './migrations.js';
import { sqlRunner } from './sql-runner.js';

async function memoryDatabase(): Promise<{ db: ReturnType<typeof sqlRunner>; close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    db: sqlRunner(connection),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

describe('schema migrations', () => {
  it('applies every migration once, in order, and records it', async () => {
    const { db, close } = await memoryDatabase();
    try {
      assert.deepEqual(await runMigrations(db, 1000), MIGRATIONS.map((migration) => migration.version));
      assert.deepEqual(await runMigrations(db, 2000), [], 'a second run applies nothing');
      const recorded = await db.rows('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
      assert.deepEqual(recorded.map((row) => Number(row['version'])), MIGRATIONS.map((migration) => migration.version));
      assert.equal(Number(recorded[0]?.['applied_at']), 1000);
      const tables = await db.rows(`SELECT table_name FROM information_schema.tables ORDER BY table_name`);
      for (const table of ['log_events', 'log_groups', 'log_streams', 'metric_filters', 'store_counters']) {
        assert.ok(tables.some((row) => row['table_name'] === table), `${table} exists`);
      }
    } finally {
      close();
    }
  });

  it('keeps every event, and an invocation record its indexed fields, when records move to a table of their own (0006)', async () => {
    const { db, close } = await memoryDatabase();
    try {
      // A database as version 5 left it.
      await db.run('CREATE TABLE schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at BIGINT NOT NULL)');
      for (const migration of MIGRATIONS.filter((m) => m.version <= 5)) {
        for (const statement of migration.statements) await db.run(statement);
        await db.run(`INSERT INTO schema_migrations VALUES (${migration.version}, 'v', 0)`);
      }
      await db.run(`INSERT INTO log_events VALUES
        (1, 1, 10, 11, 1, 'plain', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 5),
        (1, 1, 20, 21, 2, 'record', true, 'm', 'Converse', 'r', NULL, '12', '30', '300', 6),
        (1, 1, 30, 31, 3, 'before 0005', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
      assert.deepEqual(await runMigrations(db, 1000), [6, 7, 8]);
      const plain = await db.rows('SELECT seq, message, message_bytes FROM log_events ORDER BY seq');
      assert.deepEqual(plain.map((row) => [Number(row['seq']), row['message'], row['message_bytes']]), [[1, 'plain', 5], [3, 'before 0005', null]]);
      const records = await db.rows('SELECT * FROM log_records');
      assert.deepEqual(records.map((row) => Object.values(row).map((value) => (typeof value === 'bigint' ? Number(value) : value))), [
        [1, 1, 20, 21, 2, 'record', 6, 'm', 'Converse', 'r', null, '12', '30', '300'],
      ]);
    } finally {
      close();
    }
  });

  it('rebuilds the event tables with FSST-compressed messages, keeping every event (0008)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelwatch-migration-'));
    try {
      const settings = { memoryLimit: '256MB', threads: 1, checkpointThreshold: '16MB' };
      let database = await DuckDbDatabase.open(dir, settings);
      let connection = await database.connect();
      let db = sqlRunner(connection);
      // A data file as version 7 left it, with messages DuckDB would store as a dictionary if left to choose.
      await db.run('CREATE TABLE schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at BIGINT NOT NULL)');
      for (const migration of MIGRATIONS.filter((m) => m.version <= 7)) {
        for (const statement of migration.statements) await db.run(statement);
        await db.run(`INSERT INTO schema_migrations VALUES (${migration.version}, 'v', 0)`);
      }
      await db.run(`INSERT INTO log_events SELECT 1, 1, i, i, i, 'event kind ' || (i % 5), 12 FROM range(50000) r(i)`);
      await db.run(`INSERT INTO log_records VALUES (1, 1, 5, 5, 50000, 'record', 6, 'm', 'Converse', 'r', NULL, '12', '30', '300')`);
      assert.deepEqual(await runMigrations(db, 1000), [8]);
      connection.closeSync();
      await database.close();

      // Reopened: the column's compression is part of the stored schema, not of the session that created it.
      database = await DuckDbDatabase.open(dir, settings);
      connection = await database.connect();
      db = sqlRunner(connection);
      try {
        await db.run(`INSERT INTO log_events SELECT 1, 1, i, i, i, 'event kind ' || (i % 5), 12 FROM range(50000, 60000) r(i)`);
        await db.run('CHECKPOINT');
        const kept = await db.rows(`SELECT (SELECT count(*) FROM log_events) AS plain, (SELECT count(DISTINCT message) FROM log_events) AS kinds,
          (SELECT f_model_id FROM log_records) AS model`);
        assert.deepEqual(kept.map((row) => [Number(row['plain']), Number(row['kinds']), row['model']]), [[60000, 5, 'm']]);
        const compression = await db.rows(`SELECT DISTINCT compression FROM pragma_storage_info('log_events')
          WHERE column_name = 'message' AND segment_type = 'VARCHAR' AND compression <> 'Constant'`);
        assert.deepEqual(compression.map((row) => row['compression']), ['FSST']);
      } finally {
        connection.closeSync();
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database written by a newer schema', async () => {
    const { db, close } = await memoryDatabase();
    try {
      await runMigrations(db, 1000);
      await db.run(`INSERT INTO schema_migrations VALUES (9999, 'from the future', 0)`);
      await assert.rejects(runMigrations(db, 2000), /newer than this server understands/);
    } finally {
      close();
    }
  });
});
