/**
 * Hand-written S3 shapes for the subset ModelWatch serves (the API model's member names, restXml bindings kept in
 * `src/protocols/rest-xml`). Blobs are `Uint8Array`, timestamps epoch milliseconds.
 */

export type S3ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

/** `x-amz-checksum-*` values, base64 as on the wire. */
export interface S3Checksums {
  readonly ChecksumCRC32?: string;
  readonly ChecksumCRC32C?: string;
  readonly ChecksumCRC64NVME?: string;
  readonly ChecksumSHA1?: string;
  readonly ChecksumSHA256?: string;
}

export interface BucketInput {
  readonly Bucket: string;
  /** `x-amz-expected-bucket-owner`: the account the caller expects to own the bucket. */
  readonly ExpectedBucketOwner?: string;
}

export interface ObjectInput extends BucketInput {
  readonly Key: string;
}

/** `x-amz-acl`, and whether any `x-amz-grant-*` header was sent: new buckets enforce bucket-owner ownership. */
export interface AclInput {
  readonly ACL?: string;
  readonly HasGrants?: boolean;
}

export interface CreateBucketInput extends BucketInput, AclInput {
  readonly LocationConstraint?: string;
  /** True when the request carried a `CreateBucketConfiguration` body. */
  readonly HasConfiguration: boolean;
}
export interface CreateBucketOutput {
  readonly Location: string;
}

export interface HeadBucketOutput {
  readonly BucketRegion: string;
  readonly BucketArn?: string;
}

export interface ListBucketsInput {
  readonly MaxBuckets?: number;
  readonly ContinuationToken?: string;
  readonly Prefix?: string;
  readonly BucketRegion?: string;
}
export interface BucketSummary {
  readonly Name: string;
  readonly CreationDate: number;
  readonly BucketRegion: string;
  readonly BucketArn: string;
}
export interface Owner {
  readonly ID: string;
  readonly DisplayName?: string;
}
export interface ListBucketsOutput {
  readonly Buckets: readonly BucketSummary[];
  readonly Owner: Owner;
  readonly ContinuationToken?: string;
  readonly Prefix?: string;
}

export interface GetBucketLocationOutput {
  /** Empty for us-east-1, as S3 answers. */
  readonly LocationConstraint: string;
}

/** The headers S3 stores with an object and returns on GET/HEAD. */
export interface ObjectContentHeaders {
  readonly ContentType?: string;
  readonly ContentEncoding?: string;
  readonly CacheControl?: string;
  readonly ContentDisposition?: string;
  readonly ContentLanguage?: string;
  /** The `Expires` header text, kept as sent. */
  readonly Expires?: string;
}

export interface PutObjectInput extends ObjectInput, ObjectContentHeaders, S3Checksums, AclInput {
  readonly Body: Uint8Array;
  readonly Metadata: Readonly<Record<string, string>>;
}
/** S3 encrypts every object at rest with S3-managed keys by default (since January 2023) and says so. */
export interface EncryptionOutput {
  readonly ServerSideEncryption?: 'AES256';
}

export interface PutObjectOutput extends S3Checksums, EncryptionOutput {
  readonly ETag: string;
}

export interface GetObjectInput extends ObjectInput {
  readonly Range?: string;
  readonly ChecksumMode?: string;
  /** Conditional read headers, as sent (`If-Modified-Since` and `If-Unmodified-Since` are HTTP dates). */
  readonly IfMatch?: string;
  readonly IfNoneMatch?: string;
  readonly IfModifiedSince?: string;
  readonly IfUnmodifiedSince?: string;
  /** `response-content-type`, ...: headers to answer with instead of the stored ones (for this response only). */
  readonly ResponseOverrides?: ObjectContentHeaders;
}
export interface HeadObjectOutput extends ObjectContentHeaders, S3Checksums, EncryptionOutput {
  readonly ContentLength: number;
  readonly ETag: string;
  readonly LastModified: number;
  readonly Metadata: Readonly<Record<string, string>>;
  /** Set for a ranged read: `bytes <first>-<last>/<size>`; the wire answers 206 then. */
  readonly ContentRange?: string;
}
export interface GetObjectOutput extends HeadObjectOutput {
  readonly Body: Uint8Array;
}

export interface DeleteObjectsInput extends BucketInput, S3Checksums {
  readonly Objects: ReadonlyArray<{ readonly Key: string; readonly VersionId?: string }>;
  readonly Quiet: boolean;
  readonly ContentMD5?: string;
}
export interface DeleteObjectsOutput {
  readonly Deleted: ReadonlyArray<{ readonly Key: string }>;
  readonly Errors: ReadonlyArray<{ readonly Key: string; readonly Code: string; readonly Message: string }>;
}

export interface ListObjectsV2Input extends BucketInput {
  readonly Prefix?: string;
  readonly Delimiter?: string;
  /** The raw `max-keys` text; the service validates it. */
  readonly MaxKeys?: string;
  readonly ContinuationToken?: string;
  readonly StartAfter?: string;
  readonly EncodingType?: string;
  readonly FetchOwner?: boolean;
}
export interface ObjectSummary {
  readonly Key: string;
  readonly LastModified: number;
  readonly ETag: string;
  readonly Size: number;
  readonly StorageClass: 'STANDARD';
  readonly Owner?: Owner;
}
export interface ListObjectsV2Output {
  readonly Name: string;
  readonly Prefix: string;
  readonly Delimiter?: string;
  readonly MaxKeys: number;
  readonly KeyCount: number;
  readonly IsTruncated: boolean;
  readonly ContinuationToken?: string;
  readonly NextContinuationToken?: string;
  readonly StartAfter?: string;
  readonly EncodingType?: string;
  readonly Contents: readonly ObjectSummary[];
  readonly CommonPrefixes: readonly string[];
}

export interface PutBucketPolicyInput extends BucketInput {
  readonly Policy: string;
}
export interface GetBucketPolicyOutput {
  readonly Policy: string;
}

/** Operations whose output has no members answer with this. */
export type EmptyOutput = Record<string, never>;
