import { ServiceError } from '../../kernel/index.js';
import type { WireRequest } from '../wire.js';

/** What an S3 request addresses: the service (ListBuckets), a bucket, or an object in it. */
export type S3Target =
  | { readonly kind: 'service' }
  | { readonly kind: 'bucket'; readonly bucket: string }
  | { readonly kind: 'object'; readonly bucket: string; readonly key: string };

/**
 * Reads the bucket and key from virtual-host style (`<bucket>.<endpoint host>`, bucket from the Host header) or path
 * style (`/<bucket>/<key>`). `virtualHostSuffixes` are the endpoint host names (without port) under which a leading
 * label is a bucket, e.g. `localhost` and `s3.localhost`; a host equal to one of them is path style.
 */
export function resolveS3Target(request: WireRequest, virtualHostSuffixes: readonly string[]): S3Target {
  const host = hostName(request.headers['host'] ?? request.headers[':authority'] ?? '');
  const path = request.path === '' ? '/' : request.path;
  const bucketFromHost = virtualBucket(host, virtualHostSuffixes);
  if (bucketFromHost !== undefined) {
    const key = decodePath(path.slice(1));
    return key === '' ? { kind: 'bucket', bucket: bucketFromHost } : { kind: 'object', bucket: bucketFromHost, key };
  }
  const rest = path.slice(1);
  if (rest === '') return { kind: 'service' };
  const slash = rest.indexOf('/');
  const bucket = decodePath(slash < 0 ? rest : rest.slice(0, slash));
  const key = slash < 0 ? '' : decodePath(rest.slice(slash + 1));
  return key === '' ? { kind: 'bucket', bucket } : { kind: 'object', bucket, key };
}

function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.lastIndexOf(':');
  return colon < 0 ? lower : lower.slice(0, colon);
}

function virtualBucket(host: string, suffixes: readonly string[]): string | undefined {
  // Longest suffix first, so `b.s3.localhost` is bucket `b`, not bucket `b.s3` under `localhost`.
  const ordered = [...suffixes].map((s) => s.toLowerCase()).sort((a, b) => b.length - a.length);
  for (const suffix of ordered) {
    if (host === suffix) return undefined;
    if (host.endsWith(`.${suffix}`)) return host.slice(0, host.length - suffix.length - 1);
  }
  return undefined;
}

function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ServiceError('InvalidURI', "Couldn't parse the specified URI.");
  }
}
