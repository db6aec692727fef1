import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { type RunningServer, startServer, uniqueName } from './harness.js';
import { logsTarget, send, sendH2 } from './raw-request.js';

const TIMEOUT = { timeout: 30_000 };

describe('server endpoints: health, reset, HTTP/2', { timeout: 120_000 }, () => {
  let plain: RunningServer | undefined;
  let resettable: RunningServer | undefined;

  before(async () => {
    [plain, resettable] = await Promise.all([startServer(), startServer({ allowReset: true })]);
  }, { timeout: 60_000 });
  after(() => Promise.all([plain?.stop(), resettable?.stop()]), { timeout: 60_000 });

  const groupNames = async (server: RunningServer) =>
    ((await server.logs().send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map((g) => g.logGroupName);

  test('GET /_modelwatch/health answers {"status":"ok","version":...} without credentials', TIMEOUT, async () => {
    assert.ok(plain);
    const res = await send(plain.endpoint, { method: 'GET', path: '/_modelwatch/health', sign: false });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = JSON.parse(res.body) as { status?: unknown; version?: unknown };
    assert.equal(body.status, 'ok');
    assert.equal(typeof body.version, 'string');
  });

  test('successful API responses carry x-amzn-RequestId', TIMEOUT, async () => {
    assert.ok(plain);
    const res = await send(plain.endpoint, { headers: logsTarget('DescribeLogGroups'), body: '{}' });
    assert.equal(res.status, 200, res.body);
    assert.ok(res.headers['x-amzn-requestid']);
    assert.match(String(res.headers['content-type']), /^application\/x-amz-json-1\.1/);
  });

  test('POST /_modelwatch/reset wipes all state when --allow-reset is given', TIMEOUT, async () => {
    assert.ok(resettable);
    const name = uniqueName('reset');
    await resettable.logs().send(new CreateLogGroupCommand({ logGroupName: name }));
    assert.ok((await groupNames(resettable)).includes(name));
    const res = await send(resettable.endpoint, { method: 'POST', path: '/_modelwatch/reset', sign: false });
    assert.ok(res.status >= 200 && res.status < 300, `reset answered ${res.status}: ${res.body}`);
    assert.deepEqual(await groupNames(resettable), []);
    await resettable.logs().send(new CreateLogGroupCommand({ logGroupName: name }));
    assert.deepEqual(await groupNames(resettable), [name], 'the server keeps working after a reset');
  });

  test('without --allow-reset the reset endpoint is refused and nothing is wiped', TIMEOUT, async () => {
    assert.ok(plain);
    const name = uniqueName('noreset');
    await plain.logs().send(new CreateLogGroupCommand({ logGroupName: name }));
    const res = await send(plain.endpoint, { method: 'POST', path: '/_modelwatch/reset', sign: false });
    assert.ok(res.status >= 400 && res.status < 500, `reset answered ${res.status}`);
    assert.ok((await groupNames(plain)).includes(name));
  });

  test('cleartext HTTP/2 with prior knowledge (h2c) is answered on the same port', TIMEOUT, async () => {
    assert.ok(plain);
    const health = await sendH2(plain.endpoint, { method: 'GET', path: '/_modelwatch/health', sign: false });
    assert.equal(health.status, 200);
    assert.equal((JSON.parse(health.body) as { status?: unknown }).status, 'ok');

    const name = uniqueName('h2');
    const created = await sendH2(plain.endpoint, { headers: logsTarget('CreateLogGroup'), body: JSON.stringify({ logGroupName: name }) });
    assert.equal(created.status, 200, created.body);
    const listed = await sendH2(plain.endpoint, { headers: logsTarget('DescribeLogGroups'), body: JSON.stringify({ logGroupNamePrefix: name }) });
    assert.equal(listed.status, 200, listed.body);
    const body = JSON.parse(listed.body) as { logGroups?: Array<{ logGroupName?: string }> };
    assert.deepEqual(body.logGroups?.map((g) => g.logGroupName), [name]);
  });
});
