import type { ModelQuotas } from '../model-catalog.js';
import { throttled } from './runtime-errors.js';

/**
 * Per-model requests-per-minute and tokens-per-minute quotas, per account and region as on AWS, over fixed
 * one-minute windows of the injected clock. A request is refused when its window already holds the quota's requests
 * or tokens; tokens are charged when a call's usage is known.
 */
export interface QuotaLimiter {
  /** Throws ThrottlingException when the key's window is full; otherwise counts the request. */
  admit(key: string, quotas: ModelQuotas | undefined, nowMs: number): void;
  chargeTokens(key: string, tokens: number, nowMs: number): void;
}

const WINDOW_MS = 60_000;

interface Window {
  start: number;
  requests: number;
  tokens: number;
}

export function createQuotaLimiter(): QuotaLimiter {
  const windows = new Map<string, Window>();
  const current = (key: string, nowMs: number): Window => {
    const start = nowMs - (nowMs % WINDOW_MS);
    let window = windows.get(key);
    if (window === undefined || window.start !== start) {
      window = { start, requests: 0, tokens: 0 };
      windows.set(key, window);
    }
    return window;
  };
  return {
    admit(key, quotas, nowMs) {
      if (quotas?.requestsPerMinute === undefined && quotas?.tokensPerMinute === undefined) return;
      const window = current(key, nowMs);
      if (quotas.requestsPerMinute !== undefined && window.requests >= quotas.requestsPerMinute) throw throttled('requests');
      if (quotas.tokensPerMinute !== undefined && window.tokens >= quotas.tokensPerMinute) throw throttled('tokens');
      window.requests += 1;
    },
    chargeTokens(key, tokens, nowMs) {
      current(key, nowMs).tokens += tokens;
    },
  };
}
