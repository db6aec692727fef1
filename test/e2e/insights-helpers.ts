import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  GetQueryResultsCommand,
  PutLogEventsCommand,
  StartQueryCommand,
  type CloudWatchLogsClient,
  type GetQueryResultsCommandOutput,
  type StartQueryCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import type { CorpusEvent } from '../../src/query/testdata/execution-corpus.js';

const DAY_MS = 86_400_000;

/**
 * The execution corpus's events are dated 2024; PutLogEvents refuses events older than 14 days, so the e2e suite
 * moves them by a whole number of days (hour and day bins keep their alignment) so the last one falls yesterday, and
 * moves every event time in the expected rows by the same amount.
 */
export function corpusShift(events: readonly CorpusEvent[], now: number): number {
  const last = Math.max(...events.map((e) => e.timestamp));
  const yesterday = Math.floor(now / DAY_MS) * DAY_MS - DAY_MS;
  return yesterday - Math.floor(last / DAY_MS) * DAY_MS;
}

/** Times in expected rows from before this are literals of the query (fromMillis(0)), not event times. */
const EVENT_ERA = Date.UTC(2020, 0, 1);

/** Moves `YYYY-MM-DD HH:MM:SS.mmm` timestamps and 13-digit epoch-millisecond numbers in an expected row. */
export function shiftRow(row: string, shiftMs: number): string {
  return row
    .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}/g, (text) => {
      const at = Date.parse(`${text.replace(' ', 'T')}Z`);
      return at < EVENT_ERA ? text : new Date(at + shiftMs).toISOString().replace('T', ' ').replace('Z', '');
    })
    .replace(/\b1\d{12}\b/g, (digits) => String(Number(digits) + shiftMs));
}

/** Creates the corpus's groups and streams and writes its events. */
export async function seedCorpus(logs: CloudWatchLogsClient, events: readonly CorpusEvent[], shiftMs: number): Promise<void> {
  const groups = [...new Set(events.map((e) => e.group))];
  for (const logGroupName of groups) await logs.send(new CreateLogGroupCommand({ logGroupName }));
  const streams = new Map<string, CorpusEvent[]>();
  for (const event of events) {
    const key = `${event.group}\u0000${event.stream}`;
    streams.set(key, [...(streams.get(key) ?? []), event]);
  }
  for (const [key, streamEvents] of streams) {
    const [logGroupName = '', logStreamName = ''] = key.split('\u0000');
    await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
    // One call per event: a batch may not span 24 hours, and some streams' events do.
    for (const event of streamEvents) {
      await logs.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: [{ timestamp: event.timestamp + shiftMs, message: event.message }] }));
    }
  }
}

/** StartQuery, then GetQueryResults until the query has ended. */
export async function runQuery(logs: CloudWatchLogsClient, input: StartQueryCommandInput): Promise<GetQueryResultsCommandOutput> {
  const { queryId } = await logs.send(new StartQueryCommand(input));
  for (let attempt = 0; attempt < 600; attempt++) {
    const results = await logs.send(new GetQueryResultsCommand({ queryId }));
    if (results.status !== 'Running' && results.status !== 'Scheduled') return results;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`query ${queryId} did not finish`);
}

/** A result row as the corpus writes it: `field=value | ...`, without `@ptr`. */
export function corpusRow(row: readonly { field?: string; value?: string }[]): string {
  return row.filter((f) => f.field !== '@ptr').map((f) => `${f.field ?? ''}=${f.value ?? ''}`).join(' | ');
}
