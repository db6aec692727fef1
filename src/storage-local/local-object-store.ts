import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from '../kernel/index.js';
import {
  MissingBucketError,
  compareKeys,
  type BucketRecord,
  type DeleteBucketOutcome,
  type ListObjectsQuery,
  type NewBucket,
  type NewObject,
  type ObjectStore,
} from '../storage/index.js';
import { syncDirectory, writeFileAtomic } from './atomic-file.js';
import { KeyLock } from './key-lock.js';
import { listFrom, readBody, toRecord } from './local-object-reads.js';
import { BODY_SUFFIX, BUCKETS_DIR, DATA_DIR, META_SUFFIX, loadObjectIndex, type LocalBucket, type LocalObjectEntry } from './local-object-index.js';

export interface LocalObjectStoreOptions {
  readonly dataDir: string;
  readonly clock?: Clock;
}

/**
 * The embedded ObjectStore: files under `<dataDir>/objects/`, with an in-memory index rebuilt at open. Object files are
 * named by the SHA-256 of the key (keys may hold any character and be 1 KiB long); each write puts the body in a
 * fresh file and then atomically replaces the metadata that points at it, so a crash never mixes two versions.
 */
export async function openLocalObjectStore(options: LocalObjectStoreOptions): Promise<ObjectStore> {
  const root = join(options.dataDir, 'objects');
  await mkdir(join(root, BUCKETS_DIR), { recursive: true });
  await mkdir(join(root, DATA_DIR), { recursive: true });
  const clock = options.clock ?? systemClock;
  let buckets = await loadObjectIndex(root);
  const locks = new KeyLock();
  const bucketFile = (name: string): string => join(root, BUCKETS_DIR, `${name}.json`);
  const bucketDir = (name: string): string => join(root, DATA_DIR, name);
  const keyHash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

  const writeBucket = async (record: BucketRecord): Promise<void> => writeFileAtomic(bucketFile(record.name), JSON.stringify(record));

  return {
    createBucket: (bucket: NewBucket) =>
      locks.run(`bucket:${bucket.name}`, async () => {
        const existing = buckets.get(bucket.name);
        if (existing !== undefined) return { created: false, bucket: existing.record };
        const record: BucketRecord = { ...bucket };
        await mkdir(bucketDir(bucket.name), { recursive: true });
        await writeBucket(record);
        buckets.set(bucket.name, { record, objects: new Map() });
        return { created: true, bucket: record };
      }),
    getBucket: async (name) => buckets.get(name)?.record,
    listBuckets: async (accountId) =>
      [...buckets.values()].map((b) => b.record).filter((b) => b.accountId === accountId).sort((a, b) => compareKeys(a.name, b.name)),
    deleteBucket: (name) =>
      locks.run(`bucket:${name}`, async (): Promise<DeleteBucketOutcome> => {
        const bucket = buckets.get(name);
        if (bucket === undefined) return 'missing';
        if (bucket.objects.size > 0) return 'not-empty';
        // The bucket file is the commit point; a crash before the folder is gone leaves data that opening sweeps.
        await rm(bucketFile(name), { force: true });
        await syncDirectory(join(root, BUCKETS_DIR));
        buckets.delete(name);
        await rm(bucketDir(name), { recursive: true, force: true });
        return 'deleted';
      }),
    setBucketPolicy: (name, policy) =>
      locks.run(`bucket:${name}`, async () => {
        const bucket = buckets.get(name);
        if (bucket === undefined) return false;
        const { policy: _old, ...rest } = bucket.record;
        const record: BucketRecord = policy === undefined ? rest : { ...rest, policy };
        await writeBucket(record);
        bucket.record = record;
        return true;
      }),

    putObject: (object: NewObject) =>
      locks.run(`object:${object.bucket}/${object.key}`, async () => {
        const bucket = requireBucket(buckets, object.bucket);
        const record = toRecord(object, object.lastModified ?? clock.now());
        const hash = keyHash(object.key);
        const entry: LocalObjectEntry = { record, bodyFile: `${hash}.${randomUUID()}${BODY_SUFFIX}` };
        const dir = bucketDir(object.bucket);
        try {
          await writeFileAtomic(join(dir, entry.bodyFile), object.body);
          await writeFileAtomic(join(dir, `${hash}${META_SUFFIX}`), JSON.stringify(entry));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingBucketError(object.bucket);
          throw error;
        }
        const previous = bucket.objects.get(object.key);
        bucket.objects.set(object.key, entry);
        if (previous === undefined) delete bucket.sortedKeys;
        if (previous !== undefined) await rm(join(dir, previous.bodyFile), { force: true });
        return record;
      }),
    headObject: async (bucket, key) => buckets.get(bucket)?.objects.get(key)?.record,
    getObject: async (bucket, key, range) => {
      const entry = buckets.get(bucket)?.objects.get(key);
      if (entry === undefined) return undefined;
      return readBody(join(bucketDir(bucket), entry.bodyFile), entry.record, range);
    },
    deleteObject: (bucket, key) =>
      locks.run(`object:${bucket}/${key}`, async () => {
        const owner = buckets.get(bucket);
        const entry = owner?.objects.get(key);
        if (owner === undefined || entry === undefined) return false;
        await rm(join(bucketDir(bucket), `${keyHash(key)}${META_SUFFIX}`), { force: true });
        await syncDirectory(bucketDir(bucket));
        owner.objects.delete(key);
        delete owner.sortedKeys;
        await rm(join(bucketDir(bucket), entry.bodyFile), { force: true });
        return true;
      }),
    listObjects: async (query: ListObjectsQuery) => listFrom(buckets.get(query.bucket), query),

    reset: async () => {
      await locks.idle();
      await rm(root, { recursive: true, force: true });
      await mkdir(join(root, BUCKETS_DIR), { recursive: true });
      await mkdir(join(root, DATA_DIR), { recursive: true });
      buckets = new Map();
    },
    close: () => locks.idle(),
  };
}

function requireBucket(buckets: Map<string, LocalBucket>, name: string): LocalBucket {
  const bucket = buckets.get(name);
  if (bucket === undefined) throw new MissingBucketError(name);
  return bucket;
}
