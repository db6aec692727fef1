import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InvocationOutcome } from '../invocation-outcome.js';
import { decodeOutcome, encodeOutcome } from './outcome-codec.js';

describe('spooled outcome codec', () => {
  it('round-trips every member, binary bodies included, as one line', () => {
    const outcome: InvocationOutcome = {
      operation: 'InvokeModel',
      caller: { accountId: '111111111111', region: 'us-east-1', accessKeyId: 'AK', arn: 'arn:aws:iam::111111111111:user/u', userId: 'U' },
      requestId: 'r-1',
      modelId: 'amazon.titan-image-generator-v2:0',
      inferenceRegion: 'us-west-2',
      startedAt: 1_700_000_000_123,
      latencyMs: 812,
      timeToFirstTokenMs: 40,
      requestMetadata: { team: 'a\nb' },
      input: { contentType: 'application/json', json: { text: 'line\nbreak' }, modalities: ['text'] },
      output: { contentType: 'image/png', bytes: new Uint8Array([0, 255, 10, 13]), modalities: ['image'] },
      usage: { inputTokens: 1, outputTokens: 2, cacheReadInputTokens: 3 },
      outputImageCount: 1,
      error: { code: 'ModelErrorException', httpStatus: 424, fault: 'client' },
    };
    const line = encodeOutcome(outcome);
    assert.ok(!line.includes('\n'));
    assert.deepEqual(decodeOutcome(line), outcome);
  });

  it('refuses a line that is not a spooled outcome', () => {
    assert.throws(() => decodeOutcome('{"v":2}'), TypeError);
    assert.throws(() => decodeOutcome('{"v":1,'), SyntaxError);
  });
});
