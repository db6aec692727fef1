import { ServiceError } from '../../kernel/index.js';
import type { GetObjectInput } from '../../models/s3/index.js';
import type { ObjectRecord } from '../../storage/index.js';

/**
 * HTTP conditional reads as S3 evaluates them (RFC 7232 precedence): If-Match fails with 412 PreconditionFailed,
 * then If-Unmodified-Since (ignored when If-Match was given and held); If-None-Match answers 304 Not Modified, then
 * If-Modified-Since (ignored when If-None-Match was given). Dates compare at second precision; unparseable dates
 * are ignored, as HTTP says.
 */
export function checkReadPreconditions(input: GetObjectInput, record: ObjectRecord): void {
  const seconds = Math.floor(record.lastModified / 1000);
  if (input.IfMatch !== undefined) {
    if (!etagListMatches(input.IfMatch, record.etag)) throw preconditionFailed('If-Match');
  } else if (input.IfUnmodifiedSince !== undefined) {
    const since = httpDateSeconds(input.IfUnmodifiedSince);
    if (since !== undefined && seconds > since) throw preconditionFailed('If-Unmodified-Since');
  }
  if (input.IfNoneMatch !== undefined) {
    if (etagListMatches(input.IfNoneMatch, record.etag)) throw notModified();
  } else if (input.IfModifiedSince !== undefined) {
    const since = httpDateSeconds(input.IfModifiedSince);
    if (since !== undefined && seconds <= since) throw notModified();
  }
}

function etagListMatches(header: string, etag: string): boolean {
  const bare = etag.replace(/^"|"$/g, '');
  return header.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, '')).some((t) => t === '*' || t === bare);
}

function httpDateSeconds(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

const preconditionFailed = (condition: string): ServiceError =>
  new ServiceError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { httpStatus: 412, members: { Condition: condition } });

const notModified = (): ServiceError => new ServiceError('NotModified', 'Not Modified', { httpStatus: 304 });
