import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import {
  CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, StartLiveTailCommand,
  type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';
import { REGION, TEST_CREDENTIALS, startServer, uniqueName, type RunningServer } from './harness.js';
import { logsTarget, send } from './raw-request.js';

/**
 * StartLiveTail through the real clients: @aws-sdk/client-cloudwatch-logs (StartLiveTailCommand, iterating the
 * response stream) and boto3's start_live_tail; the response is an AWS event stream framed by the awsJson codec.
 */
const TIMEOUT_MS = 2500;

type StreamEvent = StartLiveTailResponseStream;

describe('StartLiveTail', { timeout: 60_000 }, () => {
  let server: RunningServer;
  let logs: CloudWatchLogsClient;
  let tail: CloudWatchLogsClient;
  const group = uniqueName('/tail/sdk');

  /** A session the test can end: the SDK's iterator `return()` stops reading, aborting closes the connection. */
  const open = async (input: ConstructorParameters<typeof StartLiveTailCommand>[0]) => {
    const abort = new AbortController();
    const { responseStream } = await tail.send(new StartLiveTailCommand(input), { abortSignal: abort.signal });
    assert.ok(responseStream);
    return { events: responseStream[Symbol.asyncIterator](), stream: responseStream, close: () => abort.abort() };
  };
  const put = (messages: readonly string[], stream = 'app-1') =>
    logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: messages.map((message) => ({ timestamp: Date.now(), message })) }));

  before(async () => {
    server = await startServer({ config: { liveTail: { maxSessions: 3, sessionTimeoutMs: TIMEOUT_MS } } });
    logs = server.logs();
    // AWS SDKs prefix the host with `stream-` for StartLiveTail; a localhost endpoint needs that turned off.
    tail = new CloudWatchLogsClient({ endpoint: server.endpoint, region: REGION, credentials: { ...TEST_CREDENTIALS }, maxAttempts: 1, disableHostPrefix: true });
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    for (const stream of ['app-1', 'other-1']) await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  });
  /** `wanted` sessions, once earlier tests' closed ones are freed (as soon as the server notices the close). */
  const openWhenFree = async (wanted: number) => {
    const sessions: Awaited<ReturnType<typeof open>>[] = [];
    for (let attempt = 0; sessions.length < wanted; attempt++) {
      try {
        sessions.push(await open({ logGroupIdentifiers: [group] }));
      } catch (error) {
        if ((error as Error).name !== 'LimitExceededException' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return sessions;
  };
  after(async () => {
    tail.destroy();
    await server.stop();
  });

  it('routes requests whose Host carries the stream- or streaming- prefix, and answers initial errors as JSON', async () => {
    const port = new URL(server.endpoint).port;
    for (const host of [`stream-localhost:${port}`, `streaming-localhost:${port}`, `localhost:${port}`]) {
      const response = await send(server.endpoint, {
        headers: { ...logsTarget('StartLiveTail'), host },
        body: JSON.stringify({ logGroupIdentifiers: ['no-such-group'] }),
      });
      assert.equal(response.status, 400, host);
      assert.match(response.body, /"__type":"ResourceNotFoundException"/, host);
    }
    const bad = await send(server.endpoint, {
      headers: logsTarget('StartLiveTail'),
      body: JSON.stringify({ logGroupIdentifiers: [group, group], logStreamNames: ['app-1'] }),
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /"__type":"InvalidParameterException"/);
  });


  it('streams sessionStart, then per-second updates with the matching events', async () => {
    const { events, close } = await open({ logGroupIdentifiers: [group], logStreamNamePrefixes: ['app'], logEventFilterPattern: 'ERROR' });
    const first = await events.next();
    assert.deepEqual(first.value?.sessionStart?.logGroupIdentifiers, [group]);
    await put(['ERROR in app', 'INFO in app']);
    await put(['ERROR elsewhere'], 'other-1');
    const results = await collect(events, 1);
    assert.deepEqual(results.map((r) => [r.logStreamName, r.message, r.logGroupIdentifier]), [['app-1', 'ERROR in app', `000000000000:${group}`]]);
    close();
  });

  it('samples an overload down to 500 events per update and says so', async () => {
    const { events, close } = await open({ logGroupIdentifiers: [group] });
    await events.next();
    await logs.send(new PutLogEventsCommand({
      logGroupName: group, logStreamName: 'app-1', logEvents: Array.from({ length: 2000 }, (_, i) => ({ timestamp: Date.now(), message: `burst ${i}` })),
    }));
    let sampled = false;
    let received = 0;
    while (received < 500) {
      const { value } = await events.next();
      const update = (value as StreamEvent).sessionUpdate;
      assert.ok((update?.sessionResults?.length ?? 0) <= 500);
      received += update?.sessionResults?.length ?? 0;
      sampled ||= update?.sessionMetadata?.sampled === true;
    }
    assert.ok(sampled, 'an update says it was sampled');
    close();
  });

  it('refuses sessions beyond the concurrent quota with LimitExceededException, and frees a slot on close', async () => {
    const sessions = await openWhenFree(3);
    for (const session of sessions) await session.events.next();
    await assert.rejects(tail.send(new StartLiveTailCommand({ logGroupIdentifiers: [group] })), { name: 'LimitExceededException' });
    for (const session of sessions) session.close();
    for (const session of await openWhenFree(1)) session.close();
  });

  it('ends a session with SessionTimeoutException after the (configured) timeout', async () => {
    const [{ stream }] = (await openWhenFree(1)) as [Awaited<ReturnType<typeof open>>];
    await assert.rejects(async () => {
      for await (const event of stream) void event;
    }, { name: 'SessionTimeoutException' });
  });

  it('works from boto3 with inject_host_prefix=False', () => {
    const script = `
import boto3, json, sys, time
from botocore.config import Config
logs = boto3.client('logs', endpoint_url=sys.argv[1], config=Config(inject_host_prefix=False))
for attempt in range(50):  # slots of sessions the previous tests closed are freed as the server notices
    try:
        stream = logs.start_live_tail(logGroupIdentifiers=[sys.argv[2]], logEventFilterPattern='boto')['responseStream']
        break
    except logs.exceptions.LimitExceededException:
        time.sleep(0.1)
out = {'start': None, 'messages': []}
for event in stream:
    if 'sessionStart' in event:
        out['start'] = event['sessionStart']['logGroupIdentifiers']
        logs.put_log_events(logGroupName=sys.argv[2], logStreamName='app-1', logEvents=[{'timestamp': int(time.time() * 1000), 'message': 'hello boto'}])
    elif 'sessionUpdate' in event:
        out['messages'] += [r['message'] for r in event['sessionUpdate']['sessionResults']]
        if out['messages']:
            break
stream.close()
print(json.dumps(out))
`;
    const run = spawnSync('python3', ['-c', script, server.endpoint, group], {
      encoding: 'utf8', timeout: 20_000,
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: REGION },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { start: [group], messages: ['hello boto'] });
  });
});

/** Reads updates until `count` results arrived (updates come every second, most of them empty). */
async function collect(events: AsyncIterator<StreamEvent>, count: number) {
  const results = [];
  while (results.length < count) {
    const { value, done } = await events.next();
    assert.equal(done, false);
    results.push(...((value as StreamEvent).sessionUpdate?.sessionResults ?? []));
  }
  return results;
}
