import { createHash } from 'node:crypto';
import {
  MissingBucketError,
  compareKeys,
  type BucketRecord,
  type DeleteBucketOutcome,
  type ObjectRecord,
  type ObjectStore,
} from '../../storage/index.js';

interface MemoryBucket {
  record: BucketRecord;
  readonly objects: Map<string, { record: ObjectRecord; body: Uint8Array }>;
}

/** An ObjectStore in memory, for unit tests of the S3 service; it runs the port's contract suite too. */
export function memoryObjectStore(now: () => number = () => 0): ObjectStore {
  let buckets = new Map<string, MemoryBucket>();
  return {
    async createBucket(bucket) {
      const existing = buckets.get(bucket.name);
      if (existing !== undefined) return { created: false, bucket: existing.record };
      buckets.set(bucket.name, { record: { ...bucket }, objects: new Map() });
      return { created: true, bucket: { ...bucket } };
    },
    getBucket: async (name) => buckets.get(name)?.record,
    listBuckets: async (accountId) =>
      [...buckets.values()].map((b) => b.record).filter((b) => b.accountId === accountId).sort((a, b) => compareKeys(a.name, b.name)),
    async deleteBucket(name): Promise<DeleteBucketOutcome> {
      const bucket = buckets.get(name);
      if (bucket === undefined) return 'missing';
      if (bucket.objects.size > 0) return 'not-empty';
      buckets.delete(name);
      return 'deleted';
    },
    async setBucketPolicy(name, policy) {
      const bucket = buckets.get(name);
      if (bucket === undefined) return false;
      const { policy: _old, ...rest } = bucket.record;
      bucket.record = policy === undefined ? rest : { ...rest, policy };
      return true;
    },
    async putObject(object) {
      const bucket = buckets.get(object.bucket);
      if (bucket === undefined) throw new MissingBucketError(object.bucket);
      const { body, lastModified, metadata, checksums, ...headers } = object;
      const record: ObjectRecord = {
        ...headers, size: body.length, etag: `"${createHash('md5').update(body).digest('hex')}"`,
        lastModified: lastModified ?? now(), metadata: { ...metadata }, checksums: { ...checksums },
      };
      bucket.objects.set(object.key, { record, body: Uint8Array.from(body) });
      return record;
    },
    headObject: async (bucket, key) => buckets.get(bucket)?.objects.get(key)?.record,
    async getObject(bucket, key, range) {
      const entry = buckets.get(bucket)?.objects.get(key);
      if (entry === undefined) return undefined;
      return { ...entry.record, body: range === undefined ? entry.body : entry.body.subarray(range.first, range.last + 1) };
    },
    deleteObject: async (bucket, key) => buckets.get(bucket)?.objects.delete(key) ?? false,
    async listObjects(query) {
      const objects = buckets.get(query.bucket)?.objects ?? new Map();
      return [...objects.values()]
        .map((o) => o.record)
        .filter((o) => o.key.startsWith(query.prefix ?? '') && (query.after === undefined || compareKeys(o.key, query.after) > 0))
        .sort((a, b) => compareKeys(a.key, b.key))
        .slice(0, query.limit);
    },
    reset: async () => {
      buckets = new Map();
    },
    close: async () => undefined,
  };
}
