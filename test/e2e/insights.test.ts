import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeQueriesCommand,
  GetLogGroupFieldsCommand,
  GetLogRecordCommand,
  GetQueryResultsCommand,
  PutLogEventsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { readExecutionCorpus } from '../../src/query/testdata/execution-corpus.js';
import { readGoldenCases } from '../../src/query/testdata/golden-file.js';
import { expectAwsError } from './aws-assert.js';
import { startServer, type RunningServer } from './harness.js';
import { corpusRow, corpusShift, runQuery, seedCorpus, shiftRow } from './insights-helpers.js';

const TIMEOUT = { timeout: 60_000 };
const ACCOUNT = '123456789012';
const CREDENTIALS = { accessKeyId: 'AKIDINSIGHTS', secretAccessKey: 'insights-secret' };
const corpus = readExecutionCorpus();

describe('Logs Insights through @aws-sdk/client-cloudwatch-logs', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let logs: CloudWatchLogsClient;
  const shift = corpusShift(corpus.events, Date.now());
  const startTime = Math.floor((Math.min(...corpus.events.map((e) => e.timestamp)) + shift) / 1000) - 3600;
  const endTime = Math.floor(Date.now() / 1000) + 3600;

  before(async () => {
    server = await startServer({ accessKeys: { [CREDENTIALS.accessKeyId]: { secretAccessKey: CREDENTIALS.secretAccessKey, accountId: ACCOUNT } } });
    logs = server.logs({ credentials: CREDENTIALS });
    await seedCorpus(logs, corpus.events, shift);
  }, TIMEOUT);
  after(() => server.stop());

  describe('the execution corpus, as the SDK sees it', () => {
    for (const c of corpus.cases) {
      test(`${c.source} ${c.query}`, TIMEOUT, async () => {
        // A case's own range (diff compares ranges) moves with the events; StartQuery takes whole seconds.
        const range = {
          startTime: c.start === undefined ? startTime : Math.floor((c.start + shift) / 1000),
          endTime: c.end === undefined ? endTime : Math.floor((c.end + shift) / 1000),
        };
        const input = { logGroupNames: [...c.groups], ...range, queryString: c.query, ...(c.limit === undefined ? {} : { limit: c.limit }) };
        if (c.error !== undefined) {
          const failure = await expectAwsError(logs.send(new StartQueryCommand(input)), ['MalformedQueryException', 'InvalidParameterException']);
          assert.equal(failure.message, c.error);
          return;
        }
        const results = await runQuery(logs, input);
        assert.equal(results.status, 'Complete');
        assert.deepEqual((results.results ?? []).map(corpusRow), c.rows.map((row) => shiftRow(row, shift)));
        if (c.matched !== undefined) assert.equal(results.statistics?.recordsMatched, c.matched);
      });
    }
  });

  test('a syntax error is MalformedQueryException with queryCompileError.location', TIMEOUT, async () => {
    const queryString = 'fields @timestamp, custom_field | count()';
    const error = await expectAwsError(logs.send(new StartQueryCommand({ logGroupName: '/app', startTime, endTime, queryString })), 'MalformedQueryException');
    assert.match(error.message, /^mismatched input 'count' expecting \{fields, /);
    assert.deepEqual(error.queryCompileError, { location: { startCharOffset: 34, endCharOffset: 39 }, message: error.message });
  });

  test('every row carries @ptr, and GetLogRecord returns the whole event', TIMEOUT, async () => {
    const results = await runQuery(logs, { logGroupName: '/aws/bedrock/invocations', startTime, endTime, queryString: 'filter requestId = "r2" | fields requestId' });
    const row = results.results?.[0] ?? [];
    assert.deepEqual(row.map((f) => f.field), ['requestId', '@ptr']);
    const pointer = row.find((f) => f.field === '@ptr')?.value ?? '';
    const { logRecord } = await logs.send(new GetLogRecordCommand({ logRecordPointer: pointer }));
    assert.equal(logRecord?.requestId, 'r2');
    assert.equal(logRecord?.['input.inputTokenCount'], '5');
    assert.equal(logRecord?.['@log'], `${ACCOUNT}:/aws/bedrock/invocations`);
    assert.equal(logRecord?.['@logStream'], 'aws/bedrock/modelinvocations');
    assert.match(logRecord?.['@message'] ?? '', /"requestId":"r2"/);
    // A pointer is only good in its own account.
    await expectAwsError(server.logs().send(new GetLogRecordCommand({ logRecordPointer: pointer })), 'InvalidParameterException');
  });

  test('statistics count what was scanned and matched', TIMEOUT, async () => {
    const results = await runQuery(logs, { logGroupNames: ['/app'], startTime, endTime, queryString: 'filter @message like "ERROR"' });
    assert.deepEqual(results.statistics, {
      recordsMatched: 2,
      recordsScanned: 5,
      bytesScanned: corpus.events.filter((e) => e.group === '/app').reduce((sum, e) => sum + Buffer.byteLength(e.message), 0),
      logGroupsScanned: 1,
    });
  });

  test('the time range is inclusive and bounds the events', TIMEOUT, async () => {
    const r2 = corpus.events.find((e) => e.message.includes('"r2"'));
    assert.ok(r2 !== undefined);
    const at = Math.floor((r2.timestamp + shift) / 1000);
    const results = await runQuery(logs, { logGroupName: '/aws/bedrock/invocations', startTime: at, endTime: at, queryString: 'fields requestId' });
    assert.deepEqual((results.results ?? []).map(corpusRow), ['requestId=r2']);
  });

  test('GetQueryResults pages with maxItems and nextToken', TIMEOUT, async () => {
    const { queryId } = await logs.send(new StartQueryCommand({ logGroupName: '/aws/bedrock/invocations', startTime, endTime, queryString: 'fields requestId | sort requestId asc' }));
    let status;
    do status = (await logs.send(new GetQueryResultsCommand({ queryId }))).status;
    while (status === 'Running');
    const first = await logs.send(new GetQueryResultsCommand({ queryId, maxItems: 2 }));
    const second = await logs.send(new GetQueryResultsCommand({ queryId, maxItems: 2, nextToken: first.nextToken }));
    const third = await logs.send(new GetQueryResultsCommand({ queryId, maxItems: 2, nextToken: second.nextToken }));
    assert.deepEqual([first, second, third].flatMap((page) => (page.results ?? []).map(corpusRow)), ['requestId=r1', 'requestId=r2', 'requestId=r3', 'requestId=r4', 'requestId=r5']);
    assert.equal(third.nextToken, undefined);
    await expectAwsError(logs.send(new GetQueryResultsCommand({ queryId, nextToken: 'garbage' })), 'InvalidParameterException');
  });

  test('DescribeQueries lists queries newest first; StopQuery refuses an ended query', TIMEOUT, async () => {
    const queryString = 'stats count(*) by @logStream';
    const results = await runQuery(logs, { logGroupName: '/app', startTime, endTime, queryString });
    const { queries } = await logs.send(new DescribeQueriesCommand({ logGroupName: '/app', status: 'Complete' }));
    const described = queries?.find((q) => q.queryString === queryString);
    assert.equal(described?.status, 'Complete');
    assert.equal(described?.logGroupName, '/app');
    assert.equal(described?.queryLanguage, 'CWLI');
    assert.equal(results.status, 'Complete');
    await expectAwsError(logs.send(new StopQueryCommand({ queryId: described?.queryId ?? '' })), 'InvalidParameterException', /not running/);
  });

  test("StartQuery's own errors", TIMEOUT, async () => {
    const base = { startTime, endTime, queryString: 'fields @message' };
    await expectAwsError(logs.send(new StartQueryCommand({ ...base, logGroupName: '/does/not/exist' })), 'ResourceNotFoundException', /does not exist/);
    await expectAwsError(logs.send(new StartQueryCommand({ ...base, logGroupName: '/app', logGroupNames: ['/app'] })), 'InvalidParameterException');
    await expectAwsError(logs.send(new StartQueryCommand(base)), 'InvalidParameterException');
    await expectAwsError(logs.send(new StartQueryCommand({ ...base, logGroupName: '/app', startTime: endTime, endTime: startTime })), 'InvalidParameterException');
    await expectAwsError(logs.send(new StartQueryCommand({ ...base, logGroupName: '/app', queryLanguage: 'SQL' })), 'InvalidParameterException');
    await expectAwsError(logs.send(new GetQueryResultsCommand({ queryId: 'no-such-query' })), 'ResourceNotFoundException');
  });

  test('SOURCE logGroups(namePrefix: ...) selects the groups itself', TIMEOUT, async () => {
    const results = await runQuery(logs, { startTime, endTime, queryString: "SOURCE logGroups(namePrefix: ['/aws/bedrock']) | stats count(*) as c" });
    assert.deepEqual((results.results ?? []).map(corpusRow), ['c=5']);
  });
});

describe('every broken query of the parse-error corpus, through the SDK', { timeout: 120_000 }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer();
    await server.logs().send(new CreateLogGroupCommand({ logGroupName: '/broken' }));
  }, TIMEOUT);
  after(() => server.stop());

  const file = fileURLToPath(new URL('../../src/query/testdata/parse-errors.txt', import.meta.url));
  for (const c of readGoldenCases(file)) {
    test(`parse-errors.txt:${c.line} ${c.query}`, TIMEOUT, async () => {
      const [start, end] = (c.stages.get('at') ?? '').split('-').map(Number);
      const call = server.logs().send(new StartQueryCommand({ logGroupName: '/broken', startTime: 0, endTime: 1, queryString: c.query }));
      const error = await expectAwsError(call, 'MalformedQueryException');
      assert.equal(error.message, c.stages.get('error'));
      assert.deepEqual(error.queryCompileError, { location: { startCharOffset: start, endCharOffset: end }, message: c.stages.get('error') });
    });
  }
});

describe('GetLogGroupFields', { timeout: 60_000 }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer();
  }, TIMEOUT);
  after(() => server.stop());

  test('lists the fields of events within 8 minutes of time, most frequent first', TIMEOUT, async () => {
    const logs = server.logs();
    const logGroupName = '/fields';
    const now = Date.now();
    await writeGroup(logs, logGroupName, [
      { timestamp: now - 2000, message: '{"modelId":"a","input":{"inputTokenCount":3}}' },
      { timestamp: now - 1000, message: '{"modelId":"b"}' },
      { timestamp: now - 500, message: 'not json' },
      { timestamp: now - 100, message: '{"modelId":"c","tags":["x"]}' },
    ]);
    const { logGroupFields } = await logs.send(new GetLogGroupFieldsCommand({ logGroupName, time: Math.floor(now / 1000) }));
    assert.deepEqual(logGroupFields, [
      { name: '@ingestionTime', percent: 100 },
      { name: '@log', percent: 100 },
      { name: '@logStream', percent: 100 },
      { name: '@message', percent: 100 },
      { name: '@timestamp', percent: 100 },
      { name: 'modelId', percent: 75 },
      { name: 'input.inputTokenCount', percent: 25 },
      { name: 'tags.0', percent: 25 },
    ]);
    const past = await logs.send(new GetLogGroupFieldsCommand({ logGroupName, time: Math.floor(now / 1000) - 3600 }));
    assert.deepEqual(past.logGroupFields, []);
    await expectAwsError(logs.send(new GetLogGroupFieldsCommand({ logGroupName: '/nope' })), 'ResourceNotFoundException');
  });

  test("lists a Lambda group's discovered fields", TIMEOUT, async () => {
    const logs = server.logs();
    const logGroupName = '/aws/lambda/fields';
    const now = Date.now();
    const id = '7c1d2d5e-1b2a-4c3d-8e9f-0a1b2c3d4e5f';
    await writeGroup(logs, logGroupName, [
      { timestamp: now - 300, message: `START RequestId: ${id} Version: $LATEST` },
      { timestamp: now - 200, message: `END RequestId: ${id}` },
      { timestamp: now - 100, message: `REPORT RequestId: ${id}\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 18 MB\t` },
      { timestamp: now, message: 'plain' },
    ]);
    const { logGroupFields } = await logs.send(new GetLogGroupFieldsCommand({ logGroupName, time: Math.floor(now / 1000) }));
    const discovered = (logGroupFields ?? []).filter((f) => !['@ingestionTime', '@log', '@logStream', '@message', '@timestamp'].includes(f.name ?? ''));
    assert.deepEqual(discovered, [
      { name: '@requestId', percent: 75 },
      { name: '@type', percent: 75 },
      { name: '@billedDuration', percent: 25 },
      { name: '@duration', percent: 25 },
      { name: '@maxMemoryUsed', percent: 25 },
      { name: '@memorySize', percent: 25 },
    ]);
  });
});

/** A new group with one stream `s` holding these events. */
async function writeGroup(logs: CloudWatchLogsClient, logGroupName: string, logEvents: { timestamp: number; message: string }[]): Promise<void> {
  await logs.send(new CreateLogGroupCommand({ logGroupName }));
  await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName: 's' }));
  await logs.send(new PutLogEventsCommand({ logGroupName, logStreamName: 's', logEvents }));
}
