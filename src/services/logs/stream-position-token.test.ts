import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeStreamToken, encodeStreamToken, STREAM_END, STREAM_START } from './stream-position-token.js';

describe('stream position tokens', () => {
  it('look like AWS tokens and round-trip, sentinels included', () => {
    for (const position of [STREAM_START, STREAM_END, { timestamp: 1_767_225_600_000, seq: 42 }]) {
      for (const direction of ['f', 'b'] as const) {
        const token = encodeStreamToken('g\u0000s', { direction, position });
        assert.match(token, /^[fb]\/\d{56}$/);
        assert.deepEqual(decodeStreamToken('g\u0000s', token), { direction, position });
      }
    }
  });

  it('are deterministic, bound to their stream and direction', () => {
    const token = encodeStreamToken('g\u0000s', { direction: 'f', position: { timestamp: 5, seq: 1 } });
    assert.equal(encodeStreamToken('g\u0000s', { direction: 'f', position: { timestamp: 5, seq: 1 } }), token);
    assert.equal(decodeStreamToken('g\u0000other', token), undefined);
    assert.equal(decodeStreamToken('g\u0000s', `b${token.slice(1)}`), undefined);
  });
});
