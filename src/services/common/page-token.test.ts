import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodePageToken, encodePageToken } from './page-token.js';

describe('page tokens', () => {
  it('round-trip their state', () => {
    const token = encodePageToken('DescribeLogGroups', { after: 'a/b', n: 3, d: true });
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodePageToken('DescribeLogGroups', token), { after: 'a/b', n: 3, d: true });
  });

  it('refuse another kind', () => {
    const token = encodePageToken('DescribeLogGroups', { after: 'a' });
    assert.equal(decodePageToken('DescribeLogStreams', token), undefined);
  });

  it('refuse tampered and malformed tokens', () => {
    const token = encodePageToken('X', { after: 'a' });
    const json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v: { after: string } };
    json.v.after = 'b';
    const forged = Buffer.from(JSON.stringify(json)).toString('base64url');
    assert.equal(decodePageToken('X', forged), undefined);
    assert.equal(decodePageToken('X', 'not a token'), undefined);
    assert.equal(decodePageToken('X', 'abc'), undefined);
    assert.equal(decodePageToken('X', Buffer.from('[1,2]').toString('base64url')), undefined);
  });
});
