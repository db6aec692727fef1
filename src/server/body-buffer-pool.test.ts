import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BodyBufferPool } from './body-buffer-pool.js';

describe('BodyBufferPool', () => {
  it('hands back the smallest free buffer that fits, and makes one when none does', () => {
    const pool = new BodyBufferPool(4 * 1024 * 1024, 8);
    const big = pool.take(1_000_000) as Buffer;
    const small = pool.take(300_000) as Buffer;
    assert.equal(big.length, 1024 * 1024, 'rounded up to a multiple of 256 KiB');
    assert.equal(small.length, 512 * 1024);
    pool.give(big);
    pool.give(small);
    assert.equal(pool.take(200_000), small, 'the smallest that fits');
    assert.equal(pool.take(200_000), big, 'then the next');
    const fresh = pool.take(200_000) as Buffer;
    assert.ok(fresh !== small && fresh !== big && fresh.length === 256 * 1024);
  });

  it('does not pool bodies beyond its limit, and keeps at most its number of free buffers', () => {
    const pool = new BodyBufferPool(1024 * 1024, 1);
    assert.equal(pool.take(1024 * 1024 + 1), undefined);
    const a = pool.take(10) as Buffer;
    const b = pool.take(10) as Buffer;
    pool.give(a);
    pool.give(b);
    assert.equal(pool.take(10), a);
    assert.notEqual(pool.take(10), b, 'b was not kept');
  });
});
