import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InvocationOutcome } from '../../services/bedrock/invocation-outcome.js';
import { createPrometheusExposition } from './prometheus-exposition.js';

const CALLER = { accountId: '000000000000', region: 'us-east-1', accessKeyId: 'AKID', arn: 'arn:aws:iam::000000000000:root', userId: 'AIDA' };

function outcome(modelId: string, extra: Partial<InvocationOutcome> = {}): InvocationOutcome {
  return {
    operation: 'Converse', caller: CALLER, requestId: 'r', modelId, startedAt: 0, latencyMs: 750,
    input: { contentType: 'application/json', json: {}, modalities: ['text'] }, usage: { inputTokens: 12, outputTokens: 30 }, ...extra,
  };
}

/** The value of the one sample line `series` (name with labels, exactly as exposed). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Prometheus exposition', () => {
  it('exposes request counts and latency histograms by service and operation', async () => {
    const p = createPrometheusExposition();
    p.observeRequest({ service: 'monitoring', operation: 'PutMetricData', status: 200, seconds: 0.004 });
    p.observeRequest({ service: 'monitoring', operation: 'PutMetricData', status: 400, seconds: 0.02 });
    const { contentType, body } = await p.render();
    assert.match(contentType, /^text\/plain; version=0\.0\.4/);
    assert.match(body, /# TYPE modelwatch_requests_total counter/);
    assert.equal(sample(body, 'modelwatch_requests_total{service="monitoring",operation="PutMetricData",status="2xx"}'), 1);
    assert.equal(sample(body, 'modelwatch_requests_total{service="monitoring",operation="PutMetricData",status="4xx"}'), 1);
    assert.equal(sample(body, 'modelwatch_request_duration_seconds_bucket{le="0.005",service="monitoring",operation="PutMetricData"}'), 1);
    assert.equal(sample(body, 'modelwatch_request_duration_seconds_bucket{le="0.025",service="monitoring",operation="PutMetricData"}'), 2);
    assert.equal(sample(body, 'modelwatch_request_duration_seconds_count{service="monitoring",operation="PutMetricData"}'), 2);
    assert.ok(Math.abs((sample(body, 'modelwatch_request_duration_seconds_sum{service="monitoring",operation="PutMetricData"}') ?? 0) - 0.024) < 1e-9);
  });

  it('counts Bedrock invocations, errors, throttles and tokens per model id as AWS/Bedrock does', async () => {
    const p = createPrometheusExposition();
    p.invocations.record(outcome('m1', { timeToFirstTokenMs: 200 }));
    p.invocations.record(outcome('m1', { error: { code: 'ValidationException', httpStatus: 400, fault: 'client' }, usage: undefined }));
    p.invocations.record(outcome('m1', { error: { code: 'InternalServerException', httpStatus: 500, fault: 'server' }, usage: undefined }));
    p.invocations.record(outcome('m1', { throttled: true, error: { code: 'ThrottlingException', httpStatus: 429, fault: 'client' } }));
    const { body } = await p.render();
    const m1 = '{model_id="m1"}';
    assert.equal(sample(body, `modelwatch_bedrock_invocations_total${m1}`), 3);
    assert.equal(sample(body, `modelwatch_bedrock_invocation_client_errors_total${m1}`), 1);
    assert.equal(sample(body, `modelwatch_bedrock_invocation_server_errors_total${m1}`), 1);
    assert.equal(sample(body, `modelwatch_bedrock_invocation_throttles_total${m1}`), 1);
    assert.equal(sample(body, `modelwatch_bedrock_input_tokens_total${m1}`), 12);
    assert.equal(sample(body, `modelwatch_bedrock_output_tokens_total${m1}`), 30);
    assert.equal(sample(body, 'modelwatch_bedrock_invocation_latency_seconds_bucket{le="1",model_id="m1"}'), 3);
    assert.equal(sample(body, 'modelwatch_bedrock_invocation_latency_seconds_bucket{le="0.5",model_id="m1"}'), 0);
    assert.equal(sample(body, `modelwatch_bedrock_time_to_first_token_seconds_count${m1}`), 1);
  });

  it('bounds model id cardinality: ids past the limit share the label "other"', async () => {
    const p = createPrometheusExposition({ maxModelIds: 2 });
    for (const id of ['a', 'b', 'c', 'd', 'a']) p.invocations.record(outcome(id));
    const { body } = await p.render();
    assert.equal(sample(body, 'modelwatch_bedrock_invocations_total{model_id="a"}'), 2);
    assert.equal(sample(body, 'modelwatch_bedrock_invocations_total{model_id="b"}'), 1);
    assert.equal(sample(body, 'modelwatch_bedrock_invocations_total{model_id="other"}'), 2);
    assert.equal(sample(body, 'modelwatch_bedrock_invocations_total{model_id="c"}'), undefined);
  });

  it('reads store sizes and queue depths when scraped, and includes process metrics', async () => {
    let depth = 3;
    const p = createPrometheusExposition({
      health: { storeBytes: async () => ({ 'modelwatch.duckdb': 4096 }), queueDepths: () => ({ metric_filter_publications: depth }) },
    });
    assert.equal(sample((await p.render()).body, 'modelwatch_queue_depth{queue="metric_filter_publications"}'), 3);
    depth = 0;
    const { body } = await p.render();
    assert.equal(sample(body, 'modelwatch_queue_depth{queue="metric_filter_publications"}'), 0);
    assert.equal(sample(body, 'modelwatch_store_size_bytes{file="modelwatch.duckdb"}'), 4096);
    assert.ok((sample(body, 'process_resident_memory_bytes') ?? 0) > 0);
    assert.match(body, /# TYPE nodejs_eventloop_lag_seconds gauge/);
  });
});
