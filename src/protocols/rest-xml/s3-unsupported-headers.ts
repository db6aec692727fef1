import { ServiceError } from '../../kernel/index.js';

/**
 * Request headers that ask for S3 features ModelWatch does not have (copying, tagging, object lock, customer or KMS
 * keys, other storage classes). Ignoring them would be a fake success, so they get S3's own answer for a header it
 * cannot honour: NotImplemented (501), naming the header. A header is fine when its value is in the allowed list.
 */
const UNSUPPORTED: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  PutObject: {
    'x-amz-copy-source': [],
    'x-amz-tagging': [],
    'x-amz-website-redirect-location': [],
    'x-amz-object-lock-mode': [],
    'x-amz-object-lock-retain-until-date': [],
    'x-amz-object-lock-legal-hold': [],
    'x-amz-server-side-encryption-customer-algorithm': [],
    'x-amz-server-side-encryption': ['AES256'],
    'x-amz-storage-class': ['STANDARD'],
    // Conditional writes (If-None-Match: *, If-Match) are not served; conditional reads are.
    'if-match': [],
    'if-none-match': [],
  },
  GetObject: { 'x-amz-server-side-encryption-customer-algorithm': [] },
  HeadObject: { 'x-amz-server-side-encryption-customer-algorithm': [] },
  CreateBucket: { 'x-amz-bucket-object-lock-enabled': ['false'], 'x-amz-object-ownership': ['BucketOwnerEnforced'] },
};

export function rejectUnsupportedHeaders(operation: string, headers: Readonly<Record<string, string>>): void {
  const rules = UNSUPPORTED[operation];
  if (rules === undefined) return;
  for (const [header, allowed] of Object.entries(rules)) {
    const value = headers[header];
    if (value !== undefined && !allowed.includes(value.trim())) {
      throw new ServiceError('NotImplemented', 'A header you provided implies functionality that is not implemented.', {
        httpStatus: 501,
        fault: 'server',
        members: { Header: header },
      });
    }
  }
}
