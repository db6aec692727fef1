import { ManualClock, type RequestContext } from '../../src/kernel/index.js';
import type { InvocationOutcome } from '../../src/services/bedrock/invocation-outcome.js';

/** Shared by the crash test and its child: the caller and the i-th outcome. */
export const CRASH_T0 = Date.UTC(2025, 6, 1, 12, 0, 0);
export const CRASH_CTX: RequestContext = {
  caller: { accountId: '111111111111', region: 'us-east-1', accessKeyId: 'AK', arn: 'arn:aws:iam::111111111111:user/alice', userId: 'U' },
  requestId: 'control',
  clock: new ManualClock(CRASH_T0),
};

export function crashOutcome(i: number): InvocationOutcome {
  return {
    operation: 'Converse',
    caller: CRASH_CTX.caller,
    requestId: `req-${i}`,
    modelId: 'amazon.nova-micro-v1:0',
    startedAt: CRASH_T0 + i,
    latencyMs: 10,
    input: { contentType: 'application/json', json: { messages: [{ role: 'user', content: [{ text: `message ${i}` }] }] }, modalities: ['text'] },
    output: { contentType: 'application/json', json: { stopReason: 'end_turn' }, modalities: ['text'] },
    usage: { inputTokens: 1, outputTokens: 1 },
  };
}
