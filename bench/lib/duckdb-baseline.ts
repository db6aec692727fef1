import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { GeneratedEvent } from './event-generator.js';

/**
 * The DuckDB side of the comparisons: the same generated rows, written as NDJSON and loaded into a fresh DuckDB
 * database of our own, so "what DuckDB alone can do" is measured in the same run on the same machine.
 */
export interface ScratchDatabase {
  readonly connection: DuckDBConnection;
  close(): void;
}

/** Appends events as `{log_stream, timestamp, message}` lines, the rows every DuckDB baseline loads. */
export interface NdjsonWriter {
  write(events: readonly GeneratedEvent[]): Promise<void>;
  close(): Promise<void>;
}

export function openNdjsonWriter(path: string): NdjsonWriter {
  const out = createWriteStream(path);
  return {
    write: async (events) => {
      let text = '';
      for (const event of events) {
        text += `{"log_stream":${JSON.stringify(event.logStreamName)},"timestamp":${event.timestamp},"message":${event.messageJson}}\n`;
      }
      if (!out.write(text)) await once(out, 'drain');
    },
    close: async () => {
      out.end();
      await once(out, 'finish');
    },
  };
}

export async function openScratchDatabase(path: string): Promise<ScratchDatabase> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Explicit columns and format: no sampling pass, which is DuckDB's fastest way in for this file. */
export function readEventsSql(ndjsonPath: string): string {
  const path = ndjsonPath.replaceAll("'", "''");
  return `read_json('${path}', format = 'newline_delimited', columns = {log_stream: 'VARCHAR', timestamp: 'BIGINT', message: 'VARCHAR'})`;
}

export interface BulkLoadTiming {
  readonly rows: number;
  readonly elapsedMs: number;
}

/** Times `CREATE TABLE ... AS SELECT * FROM read_json(...)` into a fresh file database, checkpoint included. */
export async function timeBulkLoad(ndjsonPath: string, databasePath: string): Promise<BulkLoadTiming> {
  const db = await openScratchDatabase(databasePath);
  try {
    const started = performance.now();
    await db.connection.run(`CREATE TABLE events AS SELECT * FROM ${readEventsSql(ndjsonPath)}`);
    await db.connection.run('CHECKPOINT');
    const elapsedMs = performance.now() - started;
    const count = await db.connection.runAndReadAll('SELECT count(*) FROM events');
    return { rows: Number(count.getRows()[0]?.[0] ?? 0), elapsedMs };
  } finally {
    db.close();
  }
}
