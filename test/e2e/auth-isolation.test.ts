import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand, type GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, TEST_ACCOUNT, uniqueName } from './harness.js';
import { logsTarget, send } from './raw-request.js';

const TIMEOUT = { timeout: 30_000 };
const KEY_1 = { accessKeyId: 'AKIAEXAMPLE1', secretAccessKey: 'secret1' };
const KEY_2 = { accessKeyId: 'AKIAEXAMPLE2', secretAccessKey: 'secret2' };

async function groupArns(logs: CloudWatchLogsClient, prefix: string): Promise<string[]> {
  const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix }));
  return (out.logGroups ?? []).map((g) => g.arn ?? '');
}

describe('strict auth, accounts and regions', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;

  before(async () => {
    server = await startServer({
      auth: 'strict',
      accessKeys: {
        [KEY_1.accessKeyId]: { secretAccessKey: KEY_1.secretAccessKey, accountId: '111111111111' },
        [KEY_2.accessKeyId]: { secretAccessKey: KEY_2.secretAccessKey, accountId: '222222222222' },
      },
    });
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  test('STS GetCallerIdentity reports the account of each key', TIMEOUT, async () => {
    const running = server;
    assert.ok(running);
    const expectations: Array<[typeof KEY_1 | undefined, string]> = [[undefined, TEST_ACCOUNT], [KEY_1, '111111111111'], [KEY_2, '222222222222']];
    for (const [credentials, account] of expectations) {
      const id: GetCallerIdentityCommandOutput = await running.sts({ credentials }).send(new GetCallerIdentityCommand({}));
      assert.equal(id.Account, account);
      assert.match(id.Arn ?? '', new RegExp(`^arn:aws:(iam|sts)::${account}:`));
      assert.equal(typeof id.UserId, 'string');
    }
  });

  test('an unknown access key is UnrecognizedClientException', TIMEOUT, async () => {
    assert.ok(server);
    const stranger = server.logs({ credentials: { accessKeyId: 'AKIANOTCONFIGURED', secretAccessKey: 'whatever' } });
    await expectAwsError(stranger.send(new DescribeLogGroupsCommand({})), 'UnrecognizedClientException');
  });

  test('a wrong secret is InvalidSignatureException', TIMEOUT, async () => {
    assert.ok(server);
    const wrong = server.logs({ credentials: { accessKeyId: KEY_1.accessKeyId, secretAccessKey: 'not-secret1' } });
    await expectAwsError(wrong.send(new DescribeLogGroupsCommand({})), 'InvalidSignatureException');
    const wrongTest = server.logs({ credentials: { accessKeyId: 'test', secretAccessKey: 'nope' } });
    await expectAwsError(wrongTest.send(new DescribeLogGroupsCommand({})), 'InvalidSignatureException');
  });

  test('an unsigned request is refused with a JSON client error', TIMEOUT, async () => {
    assert.ok(server);
    const res = await send(server.endpoint, { headers: logsTarget('DescribeLogGroups'), body: '{}', sign: false });
    assert.ok(res.status === 400 || res.status === 403, `status ${res.status}`);
    assert.equal(typeof (JSON.parse(res.body) as { __type?: unknown }).__type, 'string');
  });

  test('accounts are isolated: same name in two accounts, each sees only its own', TIMEOUT, async () => {
    assert.ok(server);
    const name = uniqueName('/iso/account');
    const one = server.logs({ credentials: KEY_1 });
    const two = server.logs({ credentials: KEY_2 });
    await one.send(new CreateLogGroupCommand({ logGroupName: name }));
    assert.deepEqual(await groupArns(two, name), []);
    assert.deepEqual(await groupArns(server.logs(), name), [], 'the test account does not see it either');
    await two.send(new CreateLogGroupCommand({ logGroupName: name }));
    assert.deepEqual(await groupArns(one, name), [`arn:aws:logs:us-east-1:111111111111:log-group:${name}:*`]);
    assert.deepEqual(await groupArns(two, name), [`arn:aws:logs:us-east-1:222222222222:log-group:${name}:*`]);
  });

  test('regions are isolated: the signing region scopes every resource', TIMEOUT, async () => {
    assert.ok(server);
    const name = uniqueName('/iso/region');
    const east = server.logs();
    const west = server.logs({ region: 'eu-west-1' });
    await east.send(new CreateLogGroupCommand({ logGroupName: name }));
    assert.deepEqual(await groupArns(west, name), []);
    await west.send(new CreateLogGroupCommand({ logGroupName: name }));
    assert.deepEqual(await groupArns(west, name), [`arn:aws:logs:eu-west-1:${TEST_ACCOUNT}:log-group:${name}:*`]);
    assert.deepEqual(await groupArns(east, name), [`arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${name}:*`]);
  });
});

describe('permissive auth', { timeout: 60_000 }, () => {
  let server: RunningServer | undefined;

  before(async () => {
    server = await startServer({ auth: 'permissive', defaultAccount: '123456789012' });
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  test('any key and secret is accepted, in the default account', TIMEOUT, async () => {
    assert.ok(server);
    const credentials = { accessKeyId: 'ANYTHING', secretAccessKey: 'goes' };
    const id = await server.sts({ credentials }).send(new GetCallerIdentityCommand({}));
    assert.equal(id.Account, '123456789012');
    const name = uniqueName('perm');
    const logs = server.logs({ credentials });
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    assert.deepEqual(await groupArns(logs, name), [`arn:aws:logs:us-east-1:123456789012:log-group:${name}:*`]);
  });

  test('a 12-digit access key id is its own account', TIMEOUT, async () => {
    assert.ok(server);
    const credentials = { accessKeyId: '444455556666', secretAccessKey: 'x' };
    const id = await server.sts({ credentials }).send(new GetCallerIdentityCommand({}));
    assert.equal(id.Account, '444455556666');
    const name = uniqueName('perm12');
    const logs = server.logs({ credentials });
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    assert.deepEqual(await groupArns(logs, name), [`arn:aws:logs:us-east-1:444455556666:log-group:${name}:*`]);
    assert.deepEqual(await groupArns(server.logs({ credentials: { accessKeyId: 'OTHER', secretAccessKey: 'y' } }), name), []);
  });
});
