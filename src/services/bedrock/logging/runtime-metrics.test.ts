import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InvocationOutcome } from '../invocation-outcome.js';
import { MemoryMetrics } from './logging-fakes.test-support.js';
import { MetricBatcher } from './metric-batcher.js';
import { deliveryMetricPoint, runtimeMetricPoints } from './runtime-metrics.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const ok: InvocationOutcome = {
  operation: 'Converse',
  caller: { accountId: '111111111111', region: 'us-east-1', accessKeyId: 'AK', arn: 'arn:aws:iam::111111111111:user/u', userId: 'U' },
  requestId: 'r',
  modelId: MODEL,
  startedAt: Date.UTC(2025, 0, 1, 12, 0, 30),
  latencyMs: 250,
  input: { contentType: 'application/json', json: {}, modalities: ['text'] },
  output: { contentType: 'application/json', json: {}, modalities: ['text'] },
  usage: { inputTokens: 10, outputTokens: 20 },
};
const names = (outcome: InvocationOutcome): string[] => runtimeMetricPoints(outcome).map((p) => `${p.metricName}=${p.value} ${p.unit}`);

describe('AWS/Bedrock runtime metrics per outcome', () => {
  it('a success: Invocations, latency and token counts, dimension ModelId', () => {
    assert.deepEqual(names(ok), ['Invocations=1 Count', 'InvocationLatency=250 Milliseconds', 'InputTokenCount=10 Count', 'OutputTokenCount=20 Count']);
    assert.ok(runtimeMetricPoints(ok).every((p) => p.modelId === MODEL));
  });

  it('a stream adds TimeToFirstToken; cache tokens and images only when nonzero', () => {
    const stream = { ...ok, operation: 'ConverseStream' as const, timeToFirstTokenMs: 80, outputImageCount: 2, usage: { inputTokens: 1, outputTokens: 2, cacheReadInputTokens: 5, cacheWriteInputTokens: 0 } };
    assert.deepEqual(names(stream), [
      'Invocations=1 Count', 'InvocationLatency=250 Milliseconds', 'InputTokenCount=1 Count', 'OutputTokenCount=2 Count',
      'CacheReadInputTokenCount=5 Count', 'OutputImageCount=2 Count', 'TimeToFirstToken=80 Milliseconds',
    ]);
  });

  it('leaves out values that could not be measured', () => {
    assert.deepEqual(names({ ...ok, latencyMs: Number.NaN, usage: { inputTokens: -1, outputTokens: 4 } }), ['Invocations=1 Count', 'OutputTokenCount=4 Count']);
  });

  it('unknown usage publishes no token counts (never a made-up 0)', () => {
    assert.deepEqual(names({ ...ok, usage: undefined }), ['Invocations=1 Count', 'InvocationLatency=250 Milliseconds']);
  });

  it('a throttled call counts only as a throttle', () => {
    assert.deepEqual(names({ ...ok, output: undefined, usage: undefined, throttled: true, error: { code: 'ThrottlingException', httpStatus: 429, fault: 'client' } }), ['InvocationThrottles=1 Count']);
  });

  it('a request rejected by validation is not an accepted invocation', () => {
    assert.deepEqual(names({ ...ok, output: undefined, usage: undefined, error: { code: 'ValidationException', httpStatus: 400, fault: 'client' } }), ['InvocationClientErrors=1 Count']);
  });

  it('accepted calls that fail count as invocations and as client or server errors', () => {
    assert.deepEqual(names({ ...ok, output: undefined, usage: undefined, error: { code: 'ModelErrorException', httpStatus: 424, fault: 'client' } }), ['Invocations=1 Count', 'InvocationClientErrors=1 Count']);
    assert.deepEqual(names({ ...ok, output: undefined, usage: undefined, error: { code: 'InternalServerException', httpStatus: 500, fault: 'server' } }), ['Invocations=1 Count', 'InvocationServerErrors=1 Count']);
    assert.deepEqual(names({ ...ok, output: undefined, usage: undefined, error: { code: 'ServiceUnavailableException', httpStatus: 503, fault: 'server' } }), ['Invocations=1 Count', 'InvocationServerErrors=1 Count']);
  });

  it('delivery-health metrics have no dimension', () => {
    assert.deepEqual(deliveryMetricPoint('CloudWatch', true), { metricName: 'ModelInvocationLogsCloudWatchDeliverySuccess', unit: 'Count', value: 1 });
    assert.equal(deliveryMetricPoint('S3', false).metricName, 'ModelInvocationLogsS3DeliveryFailure');
    assert.equal(deliveryMetricPoint('LargePayloadsS3', true).metricName, 'ModelInvocationLargePayloadsS3DeliverySuccess');
  });
});

describe('MetricBatcher', () => {
  it('folds one metric-minute into one histogram datum per scope, in namespace AWS/Bedrock', async () => {
    const store = new MemoryMetrics();
    const batcher = new MetricBatcher(store);
    const scope = { accountId: '111111111111', region: 'us-east-1' };
    for (const latency of [100, 100, 300]) batcher.add(scope, ok.startedAt, runtimeMetricPoints({ ...ok, latencyMs: latency }));
    batcher.add({ ...scope, region: 'eu-west-1' }, ok.startedAt, runtimeMetricPoints(ok));
    await batcher.flush();
    const latency = store.data.filter((d) => d.datum.metric.metricName === 'InvocationLatency');
    assert.equal(latency.length, 2, 'one datum per scope');
    const [first] = latency;
    assert.deepEqual(first?.datum, {
      metric: { namespace: 'AWS/Bedrock', metricName: 'InvocationLatency', dimensions: [{ name: 'ModelId', value: MODEL }] },
      timestamp: Date.UTC(2025, 0, 1, 12, 0, 0),
      unit: 'Milliseconds',
      storageResolution: 60,
      sample: { kind: 'values', values: [100, 300], counts: [2, 1] },
    });
    assert.equal(store.sum('Invocations'), 4);
    assert.equal(batcher.pendingPoints, 0);
  });

  it('keeps the data when the store fails, and writes it on the next flush', async () => {
    const store = new MemoryMetrics();
    let fail = true;
    const flaky = { putMetricData: (...args: Parameters<MemoryMetrics['putMetricData']>) => (fail ? Promise.reject(new Error('down')) : store.putMetricData(...args)) };
    const batcher = new MetricBatcher(flaky);
    batcher.add({ accountId: '111111111111', region: 'us-east-1' }, ok.startedAt, runtimeMetricPoints(ok));
    await assert.rejects(batcher.flush(), /down/);
    fail = false;
    await batcher.flush();
    assert.equal(store.sum('Invocations'), 1);
  });

  it('drops data the store refuses as invalid instead of retrying it forever', async () => {
    const store = new MemoryMetrics();
    let refuse = true;
    const strict = { putMetricData: (...args: Parameters<MemoryMetrics['putMetricData']>) => (refuse ? Promise.reject(new RangeError('bad datum')) : store.putMetricData(...args)) };
    const batcher = new MetricBatcher(strict);
    batcher.add({ accountId: '111111111111', region: 'us-east-1' }, ok.startedAt, runtimeMetricPoints(ok));
    await assert.rejects(batcher.flush(), RangeError);
    refuse = false;
    await batcher.flush();
    assert.equal(store.data.length, 0);
  });

  it('says when the batch is due', () => {
    const batcher = new MetricBatcher(new MemoryMetrics(), 3);
    assert.equal(batcher.add({ accountId: '1', region: 'r' }, 0, runtimeMetricPoints({ ...ok, usage: undefined })), false);
    assert.equal(batcher.add({ accountId: '1', region: 'r' }, 0, runtimeMetricPoints({ ...ok, usage: undefined })), true);
  });
});
