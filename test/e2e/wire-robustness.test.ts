import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { type CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { type RunningServer, startServer, uniqueName } from './harness.js';
import { assertJsonError, logsTarget, type RawResponse, send } from './raw-request.js';

/** Requests no SDK would send. None of them may get a 5xx or take the server down. */

const TIMEOUT = { timeout: 30_000 };

describe('wire robustness', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;
  let endpoint = '';
  const statuses: number[] = [];

  before(async () => {
    server = await startServer();
    endpoint = server.endpoint;
    logs = server.logs();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  async function raw(request: Parameters<typeof send>[1]): Promise<RawResponse> {
    const res = await send(endpoint, request);
    statuses.push(res.status);
    assert.ok(res.status < 500, `got ${res.status} for a client mistake: ${res.body}\n--- server output ---\n${server?.output() ?? ''}`);
    return res;
  }

  test('malformed JSON is 400 SerializationException', TIMEOUT, async () => {
    for (const body of ['{"limit":', '{', 'not json', '{"limit": 5,}']) {
      const res = await raw({ headers: logsTarget('DescribeLogGroups'), body });
      assert.equal(res.status, 400);
      assertJsonError(res, 'SerializationException');
    }
  });

  test('JSON that is not an object, or members of the wrong type, are 400s', TIMEOUT, async () => {
    for (const body of ['[]', '"text"', '42', 'null', '{"logGroupName": 42}', '{"logGroupName": {"a": 1}}', '{"logGroupName": ["x"]}']) {
      const res = await raw({ headers: logsTarget('CreateLogGroup'), body });
      assert.equal(res.status, 400, body);
      assertJsonError(res);
    }
  });

  test('an empty body is answered: as {} or as a client error', TIMEOUT, async () => {
    const res = await raw({ headers: logsTarget('DescribeLogGroups'), body: '' });
    if (res.status !== 200) assertJsonError(res);
    assertJsonError(await raw({ headers: logsTarget('CreateLogGroup'), body: '' }));
  });

  test('an unknown operation is UnknownOperationException', TIMEOUT, async () => {
    for (const operation of ['FlyToTheMoon', 'describeLogGroups', '']) {
      const res = await raw({ headers: logsTarget(operation), body: '{}' });
      assertJsonError(res, 'UnknownOperationException');
    }
  });

  test('a garbage or missing X-Amz-Target is a client error', TIMEOUT, async () => {
    for (const target of ['garbage', 'Logs_20140328', '.DescribeLogGroups', 'Logs_20990101.DescribeLogGroups', '\u00e9\u00e9']) {
      const res = await raw({ headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body: '{}' });
      assert.ok(res.status >= 400, `${target}: ${res.status}`);
    }
    const missing = await raw({ headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    assert.ok(missing.status >= 400);
  });

  test('a wrong Content-Type is answered, not crashed on', TIMEOUT, async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']) {
      const res = await raw({ headers: { ...logsTarget('DescribeLogGroups'), 'content-type': contentType }, body: '{}' });
      if (res.status !== 200) assertJsonError(res);
    }
  });

  test('binary garbage is a client error', TIMEOUT, async () => {
    const res = await raw({ headers: logsTarget('PutLogEvents'), body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) });
    assertJsonError(res);
  });

  test('an oversized body is refused with 413 or 400', { timeout: 60_000 }, async () => {
    const message = 'x'.repeat(1000);
    const events = Array.from({ length: 22_000 }, (_, i) => `{"timestamp":${Date.now() + i},"message":"${message}"}`).join(',');
    const body = `{"logGroupName":"big","logStreamName":"big","logEvents":[${events}]}`;
    assert.ok(Buffer.byteLength(body) > 20 * 1024 * 1024);
    const res = await raw({ headers: logsTarget('PutLogEvents'), body });
    assert.ok(res.status === 413 || res.status === 400, `status ${res.status}`);
  });

  test('a gzip request body (Content-Encoding: gzip) is accepted', TIMEOUT, async () => {
    const name = uniqueName('gzip');
    const body = gzipSync(JSON.stringify({ logGroupName: name }));
    const res = await raw({ headers: { ...logsTarget('CreateLogGroup'), 'content-encoding': 'gzip' }, body });
    assert.equal(res.status, 200, res.body);
    const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }));
    assert.deepEqual(out.logGroups?.map((g) => g.logGroupName), [name]);
  });

  test('a corrupt gzip body, or an unknown encoding, is a client error', TIMEOUT, async () => {
    const corrupt = await raw({ headers: { ...logsTarget('DescribeLogGroups'), 'content-encoding': 'gzip' }, body: Buffer.from('not gzip at all') });
    assertJsonError(corrupt);
    const unknown = await raw({ headers: { ...logsTarget('DescribeLogGroups'), 'content-encoding': 'snappy-ish' }, body: '{}' });
    assert.ok(unknown.status === 200 || unknown.status >= 400);
  });

  test('other methods and paths on the API port are answered', TIMEOUT, async () => {
    for (const [method, path] of [['GET', '/'], ['PUT', '/'], ['DELETE', '/'], ['GET', '/favicon.ico'], ['POST', '/no/such/path'], ['OPTIONS', '/']]) {
      await raw({ method, path, headers: logsTarget('DescribeLogGroups'), body: method === 'GET' ? undefined : '{}' });
    }
  });

  test('after all of that, and a burst of bad requests, the server is healthy and serves SDK calls', TIMEOUT, async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => raw({ headers: logsTarget(i % 2 === 0 ? 'Nope' : 'DescribeLogGroups'), body: '{' })));
    const health = await send(endpoint, { method: 'GET', path: '/_modelwatch/health', sign: false });
    assert.equal(health.status, 200);
    const out = await logs.send(new DescribeLogGroupsCommand({}));
    assert.ok(Array.isArray(out.logGroups));
    assert.ok(statuses.every((status) => status < 500), `statuses seen: ${statuses.join(',')}`);
    assert.equal(server?.process.exitCode, null, 'server still running');
  });
});
