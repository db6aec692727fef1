import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

/** A gateway config for the e2e tests: instant simulated models, plus models that fail, throttle or hit quotas. */
export const INSTANT = { kind: 'simulator', timeToFirstTokenMs: 0, tokensPerSecond: 0, outputTokens: 12 };

export const GATEWAY_CONFIG = {
  providers: {
    sim: INSTANT,
    broken: { ...INSTANT, errorRate: 1 },
    busy: { ...INSTANT, throttleRate: 1 },
    // 200 tokens at 2 per second: a stream that lasts long enough for a client to walk away from it.
    slow: { ...INSTANT, tokensPerSecond: 2, outputTokens: 200 },
  },
  models: {
    'anthropic.claude-3-5-haiku-20241022-v1:0': { provider: 'sim' },
    'anthropic.claude-v2:1': { provider: 'sim' },
    'amazon.titan-text-express-v1': { provider: 'sim' },
    'amazon.titan-embed-text-v1': { provider: 'sim' },
    'amazon.titan-embed-text-v2:0': { provider: 'sim' },
    'amazon.titan-image-generator-v2:0': { provider: 'sim' },
    'anthropic.claude-3-haiku-20240307-v1:0': { provider: 'broken' },
    'anthropic.claude-3-sonnet-20240229-v1:0': { provider: 'busy' },
    'anthropic.claude-3-opus-20240229-v1:0': { provider: 'sim', quotas: { requestsPerMinute: 2 } },
    'anthropic.claude-3-5-sonnet-20240620-v1:0': { provider: 'slow' },
  },
} as const;

export const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';
export const FAILING = 'anthropic.claude-3-haiku-20240307-v1:0';
export const THROTTLING = 'anthropic.claude-3-sonnet-20240229-v1:0';
export const QUOTA_LIMITED = 'anthropic.claude-3-opus-20240229-v1:0';
export const SLOW = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

/** Records the raw HTTP response headers of each call (the SDK hides unmodeled ones such as token counts). */
export function captureHeaders(client: BedrockRuntimeClient): Array<Record<string, string>> {
  const seen: Array<Record<string, string>> = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { headers?: Record<string, string> };
      seen.push({ ...(response.headers ?? {}) });
      return result;
    },
    { step: 'deserialize', name: 'captureHeaders', priority: 'low' },
  );
  return seen;
}

export function utf8(bytes: Uint8Array | undefined): string {
  return Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
}
