import type {
  CreateBucketOutput,
  DeleteObjectsOutput,
  EncryptionOutput,
  GetBucketLocationOutput,
  GetBucketPolicyOutput,
  GetObjectOutput,
  HeadBucketOutput,
  HeadObjectOutput,
  ListBucketsOutput,
  ListObjectsV2Output,
  PutObjectOutput,
  S3Checksums,
} from '../../models/s3/index.js';
import { xmlText } from '../aws-query/xml-text.js';
import { CHECKSUM_KINDS } from './s3-checksums.js';
import { el, isoTime, nested, s3Document } from './s3-xml-output.js';

/** What an operation's output becomes on the wire before the codec adds the request-id headers. */
export interface S3Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
}

export type S3Encoder = (output: never) => S3Reply;

const XML = { 'content-type': 'application/xml' } as const;
const empty = (status: number) => (): S3Reply => ({ status, headers: {}, body: '' });

function checksumHeaders(checksums: S3Checksums & EncryptionOutput): Record<string, string> {
  const headers: Record<string, string> = checksums.ServerSideEncryption === undefined ? {} : { 'x-amz-server-side-encryption': checksums.ServerSideEncryption };
  for (const kind of CHECKSUM_KINDS) {
    const value = checksums[kind.member];
    if (value !== undefined) headers[kind.header] = value;
  }
  return headers;
}

/** Every header GET and HEAD answer with; the body length is the stored size (or the range's) for both. */
function objectHeaders(o: HeadObjectOutput): Record<string, string> {
  const headers: Record<string, string> = {
    'content-length': String(o.ContentLength),
    etag: o.ETag,
    'last-modified': new Date(o.LastModified).toUTCString(),
    'accept-ranges': 'bytes',
    ...checksumHeaders(o),
  };
  const optional: ReadonlyArray<readonly [string, string | undefined]> = [
    ['content-type', o.ContentType],
    ['content-encoding', o.ContentEncoding],
    ['cache-control', o.CacheControl],
    ['content-disposition', o.ContentDisposition],
    ['content-language', o.ContentLanguage],
    ['expires', o.Expires],
    ['content-range', o.ContentRange],
  ];
  for (const [name, value] of optional) if (value !== undefined) headers[name] = value;
  for (const [name, value] of Object.entries(o.Metadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}

const owner = (o: { ID: string; DisplayName?: string }): { xml: string } => nested(el('ID', o.ID), el('DisplayName', o.DisplayName));

export const S3_ENCODERS: Readonly<Record<string, (output: never) => S3Reply>> = {
  ListBuckets: (o: ListBucketsOutput) => ({
    status: 200,
    headers: XML,
    body: s3Document(
      'ListAllMyBucketsResult',
      el('Owner', owner(o.Owner)),
      el('Buckets', nested(...o.Buckets.map((b) =>
        el('Bucket', nested(el('Name', b.Name), el('CreationDate', isoTime(b.CreationDate)), el('BucketRegion', b.BucketRegion), el('BucketArn', b.BucketArn))),
      ))),
      el('ContinuationToken', o.ContinuationToken),
      el('Prefix', o.Prefix),
    ),
  }),
  CreateBucket: (o: CreateBucketOutput) => ({ status: 200, headers: { location: o.Location }, body: '' }),
  DeleteBucket: empty(204),
  HeadBucket: (o: HeadBucketOutput) => ({
    status: 200,
    headers: { 'x-amz-bucket-region': o.BucketRegion, ...(o.BucketArn === undefined ? {} : { 'x-amz-bucket-arn': o.BucketArn }) },
    body: '',
  }),
  GetBucketLocation: (o: GetBucketLocationOutput) => ({
    status: 200,
    headers: XML,
    body: s3Document('LocationConstraint', xmlText(o.LocationConstraint)),
  }),
  ListObjectsV2: (o: ListObjectsV2Output) => ({
    status: 200,
    headers: XML,
    body: s3Document(
      'ListBucketResult',
      el('Name', o.Name), el('Prefix', o.Prefix), el('Delimiter', o.Delimiter), el('MaxKeys', o.MaxKeys),
      el('EncodingType', o.EncodingType), el('KeyCount', o.KeyCount), el('IsTruncated', o.IsTruncated),
      el('ContinuationToken', o.ContinuationToken), el('NextContinuationToken', o.NextContinuationToken), el('StartAfter', o.StartAfter),
      ...o.Contents.map((c) =>
        el('Contents', nested(
          el('Key', c.Key), el('LastModified', isoTime(c.LastModified)), el('ETag', c.ETag), el('Size', c.Size),
          c.Owner === undefined ? '' : el('Owner', owner(c.Owner)), el('StorageClass', c.StorageClass),
        )),
      ),
      ...o.CommonPrefixes.map((p) => el('CommonPrefixes', nested(el('Prefix', p)))),
    ),
  }),
  DeleteObjects: (o: DeleteObjectsOutput) => ({
    status: 200,
    headers: XML,
    body: s3Document(
      'DeleteResult',
      ...o.Deleted.map((d) => el('Deleted', nested(el('Key', d.Key)))),
      ...o.Errors.map((e) => el('Error', nested(el('Key', e.Key), el('Code', e.Code), el('Message', e.Message)))),
    ),
  }),
  PutBucketPolicy: empty(204),
  GetBucketPolicy: (o: GetBucketPolicyOutput) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: o.Policy }),
  DeleteBucketPolicy: empty(204),
  PutObject: (o: PutObjectOutput) => ({ status: 200, headers: { etag: o.ETag, ...checksumHeaders(o) }, body: '' }),
  GetObject: (o: GetObjectOutput) => {
    const { Body, ...head } = o;
    return { status: o.ContentRange === undefined ? 200 : 206, headers: objectHeaders(head), body: Buffer.from(Body.buffer, Body.byteOffset, Body.byteLength) };
  },
  HeadObject: (o: HeadObjectOutput) => ({ status: o.ContentRange === undefined ? 200 : 206, headers: objectHeaders(o), body: '' }),
  DeleteObject: empty(204),
};
