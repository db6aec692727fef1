import { initialSchema } from './migrations/0001-initial-schema.js';
import { metricTables } from './migrations/0002-metric-tables.js';
import { bedrockLoggingConfig } from './migrations/0003-bedrock-logging-config.js';
import { queryDefinitions } from './migrations/0004-query-definitions.js';
import { indexedRecordFields } from './migrations/0005-indexed-record-fields.js';
import { recordsTable } from './migrations/0006-records-table.js';
import { metadataSeq } from './migrations/0007-metadata-seq.js';
import { fsstMessages } from './migrations/0008-fsst-messages.js';
import type { Migration } from './migrations/migration.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams, num } from './sql-values.js';
import { inTransaction } from './write-lane.js';

/** Append new migrations here (and as `migrations/NNNN-name.ts`); never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, metricTables, bedrockLoggingConfig, queryDefinitions, indexedRecordFields, recordsTable, metadataSeq, fsstMessages];

/** Brings the schema up to the latest version; returns the versions it applied. */
export async function runMigrations(db: SqlRunner, now: number): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at BIGINT NOT NULL
  )`);
  const rows = await db.rows('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((row) => num(row, 'version')));
  const latestKnown = Math.max(0, ...MIGRATIONS.map((migration) => migration.version));
  const newest = Math.max(0, ...applied);
  if (newest > latestKnown) {
    throw new Error(`database schema version ${newest} is newer than this server understands (${latestKnown})`);
  }
  const done: number[] = [];
  for (const migration of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    await inTransaction(db, async (tx) => {
      for (const statement of migration.statements) await tx.run(statement);
      const p = new SqlParams();
      await tx.run(
        `INSERT INTO schema_migrations VALUES (${p.int(migration.version)}, ${p.text(migration.name)}, ${p.bigint(now)})`,
        p,
      );
    });
    done.push(migration.version);
  }
  return done;
}
