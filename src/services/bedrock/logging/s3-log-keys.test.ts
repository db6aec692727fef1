import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { largeDataKey, recordFileKey, withPrefix } from './s3-log-keys.js';

describe('S3 key layout of invocation logs', () => {
  const at = Date.UTC(2024, 11, 31, 23, 59, 59, 7);
  it('names record files by UTC hour folder and millisecond timestamp', () => {
    assert.equal(recordFileKey({ prefix: undefined, accountId: '111122223333', region: 'eu-west-1', time: at }, 'deadbeefdeadbeef'),
      'AWSLogs/111122223333/BedrockModelInvocationLogs/eu-west-1/2024/12/31/23/20241231T235959007Z_deadbeefdeadbeef.json.gz');
  });

  it('puts large bodies under data/ of the same hour folder', () => {
    assert.equal(largeDataKey({ prefix: 'logs', accountId: '111122223333', region: 'us-east-1', time: Date.UTC(2025, 0, 1, 0, 0, 0) }, 'u-1', 'output'),
      'logs/AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/2025/01/01/00/data/u-1_output.json.gz');
  });

  it('prepends the key prefix with one slash', () => {
    assert.equal(withPrefix(undefined, 'k'), 'k');
    assert.equal(withPrefix('', 'k'), 'k');
    assert.equal(withPrefix('a/b', 'k'), 'a/b/k');
    assert.equal(withPrefix('a/b/', 'k'), 'a/b/k');
  });
});
