import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isServiceError } from '../../kernel/index.js';
import { Deadline } from './deadline.js';
import { upstreamStatusError } from './upstream-errors.js';
import { upstreamMessage } from './upstream-http.js';

describe('upstreamStatusError', () => {
  it('maps every status class to the Bedrock error and status', () => {
    const table: [number, string, number][] = [
      [400, 'ValidationException', 400],
      [413, 'ValidationException', 400],
      [422, 'ValidationException', 400],
      [401, 'ModelErrorException', 424],
      [403, 'ModelErrorException', 424],
      [404, 'ModelErrorException', 424],
      [408, 'ModelTimeoutException', 408],
      [429, 'ThrottlingException', 429],
      [500, 'ModelErrorException', 424],
      [502, 'ModelErrorException', 424],
      [503, 'ServiceUnavailableException', 503],
      [504, 'ModelTimeoutException', 408],
      [529, 'ServiceUnavailableException', 503],
    ];
    for (const [status, code, httpStatus] of table) {
      const error = upstreamStatusError({ status, message: 'upstream text', resourceName: 'm' });
      assert.equal(error.code, code, `status ${status}`);
      assert.equal(error.httpStatus, httpStatus, `status ${status}`);
    }
    const modelError = upstreamStatusError({ status: 502, message: 'bad gateway', resourceName: 'llama3' });
    assert.deepEqual(modelError.members, { originalStatusCode: 502, resourceName: 'llama3' });
    assert.match(modelError.message, /502.*bad gateway/);
    assert.equal(upstreamStatusError({ status: 400, message: 'exact text', resourceName: 'm' }).message, 'exact text');
    assert.equal(upstreamStatusError({ status: 503, message: '', resourceName: 'm' }).fault, 'server');
  });
});

describe('upstreamMessage', () => {
  it('reads the error text of each server family', () => {
    assert.equal(upstreamMessage('{"error":{"message":"OpenAI says no","type":"invalid_request_error"}}', 400), 'OpenAI says no');
    assert.equal(upstreamMessage('{"type":"error","error":{"type":"x","message":"Anthropic says no"}}', 400), 'Anthropic says no');
    assert.equal(upstreamMessage('{"error":"llama.cpp says no"}', 400), 'llama.cpp says no');
    assert.equal(upstreamMessage('{"detail":"vLLM says no"}', 400), 'vLLM says no');
    assert.equal(upstreamMessage('<html>Bad Gateway</html>', 502), '<html>Bad Gateway</html>');
    assert.equal(upstreamMessage('', 500), 'HTTP 500');
    assert.equal(upstreamMessage('x'.repeat(2000), 500).length, 500);
  });
});

describe('Deadline.failure', () => {
  it('turns undici network errors into ServiceUnavailableException naming the code', () => {
    const deadline = new Deadline(new AbortController().signal, 1000);
    const refused = deadline.failure(new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }));
    assert.ok(isServiceError(refused));
    assert.equal(refused.code, 'ServiceUnavailableException');
    assert.match(refused.message, /ECONNREFUSED/);
    const midStream = deadline.failure(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }), true);
    assert.ok(isServiceError(midStream));
    assert.equal(midStream.code, 'ModelStreamErrorException');
    deadline.dispose();
  });

  it("rethrows the caller's abort reason untouched", () => {
    const controller = new AbortController();
    const deadline = new Deadline(controller.signal, 1000);
    const reason = new Error('gone');
    controller.abort(reason);
    assert.equal(deadline.failure(new Error('whatever fetch threw')), reason);
    assert.equal(deadline.signal.aborted, true);
    deadline.dispose();
  });
});
