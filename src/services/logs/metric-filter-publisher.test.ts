import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, type RequestContext } from '../../kernel/index.js';
import type { NewMetricDatum, Scope } from '../../storage/index.js';
import { createLogsService } from './logs-service.js';
import { MemoryLogStore } from './memory-log-store.test-support.js';
import { createMetricFilterPublisher } from './metric-filter-publisher.js';
import { noQueryEngine } from './no-query-engine.test-support.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function setup(publish?: (scope: Scope, data: readonly NewMetricDatum[]) => Promise<void>) {
  const store = new MemoryLogStore();
  const published: Array<{ scope: Scope; data: readonly NewMetricDatum[] }> = [];
  const errors: string[] = [];
  const publisher = createMetricFilterPublisher({
    store,
    publish: publish ?? (async (scope, data) => void published.push({ scope, data })),
    logError: (message) => void errors.push(message),
  });
  const service = createLogsService({ store, queryEngine: noQueryEngine, afterAppend: publisher.afterAppend });
  const ctx: RequestContext = {
    caller: { accountId: '123456789012', region: 'eu-west-1', accessKeyId: 'AKID', arn: 'arn:aws:iam::123456789012:user/t', userId: 'AIDA' },
    requestId: 'r',
    clock: new ManualClock(NOW),
  };
  const call = async (operation: string, input: unknown): Promise<unknown> => service.operations.get(operation)!(input, ctx);
  return { publisher, published, errors, call };
}

describe('createMetricFilterPublisher', () => {
  it('publishes from PutLogEvents after the append, and drains before shutdown', async () => {
    const h = setup();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    await h.call('CreateLogStream', { logGroupName: 'g', logStreamName: 's' });
    await h.call('PutMetricFilter', {
      logGroupName: 'g', filterName: 'errors', filterPattern: 'ERROR',
      metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1', defaultValue: 0 }],
    });
    await h.call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW, message: 'ERROR x' }] });
    // Same minute, no match: the minute already has a value, so no default is added.
    await h.call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW + 1000, message: 'fine' }] });
    // Next minute, no match: its default value.
    await h.call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW + 60_000, message: 'fine' }] });
    await h.call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW + 61_000, message: 'fine' }] });
    await h.publisher.drain();
    assert.deepEqual(h.errors, []);
    assert.deepEqual(h.published.map((p) => p.scope), [{ accountId: '123456789012', region: 'eu-west-1' }, { accountId: '123456789012', region: 'eu-west-1' }]);
    assert.deepEqual(h.published.map((p) => p.data.map((d) => [d.metric.metricName, d.timestamp, d.sample])), [
      [['Errors', NOW, { kind: 'values', values: [1], counts: [1] }]],
      [['Errors', NOW + 60_000, { kind: 'value', value: 0 }]],
    ]);
  });

  it('publishes nothing for a group without filters, and logs a failing store instead of failing ingest', async () => {
    const h = setup(async () => {
      throw new Error('metric store down');
    });
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    await h.call('CreateLogStream', { logGroupName: 'g', logStreamName: 's' });
    await h.call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW, message: 'x' }] });
    await h.publisher.drain();
    assert.deepEqual(h.errors, []);
    await h.call('PutMetricFilter', {
      logGroupName: 'g', filterName: 'all', filterPattern: '',
      metricTransformations: [{ metricName: 'Events', metricNamespace: 'App', metricValue: '1' }],
    });
    const out = await h.call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW, message: 'x' }] });
    assert.ok(typeof (out as { nextSequenceToken?: string }).nextSequenceToken === 'string');
    await h.publisher.drain();
    assert.deepEqual(h.errors, ['metric filters of g failed to publish']);
  });

  it('hands PutLogEvents\' accepted events only, and nothing when the call fails', async () => {
    const store = new MemoryLogStore();
    const appended: Array<[string, number[]]> = [];
    const service = createLogsService({ store, queryEngine: noQueryEngine, afterAppend: (_scope, group, events) => void appended.push([group, events.map((e) => e.timestamp)]) });
    const ctx: RequestContext = {
      caller: { accountId: '123456789012', region: 'eu-west-1', accessKeyId: 'AKID', arn: 'arn:aws:iam::123456789012:user/t', userId: 'AIDA' },
      requestId: 'r',
      clock: new ManualClock(NOW),
    };
    const call = async (operation: string, input: unknown): Promise<unknown> => service.operations.get(operation)!(input, ctx);
    await call('CreateLogGroup', { logGroupName: 'g' });
    await call('CreateLogStream', { logGroupName: 'g', logStreamName: 's' });
    // PutLogEvents keeps a batch's events for the hook only when the group has a metric filter.
    await call('PutMetricFilter', { logGroupName: 'g', filterName: 'f', filterPattern: '', metricTransformations: [{ metricName: 'm', metricNamespace: 'n', metricValue: '1' }] });
    const tooOld = NOW - 15 * 86_400_000;
    await call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: tooOld, message: 'old' }, { timestamp: NOW, message: 'ok' }] });
    await assert.rejects(call('PutLogEvents', { logGroupName: 'g', logStreamName: 'missing', logEvents: [{ timestamp: NOW, message: 'x' }] }));
    await call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: tooOld, message: 'only old' }] });
    assert.deepEqual(appended, [['g', [NOW]]]);
  });
});
