import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DescribeMetricFiltersResponse } from '../../../models/logs/index.js';
import { logsHarness, NOW } from '../logs-harness.test-support.js';

const transformation = { metricName: 'Errors', metricNamespace: 'App', metricValue: '1' };

async function withGroup() {
  const h = logsHarness();
  await h.call('CreateLogGroup', { logGroupName: 'g' });
  const put = (input: Record<string, unknown>) => h.call('PutMetricFilter', { logGroupName: 'g', filterName: 'f', filterPattern: 'ERROR', metricTransformations: [transformation], ...input });
  const putFails = (input: Record<string, unknown>, code: string, message?: string | RegExp) =>
    h.fails('PutMetricFilter', { logGroupName: 'g', filterName: 'f', filterPattern: 'ERROR', metricTransformations: [transformation], ...input }, code, message);
  return { h, put, putFails };
}

describe('PutMetricFilter', () => {
  it('creates, then replaces keeping the creation time', async () => {
    const { h, put } = await withGroup();
    await put({});
    h.clock.advance(1000);
    await put({ filterPattern: '{ $.latency > 100 }', metricTransformations: [{ ...transformation, metricValue: '$.latency', unit: 'Milliseconds', defaultValue: 0 }] });
    const result = await h.call<DescribeMetricFiltersResponse>('DescribeMetricFilters', { logGroupName: 'g' });
    assert.deepEqual(result.metricFilters, [{
      filterName: 'f',
      filterPattern: '{ $.latency > 100 }',
      metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '$.latency', defaultValue: 0, unit: 'Milliseconds' }],
      creationTime: NOW,
      logGroupName: 'g',
      applyOnTransformedLogs: false,
    }]);
    assert.equal((await h.call<{ logGroups: { metricFilterCount: number }[] }>('DescribeLogGroups', {})).logGroups[0]?.metricFilterCount, 1);
  });

  it('takes dimensions from JSON and space-delimited fields only, without a default value', async () => {
    const { put, putFails } = await withGroup();
    await put({ filterPattern: '[ip, user, status]', metricTransformations: [{ ...transformation, dimensions: { Status: '$status' } }] });
    await put({ filterPattern: '{ $.type = * }', metricTransformations: [{ ...transformation, dimensions: { Type: '$.type' } }] });
    await putFails({ metricTransformations: [{ ...transformation, dimensions: { Type: '$.type' } }] }, 'InvalidParameterException', 'The specified filter pattern does not support dimensions');
    await putFails({ filterPattern: '{ $.type = * }', metricTransformations: [{ ...transformation, defaultValue: 0, dimensions: { Type: '$.type' } }] }, 'InvalidParameterException');
    await putFails({ filterPattern: '{ $.a = * }', metricTransformations: [{ ...transformation, dimensions: { A: '$.a', B: '$.b', C: '$.c', D: '$.d' } }] }, 'InvalidParameterException');
    await putFails({ filterPattern: '{ $.a = * }', metricTransformations: [{ ...transformation, dimensions: { A: 'literal' } }] }, 'InvalidParameterException');
  });

  it('checks metric values, patterns and system fields', async () => {
    const { put, putFails } = await withGroup();
    await put({ metricTransformations: [{ ...transformation, metricValue: '-1.5e3' }] });
    await putFails({ metricTransformations: [{ ...transformation, metricValue: 'one' }] }, 'InvalidParameterException');
    await putFails({ filterPattern: '{ $.a = ' }, 'InvalidParameterException', "If a filter pattern starts with '{' it must end with '}'");
    await putFails({ filterPattern: '%a% %b% %c%' }, 'InvalidParameterException', /at most 2 regular expressions/);
    await put({ emitSystemFieldDimensions: ['@aws.account'] });
    await putFails({ emitSystemFieldDimensions: ['@aws.zone'] }, 'InvalidParameterException');
  });

  it('validates the shape like AWS', async () => {
    const { putFails } = await withGroup();
    await putFails({ metricTransformations: [transformation, transformation] }, 'InvalidParameterException',
      "1 validation error detected: Value '[MetricTransformation(metricName=Errors, metricNamespace=App, metricValue=1, defaultValue=null, dimensions=null, unit=null), " +
        "MetricTransformation(metricName=Errors, metricNamespace=App, metricValue=1, defaultValue=null, dimensions=null, unit=null)]' at 'metricTransformations' failed to satisfy constraint: Member must have length less than or equal to 1");
    await putFails({ filterName: 'X'.repeat(513) }, 'InvalidParameterException', `1 validation error detected: Value '${'X'.repeat(513)}' at 'filterName' failed to satisfy constraint: Member must have length less than or equal to 512`);
    await putFails({ metricTransformations: [{ ...transformation, unit: 'Parsecs' }] }, 'InvalidParameterException', /at 'metricTransformations.1.member.unit' failed to satisfy constraint: Member must satisfy enum value set/);
    await putFails({ logGroupName: 'missing' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
  });

  it('enforces 100 filters and 5 regex patterns per group', async () => {
    const { h, put, putFails } = await withGroup();
    for (let i = 0; i < 5; i++) await put({ filterName: `re${i}`, filterPattern: `%err${i}%` });
    await putFails({ filterName: 're5', filterPattern: '%err5%' }, 'LimitExceededException');
    await put({ filterName: 're0', filterPattern: '%again%' });
    for (let i = 5; i < 100; i++) await put({ filterName: `plain${i}` });
    await putFails({ filterName: 'one-too-many' }, 'LimitExceededException', 'Resource limit exceeded.');
    await put({ filterName: 'plain50', filterPattern: 'WARN' });
    assert.equal((await h.store.listMetricFilters({ accountId: '123456789012', region: 'us-east-1' }, { logGroupName: 'g', limit: 200 })).length, 100);
  });
});
