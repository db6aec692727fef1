import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServiceError } from '../../kernel/index.js';
import { toS3AuthError } from './s3-auth-errors.js';

const mapped = (code: string, message = 'm') => toS3AuthError(new ServiceError(code, message));

test('JSON-protocol auth failures become S3’s codes and statuses', () => {
  assert.deepEqual([mapped('InvalidSignatureException').code, mapped('InvalidSignatureException').httpStatus], ['SignatureDoesNotMatch', 403]);
  assert.deepEqual([mapped('UnrecognizedClientException').code, mapped('UnrecognizedClientException').httpStatus], ['InvalidAccessKeyId', 403]);
  assert.deepEqual([mapped('MissingAuthenticationTokenException').code, mapped('MissingAuthenticationTokenException').httpStatus], ['AccessDenied', 403]);
  assert.equal(mapped('IncompleteSignatureException').code, 'AuthorizationHeaderMalformed');
  assert.equal(mapped('InvalidSignatureException', 'Signature expired: 20240101T000000Z is now earlier than ...').message, 'Request has expired');
  assert.equal(mapped('InvalidSignatureException', 'Signature not yet current: ...').code, 'RequestTimeTooSkewed');
  assert.equal(mapped('XAmzContentSHA256Mismatch').code, 'XAmzContentSHA256Mismatch');
});
