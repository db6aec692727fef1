import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { compareKeys, type ByteRange, type ListObjectsQuery, type NewObject, type ObjectRecord, type StoredObject } from '../storage/index.js';
import type { LocalBucket } from './local-object-index.js';

/** The local adapter's pure and read-only parts: records from writes, body reads, listings over the index. */

export function toRecord(object: NewObject, lastModified: number): ObjectRecord {
  const { body, lastModified: _ignored, metadata, checksums, ...rest } = object;
  const md5 = createHash('md5').update(body).digest('hex');
  return { ...rest, size: body.length, etag: `"${md5}"`, lastModified, metadata: { ...metadata }, checksums: { ...checksums } };
}

export async function readBody(path: string, record: ObjectRecord, range: ByteRange | undefined): Promise<StoredObject> {
  if (range === undefined) return { ...record, body: await readFile(path) };
  const length = range.last - range.first + 1;
  const file = await open(path, 'r');
  try {
    const body = Buffer.alloc(length);
    const { bytesRead } = await file.read(body, 0, length, range.first);
    return { ...record, body: body.subarray(0, bytesRead) };
  } finally {
    await file.close();
  }
}

export function listFrom(bucket: LocalBucket | undefined, query: ListObjectsQuery): readonly ObjectRecord[] {
  if (bucket === undefined) return [];
  bucket.sortedKeys ??= [...bucket.objects.keys()].sort(compareKeys);
  const keys = bucket.sortedKeys;
  const prefix = query.prefix ?? '';
  // Keys sharing a prefix are contiguous in byte order: start at the later of the prefix and `after`, stop past it.
  const from = query.after !== undefined && compareKeys(query.after, prefix) >= 0 ? query.after : prefix;
  const page: ObjectRecord[] = [];
  for (let i = firstAtOrAfter(keys, from); i < keys.length && page.length < query.limit; i++) {
    const key = keys[i] as string;
    if (!key.startsWith(prefix)) break;
    if (query.after !== undefined && compareKeys(key, query.after) <= 0) continue;
    const entry = bucket.objects.get(key);
    if (entry !== undefined) page.push(entry.record);
  }
  return page;
}

/** Binary search: the index of the first key not less than `target`. */
function firstAtOrAfter(keys: readonly string[], target: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareKeys(keys[mid] as string, target) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
