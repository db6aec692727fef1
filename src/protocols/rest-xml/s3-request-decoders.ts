import type { CreateBucketInput, DeleteObjectsInput, GetObjectInput, ListBucketsInput, ListObjectsV2Input, PutObjectInput } from '../../models/s3/index.js';
import type { WireRequest } from '../wire.js';
import { RESPONSE_OVERRIDE_HEADERS } from './s3-operation-table.js';
import { readS3Payload } from './s3-payload.js';
import type { S3Target } from './s3-request-target.js';
import { verifyBodyIntegrity } from './s3-integrity.js';
import { child, malformedXml, parseXmlBody, textOf } from './s3-xml-input.js';

/** Turns one S3 request into its operation's input, by the operation's restXml bindings. */
export type S3Decoder = (request: WireRequest, target: S3Target) => unknown;

const bucketOf = (target: S3Target): { Bucket: string } => ({ Bucket: target.kind === 'service' ? '' : target.bucket });
const objectOf = (target: S3Target): { Bucket: string; Key: string } => ({ ...bucketOf(target), Key: target.kind === 'object' ? target.key : '' });
const optional = <K extends string>(name: K, value: string | null | undefined): { [P in K]?: string } =>
  (value === null || value === undefined ? {} : { [name]: value }) as { [P in K]?: string };

function acl(request: WireRequest): { ACL?: string; HasGrants?: boolean } {
  const grants = Object.keys(request.headers).some((name) => name.startsWith('x-amz-grant-'));
  return { ...optional('ACL', request.headers['x-amz-acl']), ...(grants ? { HasGrants: true } : {}) };
}

function verifiedPayload(request: WireRequest) {
  const payload = readS3Payload(request);
  return { ...payload, verified: verifyBodyIntegrity(payload.body, payload.claims) };
}

const createBucket: S3Decoder = (request, target): CreateBucketInput => {
  const { body } = verifiedPayload(request);
  if (body.length === 0) return { ...bucketOf(target), ...acl(request), HasConfiguration: false };
  const configuration = parseXmlBody(body)['CreateBucketConfiguration'];
  if (configuration === undefined) throw malformedXml();
  return { ...bucketOf(target), ...acl(request), HasConfiguration: true, ...optional('LocationConstraint', textOf(child(configuration, 'LocationConstraint'))) };
};

const putObject: S3Decoder = (request, target): PutObjectInput => {
  const { body, contentEncoding, verified } = verifiedPayload(request);
  const h = request.headers;
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(h)) if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
  const { ContentMD5: _md5, ...checksums } = verified;
  return {
    ...objectOf(target),
    Body: body,
    Metadata: metadata,
    ...checksums,
    ...acl(request),
    ...optional('ContentType', h['content-type']),
    ...optional('ContentEncoding', contentEncoding),
    ...optional('CacheControl', h['cache-control']),
    ...optional('ContentDisposition', h['content-disposition']),
    ...optional('ContentLanguage', h['content-language']),
    ...optional('Expires', h['expires']),
  };
};

const getObject: S3Decoder = (request, target): GetObjectInput => {
  const overrides: Record<string, string> = {};
  for (const [param, member] of Object.entries(RESPONSE_OVERRIDE_HEADERS)) {
    const value = request.query.get(param);
    if (value !== null) overrides[member] = value;
  }
  return {
    ...objectOf(target),
    ...optional('Range', request.headers['range']),
    ...optional('ChecksumMode', request.headers['x-amz-checksum-mode']),
    ...optional('IfMatch', request.headers['if-match']),
    ...optional('IfNoneMatch', request.headers['if-none-match']),
    ...optional('IfModifiedSince', request.headers['if-modified-since']),
    ...optional('IfUnmodifiedSince', request.headers['if-unmodified-since']),
    ...(Object.keys(overrides).length === 0 ? {} : { ResponseOverrides: overrides }),
  };
};

const deleteObjects: S3Decoder = (request, target): DeleteObjectsInput => {
  const { body, verified } = verifiedPayload(request);
  const root = parseXmlBody(body)['Delete'];
  const objects = child(root, 'Object');
  if (root === undefined || (objects !== undefined && !Array.isArray(objects))) throw malformedXml();
  const list = (objects ?? []) as readonly Parameters<typeof child>[0][];
  const quiet = textOf(child(root, 'Quiet'))?.trim().toLowerCase();
  if (quiet !== undefined && quiet !== 'true' && quiet !== 'false') throw malformedXml();
  return {
    ...bucketOf(target),
    ...verified,
    Quiet: quiet === 'true',
    Objects: list.map((entry) => {
      const key = textOf(child(entry, 'Key'));
      if (key === undefined) throw malformedXml();
      return { Key: key, ...optional('VersionId', textOf(child(entry, 'VersionId'))) };
    }),
  };
};

const listObjectsV2: S3Decoder = (request, target): ListObjectsV2Input => {
  const q = request.query;
  return {
    ...bucketOf(target),
    ...optional('Prefix', q.get('prefix')),
    ...optional('Delimiter', q.get('delimiter')),
    ...optional('MaxKeys', q.get('max-keys')),
    ...optional('ContinuationToken', q.get('continuation-token')),
    ...optional('StartAfter', q.get('start-after')),
    ...optional('EncodingType', q.get('encoding-type')),
    ...(q.get('fetch-owner') === null ? {} : { FetchOwner: q.get('fetch-owner') === 'true' }),
  };
};

const listBuckets: S3Decoder = (request): ListBucketsInput => {
  const q = request.query;
  const max = q.get('max-buckets');
  return {
    ...optional('ContinuationToken', q.get('continuation-token')),
    ...optional('Prefix', q.get('prefix')),
    ...optional('BucketRegion', q.get('bucket-region')),
    ...(max === null ? {} : { MaxBuckets: /^\d+$/.test(max) ? Number(max) : Number.NaN }),
  };
};

const putBucketPolicy: S3Decoder = (request, target) => ({ ...bucketOf(target), Policy: verifiedPayload(request).body.toString('utf8') });

export const S3_DECODERS: Readonly<Record<string, S3Decoder>> = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  DeleteBucket: (_r, t) => bucketOf(t),
  HeadBucket: (_r, t) => bucketOf(t),
  GetBucketLocation: (_r, t) => bucketOf(t),
  ListObjectsV2: listObjectsV2,
  DeleteObjects: deleteObjects,
  PutBucketPolicy: putBucketPolicy,
  GetBucketPolicy: (_r, t) => bucketOf(t),
  DeleteBucketPolicy: (_r, t) => bucketOf(t),
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: getObject,
  DeleteObject: (_r, t) => objectOf(t),
};
