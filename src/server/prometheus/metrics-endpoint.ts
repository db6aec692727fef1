import type { WireRequest } from '../../protocols/index.js';

/**
 * Whether a request is a Prometheus scrape: `GET /metrics` with no SigV4 at all (no Authorization header, no
 * presigned `X-Amz-Credential`). A signed `GET /metrics` is an S3 client listing a bucket named `metrics`, and
 * goes on to the AWS protocols.
 */
export function isPrometheusScrape(request: WireRequest): boolean {
  if (request.method !== 'GET' || request.path !== '/metrics') return false;
  if (request.headers.authorization !== undefined) return false;
  for (const key of request.query.keys()) if (key.toLowerCase() === 'x-amz-credential') return false;
  return true;
}
