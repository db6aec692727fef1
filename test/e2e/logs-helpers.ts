import {
  type CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  type FilterLogEventsCommandInput,
  type FilteredLogEvent,
  GetLogEventsCommand,
  type InputLogEvent,
  type OutputLogEvent,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';

/** Short ways to set up and read back data through the real API; assertions stay in the tests. */

const MAX_PAGES = 1_000;

export async function createGroupWithStreams(logs: CloudWatchLogsClient, group: string, streams: readonly string[]): Promise<void> {
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  for (const stream of streams) await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
}

/** Puts messages one millisecond apart, ending `endAgoMs` before now. */
export async function putMessages(
  logs: CloudWatchLogsClient,
  target: { readonly group: string; readonly stream: string },
  messages: readonly string[],
  endAgoMs = 60_000,
): Promise<InputLogEvent[]> {
  const start = Date.now() - endAgoMs - messages.length;
  const logEvents = messages.map((message, index) => ({ timestamp: start + index, message }));
  await logs.send(new PutLogEventsCommand({ logGroupName: target.group, logStreamName: target.stream, logEvents }));
  return logEvents;
}

/** Follows `nextToken` until it is absent, as the API reference says a client must. */
export async function filterAll(logs: CloudWatchLogsClient, input: FilterLogEventsCommandInput): Promise<FilteredLogEvent[]> {
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await logs.send(new FilterLogEventsCommand({ ...input, nextToken }));
    events.push(...(out.events ?? []));
    nextToken = out.nextToken;
    if (nextToken === undefined) return events;
  }
  throw new Error(`FilterLogEvents still returned a nextToken after ${MAX_PAGES} pages`);
}

/** Reads a stream from the head, stopping when the forward token comes back unchanged (the documented end test). */
export async function getAllFromHead(
  logs: CloudWatchLogsClient,
  target: { readonly group: string; readonly stream: string },
  limit?: number,
): Promise<OutputLogEvent[]> {
  const events: OutputLogEvent[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await logs.send(new GetLogEventsCommand({
      logGroupName: target.group, logStreamName: target.stream, startFromHead: true, nextToken, limit,
    }));
    events.push(...(out.events ?? []));
    if (out.nextForwardToken === undefined) throw new Error('GetLogEvents returned no nextForwardToken');
    if (out.nextForwardToken === nextToken) return events;
    nextToken = out.nextForwardToken;
  }
  throw new Error(`GetLogEvents did not reach the end after ${MAX_PAGES} pages`);
}

export function messagesOf(events: ReadonlyArray<{ readonly message?: string | undefined }>): string[] {
  return events.map((event) => event.message ?? '<missing message>');
}
