import type { ModelQuotas } from '../model-catalog.js';
import { throttled } from './runtime-errors.js';

/**
 * Per-model requests-per-minute and tokens-per-minute quotas, per account and region as on AWS, over a sliding
 * minute of the injected clock. A request is refused while the last 60 seconds already hold the quota's requests or
 * tokens; tokens are charged when a call's usage is known.
 */
export interface QuotaLimiter {
  /** Throws ThrottlingException when the key's minute is full; otherwise counts the request. */
  admit(key: string, quotas: ModelQuotas | undefined, nowMs: number): void;
  chargeTokens(key: string, tokens: number, nowMs: number): void;
}

const WINDOW_MS = 60_000;

interface Usage {
  readonly requests: number[];
  readonly tokens: { at: number; count: number }[];
  tokenTotal: number;
}

export function createQuotaLimiter(): QuotaLimiter {
  const usage = new Map<string, Usage>();
  const current = (key: string, nowMs: number): Usage => {
    let entry = usage.get(key);
    if (entry === undefined) {
      entry = { requests: [], tokens: [], tokenTotal: 0 };
      usage.set(key, entry);
    }
    const since = nowMs - WINDOW_MS;
    while ((entry.requests[0] ?? Infinity) <= since) entry.requests.shift();
    while ((entry.tokens[0]?.at ?? Infinity) <= since) entry.tokenTotal -= entry.tokens.shift()?.count ?? 0;
    return entry;
  };
  return {
    admit(key, quotas, nowMs) {
      if (quotas?.requestsPerMinute === undefined && quotas?.tokensPerMinute === undefined) return;
      const entry = current(key, nowMs);
      if (quotas.requestsPerMinute !== undefined && entry.requests.length >= quotas.requestsPerMinute) throw throttled('requests');
      if (quotas.tokensPerMinute !== undefined && entry.tokenTotal >= quotas.tokensPerMinute) throw throttled('tokens');
      entry.requests.push(nowMs);
    },
    chargeTokens(key, tokens, nowMs) {
      if (tokens <= 0 || !usage.has(key)) return;
      const entry = current(key, nowMs);
      entry.tokens.push({ at: nowMs, count: tokens });
      entry.tokenTotal += tokens;
    },
  };
}
