import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock, type ServiceError } from '../../../kernel/index.js';
import { createQuotaLimiter } from './quota-limiter.js';

const isThrottle = (text: RegExp) => (e: ServiceError) => e.code === 'ThrottlingException' && e.httpStatus === 429 && text.test(e.message);

test('requests per minute: the quota-th request passes, the next waits for the next minute', () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 0, 0, 10));
  const limiter = createQuotaLimiter();
  for (let i = 0; i < 3; i++) limiter.admit('a', { requestsPerMinute: 3 }, clock.now());
  assert.throws(() => limiter.admit('a', { requestsPerMinute: 3 }, clock.now()), isThrottle(/requests/));
  limiter.admit('b', { requestsPerMinute: 3 }, clock.now());
  clock.advance(50_000);
  limiter.admit('a', { requestsPerMinute: 3 }, clock.now());
});

test('tokens per minute: charged usage fills the window', () => {
  const clock = new ManualClock(0);
  const limiter = createQuotaLimiter();
  limiter.admit('a', { tokensPerMinute: 100 }, clock.now());
  limiter.chargeTokens('a', 100, clock.now());
  assert.throws(() => limiter.admit('a', { tokensPerMinute: 100 }, clock.now()), isThrottle(/tokens/));
  clock.advance(60_000);
  limiter.admit('a', { tokensPerMinute: 100 }, clock.now());
});

test('no quota, no limit', () => {
  const limiter = createQuotaLimiter();
  for (let i = 0; i < 1000; i++) limiter.admit('a', undefined, 0);
});
