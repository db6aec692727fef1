import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
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
