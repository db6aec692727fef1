import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock, type ServiceError } from '../../../kernel/index.js';
import { createQuotaLimiter } from './quota-limiter.js';

const isThrottle = (text: RegExp) => (e: ServiceError) => e.code === 'ThrottlingException' && e.httpStatus === 429 && text.test(e.message);

test('requests per minute: the quota-th request passes, the next waits until the first is a minute old', () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 0, 0, 50));
  const limiter = createQuotaLimiter();
  const quotas = { requestsPerMinute: 3 };
  limiter.admit('a', quotas, clock.now());
  clock.advance(20_000); // crosses a minute boundary: a sliding window still counts the first request
  limiter.admit('a', quotas, clock.now());
  limiter.admit('a', quotas, clock.now());
  assert.throws(() => limiter.admit('a', quotas, clock.now()), isThrottle(/requests/));
  limiter.admit('b', quotas, clock.now());
  clock.advance(39_999);
  assert.throws(() => limiter.admit('a', quotas, clock.now()), isThrottle(/requests/));
  clock.advance(1);
  limiter.admit('a', quotas, clock.now());
});

test('tokens per minute: charged usage fills the window and ages out', () => {
  const clock = new ManualClock(0);
  const limiter = createQuotaLimiter();
  const quotas = { tokensPerMinute: 100 };
  limiter.admit('a', quotas, clock.now());
  limiter.chargeTokens('a', 60, clock.now());
  clock.advance(30_000);
  limiter.admit('a', quotas, clock.now());
  limiter.chargeTokens('a', 40, clock.now());
  assert.throws(() => limiter.admit('a', quotas, clock.now()), isThrottle(/tokens/));
  clock.advance(30_000); // the first 60 tokens are a minute old
  limiter.admit('a', quotas, clock.now());
});

test('no quota, no limit', () => {
  const limiter = createQuotaLimiter();
  for (let i = 0; i < 1000; i++) limiter.admit('a', undefined, 0);
});
