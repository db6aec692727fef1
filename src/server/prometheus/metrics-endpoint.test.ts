import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { WireRequest } from '../../protocols/index.js';
import { isPrometheusScrape } from './metrics-endpoint.js';

function request(method: string, path: string, headers: Record<string, string> = {}, rawQuery = ''): WireRequest {
  return { method, path, rawQuery, query: new URLSearchParams(rawQuery), headers, body: Buffer.alloc(0) };
}

describe('isPrometheusScrape', () => {
  it('claims only an unsigned GET /metrics', () => {
    assert.equal(isPrometheusScrape(request('GET', '/metrics')), true);
    assert.equal(isPrometheusScrape(request('GET', '/metrics', {}, 'format=text')), true);
    assert.equal(isPrometheusScrape(request('POST', '/metrics')), false);
    assert.equal(isPrometheusScrape(request('GET', '/metrics/x')), false);
  });

  it('leaves SigV4-signed requests (an S3 bucket named metrics) to the AWS protocols', () => {
    assert.equal(isPrometheusScrape(request('GET', '/metrics', { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request' })), false);
    assert.equal(isPrometheusScrape(request('GET', '/metrics', {}, 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Faws4_request')), false);
  });
});
