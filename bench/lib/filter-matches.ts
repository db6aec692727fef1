import type { DuckDBConnection } from '@duckdb/node-api';
import { callLogs, type Endpoint } from './signed-client.js';

/**
 * Collecting every match of a filter, from the server (FilterLogEvents, paged with nextToken) or from DuckDB (one
 * query), summarised as a count plus an order-independent digest of (stream, timestamp) so both sides can be
 * compared without holding two result sets.
 */
export interface MatchSet {
  readonly count: number;
  readonly digest: number;
  /** FilterLogEvents pages fetched (1 for DuckDB). */
  readonly pages: number;
}

interface FilterLogEventsOutput {
  readonly events?: readonly { readonly logStreamName?: string; readonly timestamp?: number }[];
  readonly nextToken?: string;
}

function keyHash(stream: string, timestamp: number): number {
  let h = 0x811c9dc5 ^ timestamp;
  const key = `${stream}|${timestamp}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export async function serverMatches(endpoint: Endpoint, logGroupName: string, filterPattern: string): Promise<MatchSet> {
  let count = 0;
  let digest = 0;
  let pages = 0;
  let nextToken: string | undefined;
  do {
    const output = await callLogs<FilterLogEventsOutput>(endpoint, 'FilterLogEvents', { logGroupName, filterPattern, limit: 10_000, nextToken });
    pages += 1;
    for (const event of output.events ?? []) {
      count += 1;
      digest = (digest + keyHash(event.logStreamName ?? '', event.timestamp ?? 0)) >>> 0;
    }
    nextToken = output.nextToken;
  } while (nextToken !== undefined);
  return { count, digest, pages };
}

/** Runs a query selecting `(log_stream, timestamp, message)` and materialises every row, as a client would. */
export async function duckdbMatches(connection: DuckDBConnection, sql: string): Promise<MatchSet> {
  const reader = await connection.runAndReadAll(sql);
  let count = 0;
  let digest = 0;
  for (const [stream, timestamp] of reader.getRows()) {
    count += 1;
    digest = (digest + keyHash(String(stream), Number(timestamp))) >>> 0;
  }
  return { count, digest, pages: 1 };
}

export function sameMatches(a: MatchSet, b: MatchSet): boolean {
  return a.count === b.count && a.digest === b.digest;
}
