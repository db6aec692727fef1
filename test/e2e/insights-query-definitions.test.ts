import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DeleteQueryDefinitionCommand,
  DescribeQueryDefinitionsCommand,
  PutQueryDefinitionCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { expectAwsError } from './aws-assert.js';
import { startServer, type RunningServer } from './harness.js';

const TIMEOUT = { timeout: 60_000 };

/** Saved Logs Insights queries through @aws-sdk/client-cloudwatch-logs, including a restart of the server. */
describe('PutQueryDefinition / DescribeQueryDefinitions / DeleteQueryDefinition', { timeout: 120_000 }, () => {
  let dataDir: string;
  let server: RunningServer;
  let logs: CloudWatchLogsClient;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-e2e-qdef-'));
    server = await startServer({ dataDir });
    logs = server.logs();
  }, TIMEOUT);
  after(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const describeAll = async (prefix?: string) =>
    (await logs.send(new DescribeQueryDefinitionsCommand(prefix === undefined ? {} : { queryDefinitionNamePrefix: prefix }))).queryDefinitions ?? [];

  test('creates, lists with parameters, replaces whole on update, deletes', TIMEOUT, async () => {
    const created = await logs.send(new PutQueryDefinitionCommand({
      name: 'bedrock/tokens-by-model',
      queryString: 'filter modelId = "{{model}}" | stats sum(input.inputTokenCount) by bin({{period}})',
      logGroupNames: ['/aws/bedrock/invocations'],
      parameters: [{ name: 'model', defaultValue: 'anthropic.claude-3-haiku', description: 'model id' }, { name: 'period', defaultValue: '1h' }],
    }));
    const id = created.queryDefinitionId;
    assert.ok(id !== undefined && id.length > 0);
    const [listed] = await describeAll('bedrock/');
    assert.equal(listed?.queryDefinitionId, id);
    assert.equal(listed?.name, 'bedrock/tokens-by-model');
    assert.equal(listed?.queryLanguage, 'CWLI');
    assert.deepEqual(listed?.logGroupNames, ['/aws/bedrock/invocations']);
    assert.deepEqual(listed?.parameters, [{ name: 'model', defaultValue: 'anthropic.claude-3-haiku', description: 'model id' }, { name: 'period', defaultValue: '1h' }]);
    assert.ok(typeof listed?.lastModified === 'number' && listed.lastModified > 0);

    // Update: members left out are not kept (AWS: "No current values are retained").
    const updated = await logs.send(new PutQueryDefinitionCommand({ queryDefinitionId: id, name: 'bedrock/renamed', queryString: 'stats count(*) by modelId' }));
    assert.equal(updated.queryDefinitionId, id);
    const [after] = await describeAll('bedrock/');
    assert.equal(after?.name, 'bedrock/renamed');
    assert.equal(after?.queryString, 'stats count(*) by modelId');
    assert.deepEqual(after?.logGroupNames, []);
    assert.equal(after?.parameters, undefined);

    assert.deepEqual((await logs.send(new DeleteQueryDefinitionCommand({ queryDefinitionId: id }))).success, true);
    assert.deepEqual(await describeAll('bedrock/'), []);
    await expectAwsError(logs.send(new DeleteQueryDefinitionCommand({ queryDefinitionId: id })), 'ResourceNotFoundException');
  });

  test('a repeated clientToken answers the first definition and writes nothing new', TIMEOUT, async () => {
    const clientToken = 'retry-token-0123456789-0123456789-abcdef';
    const input = { name: 'idem/one', queryString: 'fields @message', clientToken };
    const first = await logs.send(new PutQueryDefinitionCommand(input));
    const again = await logs.send(new PutQueryDefinitionCommand(input));
    assert.equal(again.queryDefinitionId, first.queryDefinitionId);
    assert.equal((await describeAll('idem/')).length, 1);
  });

  test('pages by name with maxResults and nextToken', TIMEOUT, async () => {
    for (const name of ['page/c', 'page/a', 'page/b']) await logs.send(new PutQueryDefinitionCommand({ name, queryString: 'fields @message' }));
    const first = await logs.send(new DescribeQueryDefinitionsCommand({ queryDefinitionNamePrefix: 'page/', maxResults: 2 }));
    assert.deepEqual(first.queryDefinitions?.map((d) => d.name), ['page/a', 'page/b']);
    assert.ok(first.nextToken);
    const second = await logs.send(new DescribeQueryDefinitionsCommand({ queryDefinitionNamePrefix: 'page/', maxResults: 2, nextToken: first.nextToken }));
    assert.deepEqual(second.queryDefinitions?.map((d) => d.name), ['page/c']);
    assert.equal(second.nextToken, undefined);
    await expectAwsError(logs.send(new DescribeQueryDefinitionsCommand({ queryDefinitionNamePrefix: 'other/', nextToken: first.nextToken })), 'InvalidParameterException');
  });

  test("rejects what AWS rejects: unknown id, bad parameter names, short clientToken, missing name", TIMEOUT, async () => {
    await expectAwsError(logs.send(new PutQueryDefinitionCommand({ queryDefinitionId: 'no-such-id', name: 'x', queryString: 'fields @message' })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new PutQueryDefinitionCommand({ name: 'x', queryString: 'fields @message', parameters: [{ name: '1bad' }] })), 'InvalidParameterException');
    await expectAwsError(logs.send(new PutQueryDefinitionCommand({ name: 'x', queryString: 'fields @message', clientToken: 'short' })), 'InvalidParameterException');
    await expectAwsError(logs.send(new PutQueryDefinitionCommand({ name: '', queryString: 'fields @message' })), 'InvalidParameterException');
    await expectAwsError(logs.send(new DescribeQueryDefinitionsCommand({ maxResults: 0 })), 'InvalidParameterException');
  });

  test('definitions survive a restart', TIMEOUT, async () => {
    const { queryDefinitionId } = await logs.send(new PutQueryDefinitionCommand({ name: 'durable/q', queryString: 'stats count(*)', parameters: [{ name: 'p', defaultValue: 'v' }] }));
    await server.stop();
    server = await startServer({ dataDir });
    logs = server.logs();
    const [found] = await describeAll('durable/');
    assert.equal(found?.queryDefinitionId, queryDefinitionId);
    assert.deepEqual(found?.parameters, [{ name: 'p', defaultValue: 'v' }]);
  });
});
