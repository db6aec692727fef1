import type { Operation } from '../../../kernel/index.js';
import type { ListObjectsV2Input, ListObjectsV2Output } from '../../../models/s3/index.js';
import { invalidArgument } from '../errors.js';
import { listObjectsPage, type ListCursor } from '../list-objects-page.js';
import { ownedBucket, ownerOf } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

const MAX_KEYS = 1000;

/**
 * ListObjectsV2: prefix, delimiter/CommonPrefixes, max-keys (at most 1,000 per page), opaque continuation tokens,
 * start-after, fetch-owner, and `encoding-type=url`, which percent-encodes every key and prefix in the answer.
 */
export function listObjectsV2(deps: S3ServiceDeps): Operation<ListObjectsV2Input, ListObjectsV2Output> {
  return async (input, ctx) => {
    const bucket = await ownedBucket(deps.store, input, ctx);
    const maxKeys = parseMaxKeys(input.MaxKeys);
    if (input.EncodingType !== undefined && input.EncodingType !== 'url') {
      throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', input.EncodingType);
    }
    const cursor =
      input.ContinuationToken !== undefined
        ? decodeToken(input.ContinuationToken)
        : input.StartAfter === undefined || input.StartAfter === '' ? undefined : { after: input.StartAfter };
    const page = await listObjectsPage(deps.store, {
      bucket: input.Bucket, prefix: input.Prefix ?? '', delimiter: input.Delimiter, maxKeys, cursor,
    });
    const encode = input.EncodingType === 'url' ? (text: string) => encodeURIComponent(text) : (text: string) => text;
    const owner = input.FetchOwner === true ? ownerOf(bucket.accountId) : undefined;
    return {
      Name: input.Bucket,
      Prefix: encode(input.Prefix ?? ''),
      MaxKeys: maxKeys,
      KeyCount: page.contents.length + page.commonPrefixes.length,
      IsTruncated: page.next !== undefined,
      Contents: page.contents.map((o) => ({
        Key: encode(o.key), LastModified: o.lastModified, ETag: o.etag, Size: o.size, StorageClass: 'STANDARD' as const,
        ...(owner === undefined ? {} : { Owner: owner }),
      })),
      CommonPrefixes: page.commonPrefixes.map(encode),
      ...(input.Delimiter === undefined ? {} : { Delimiter: encode(input.Delimiter) }),
      ...(input.EncodingType === undefined ? {} : { EncodingType: input.EncodingType }),
      ...(input.ContinuationToken === undefined ? {} : { ContinuationToken: input.ContinuationToken }),
      ...(page.next === undefined ? {} : { NextContinuationToken: encodeToken(page.next) }),
      ...(input.StartAfter === undefined ? {} : { StartAfter: encode(input.StartAfter) }),
    };
  };
}

function parseMaxKeys(text: string | undefined): number {
  if (text === undefined) return MAX_KEYS;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) > 2_147_483_647) {
    throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', text);
  }
  const value = Number(text);
  if (value < 0) throw invalidArgument('Argument maxKeys must be an integer between 0 and 2147483647', 'maxKeys', text);
  return Math.min(value, MAX_KEYS);
}

function encodeToken(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64');
}

function decodeToken(token: string): ListCursor {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Partial<ListCursor>;
    if (typeof cursor.after === 'string' && (cursor.skipPrefix === undefined || typeof cursor.skipPrefix === 'string')) {
      return cursor.skipPrefix === undefined ? { after: cursor.after } : { after: cursor.after, skipPrefix: cursor.skipPrefix };
    }
  } catch {
    // fall through to S3's answer for a token it did not issue
  }
  throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
}
