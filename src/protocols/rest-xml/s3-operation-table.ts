import { ServiceError } from '../../kernel/index.js';
import type { S3Target } from './s3-request-target.js';

/**
 * S3's mapping from method + what is addressed + sub-resource query key to an operation, as data. A row matches when
 * its sub-resource key (and value, if given) is present and every other query parameter is one the row accepts;
 * anything unmatched is an operation we do not serve, which S3 answers with `NotImplemented`.
 */
export interface S3OperationRow {
  readonly operation: string;
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD';
  readonly target: S3Target['kind'];
  readonly subresource?: string;
  readonly subresourceValue?: string;
  readonly params?: readonly string[];
}

/** Query parameters of GET/HEAD that replace a stored header in the answer. */
export const RESPONSE_OVERRIDE_HEADERS: Readonly<Record<string, string>> = {
  'response-content-type': 'ContentType',
  'response-content-encoding': 'ContentEncoding',
  'response-cache-control': 'CacheControl',
  'response-content-disposition': 'ContentDisposition',
  'response-content-language': 'ContentLanguage',
  'response-expires': 'Expires',
};
const RESPONSE_OVERRIDES = Object.keys(RESPONSE_OVERRIDE_HEADERS);

export const S3_OPERATIONS: readonly S3OperationRow[] = [
  { operation: 'ListBuckets', method: 'GET', target: 'service', params: ['max-buckets', 'continuation-token', 'prefix', 'bucket-region'] },
  { operation: 'GetBucketLocation', method: 'GET', target: 'bucket', subresource: 'location' },
  { operation: 'GetBucketPolicy', method: 'GET', target: 'bucket', subresource: 'policy' },
  {
    operation: 'ListObjectsV2', method: 'GET', target: 'bucket', subresource: 'list-type', subresourceValue: '2',
    params: ['prefix', 'delimiter', 'max-keys', 'continuation-token', 'start-after', 'encoding-type', 'fetch-owner'],
  },
  { operation: 'PutBucketPolicy', method: 'PUT', target: 'bucket', subresource: 'policy' },
  { operation: 'CreateBucket', method: 'PUT', target: 'bucket' },
  { operation: 'DeleteBucketPolicy', method: 'DELETE', target: 'bucket', subresource: 'policy' },
  { operation: 'DeleteBucket', method: 'DELETE', target: 'bucket' },
  { operation: 'HeadBucket', method: 'HEAD', target: 'bucket' },
  { operation: 'DeleteObjects', method: 'POST', target: 'bucket', subresource: 'delete' },
  { operation: 'PutObject', method: 'PUT', target: 'object' },
  { operation: 'GetObject', method: 'GET', target: 'object', params: RESPONSE_OVERRIDES },
  { operation: 'HeadObject', method: 'HEAD', target: 'object', params: RESPONSE_OVERRIDES },
  { operation: 'DeleteObject', method: 'DELETE', target: 'object' },
];

/** Query parameters that never pick an operation: SigV4 presigning and the SDKs' `x-id` operation hint. */
function isTransportParam(name: string): boolean {
  return name === 'x-id' || name.toLowerCase().startsWith('x-amz-');
}

export function matchS3Operation(method: string, target: S3Target, query: URLSearchParams): S3OperationRow {
  const keys = [...new Set(query.keys())].filter((name) => !isTransportParam(name));
  const row = S3_OPERATIONS.find((candidate) => {
    if (candidate.method !== method.toUpperCase() || candidate.target !== target.kind) return false;
    if (candidate.subresource !== undefined) {
      const value = query.get(candidate.subresource);
      if (value === null || (candidate.subresourceValue !== undefined && value !== candidate.subresourceValue)) return false;
    }
    return keys.every((key) => key === candidate.subresource || (candidate.params ?? []).includes(key));
  });
  if (row === undefined) throw notImplemented();
  return row;
}

export function notImplemented(): ServiceError {
  return new ServiceError('NotImplemented', 'A header you provided implies functionality that is not implemented.', {
    httpStatus: 501,
    fault: 'server',
  });
}
