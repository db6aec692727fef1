import { batchEvents, streamNames, type EventLayout, type GeneratedEvent } from './event-generator.js';
import type { IngestRequest } from './ingest-driver.js';
import { callLogs, prepareLogsRequest, type Endpoint } from './signed-client.js';

/** PutLogEvents limits: the batch size counts UTF-8 message bytes plus 26 per event. */
const MAX_BATCH_BYTES = 1_048_576;
const EVENT_OVERHEAD_BYTES = 26;

/** The PutLogEvents input for one batch (all events of one stream, in chronological order). */
export function putLogEventsBody(logGroupName: string, events: readonly GeneratedEvent[]): string {
  const parts: string[] = [];
  for (const event of events) parts.push(`{"timestamp":${event.timestamp},"message":${event.messageJson}}`);
  const stream = JSON.stringify(events[0]?.logStreamName ?? '');
  return `{"logGroupName":${JSON.stringify(logGroupName)},"logStreamName":${stream},"logEvents":[${parts.join(',')}]}`;
}

export function messageBytes(events: readonly GeneratedEvent[]): number {
  let bytes = 0;
  for (const event of events) bytes += Buffer.byteLength(event.message);
  return bytes;
}

/** A PutLogEvents body ready to sign. */
export interface EncodedBatch {
  readonly body: Buffer;
  readonly events: number;
  readonly messageBytes: number;
}

export function encodeBatch(logGroupName: string, events: readonly GeneratedEvent[]): EncodedBatch {
  const bytes = messageBytes(events);
  const size = bytes + EVENT_OVERHEAD_BYTES * events.length;
  if (size > MAX_BATCH_BYTES) throw new Error(`bench bug: a ${size}-byte batch exceeds the PutLogEvents limit; lower eventsPerBatch`);
  return { body: Buffer.from(putLogEventsBody(logGroupName, events)), events: events.length, messageBytes: bytes };
}

export async function signBatch(endpoint: Endpoint, batch: EncodedBatch): Promise<IngestRequest> {
  const prepared = await prepareLogsRequest(endpoint, 'PutLogEvents', batch.body);
  return { prepared, events: batch.events, messageBytes: batch.messageBytes };
}

/** Builds and signs one batch on demand, for runs too large to hold in memory. */
export function lazyRequests(endpoint: Endpoint, layout: EventLayout): (writer: number, batch: number) => Promise<IngestRequest> {
  return (writer, batch) => signBatch(endpoint, encodeBatch(layout.logGroupName, batchEvents(layout, writer, batch)));
}

export async function createGroupAndStreams(endpoint: Endpoint, layout: EventLayout): Promise<void> {
  await callLogs(endpoint, 'CreateLogGroup', { logGroupName: layout.logGroupName });
  for (const logStreamName of streamNames(layout)) {
    await callLogs(endpoint, 'CreateLogStream', { logGroupName: layout.logGroupName, logStreamName });
  }
}
