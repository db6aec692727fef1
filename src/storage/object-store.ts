/**
 * The ObjectStore port: S3-style buckets and objects. Bucket names are global (unique across accounts, as on AWS);
 * each bucket remembers the account that owns it and its region. Every write is durable once its promise resolves.
 */

export interface BucketRecord {
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** The bucket policy JSON text, when one is set. */
  readonly policy?: string;
}

export interface NewBucket {
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly createdAt: number;
}

/** Checksums as S3 reports them (`x-amz-checksum-*`, base64), by algorithm name. */
export interface ObjectChecksums {
  readonly crc32?: string;
  readonly crc32c?: string;
  readonly crc64nvme?: string;
  readonly sha1?: string;
  readonly sha256?: string;
}

/** The headers S3 keeps with an object. */
export interface ObjectHeaders {
  readonly contentType?: string;
  readonly contentEncoding?: string;
  readonly cacheControl?: string;
  readonly contentDisposition?: string;
  readonly contentLanguage?: string;
  readonly expires?: string;
}

export interface NewObject extends ObjectHeaders {
  readonly bucket: string;
  readonly key: string;
  readonly body: Uint8Array;
  /** User metadata (`x-amz-meta-*`), names lower-case without the prefix. */
  readonly metadata?: Readonly<Record<string, string>>;
  readonly checksums?: ObjectChecksums;
  /** Epoch milliseconds; the adapter's clock when omitted. */
  readonly lastModified?: number;
}

export interface ObjectRecord extends ObjectHeaders {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  /** Quoted hex MD5 of the body, e.g. `"9e107d9d372bb6826bd81d3542a419d6"`. */
  readonly etag: string;
  readonly lastModified: number;
  readonly metadata: Readonly<Record<string, string>>;
  readonly checksums: ObjectChecksums;
}

export interface StoredObject extends ObjectRecord {
  /** The whole body, or the requested byte range of it. */
  readonly body: Uint8Array;
}

/** Inclusive byte offsets, already validated against the object's size. */
export interface ByteRange {
  readonly first: number;
  readonly last: number;
}

export interface ListObjectsQuery {
  readonly bucket: string;
  readonly prefix?: string;
  /** Only keys strictly after this one (UTF-8 binary order). */
  readonly after?: string;
  readonly limit: number;
}

export type DeleteBucketOutcome = 'deleted' | 'missing' | 'not-empty';

/** Thrown by object writes into a bucket that does not exist (e.g. deleted meanwhile). */
export class MissingBucketError extends Error {
  constructor(readonly bucket: string) {
    super(`bucket ${bucket} does not exist`);
    this.name = 'MissingBucketError';
  }
}

export interface ObjectStore {
  /** Creates the bucket, or returns the one that already has this name (whoever owns it). */
  createBucket(bucket: NewBucket): Promise<{ readonly created: boolean; readonly bucket: BucketRecord }>;
  getBucket(name: string): Promise<BucketRecord | undefined>;
  /** The account's buckets, by name. */
  listBuckets(accountId: string): Promise<readonly BucketRecord[]>;
  deleteBucket(name: string): Promise<DeleteBucketOutcome>;
  /** Sets (or with `undefined` removes) the policy; false when the bucket does not exist. */
  setBucketPolicy(name: string, policy: string | undefined): Promise<boolean>;

  /** Stores (or replaces) an object; throws `MissingBucketError` for an unknown bucket. */
  putObject(object: NewObject): Promise<ObjectRecord>;
  headObject(bucket: string, key: string): Promise<ObjectRecord | undefined>;
  getObject(bucket: string, key: string, range?: ByteRange): Promise<StoredObject | undefined>;
  /** True when the object existed. */
  deleteObject(bucket: string, key: string): Promise<boolean>;
  /** Up to `limit` objects under `prefix` after `after`, in UTF-8 binary key order. */
  listObjects(query: ListObjectsQuery): Promise<readonly ObjectRecord[]>;

  /** Wipes every bucket and object. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** UTF-8 binary order (S3's key order), which differs from JS string order for astral characters. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
