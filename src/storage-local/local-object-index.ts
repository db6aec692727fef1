import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BucketRecord, ObjectRecord } from '../storage/index.js';
import { TEMP_SUFFIX } from './atomic-file.js';

/** An object as the local adapter indexes it: its record plus the body file that holds its bytes. */
export interface LocalObjectEntry {
  readonly record: ObjectRecord;
  readonly bodyFile: string;
}

export interface LocalBucket {
  record: BucketRecord;
  readonly objects: Map<string, LocalObjectEntry>;
  /** The keys in UTF-8 binary order, built on the first listing and dropped when a key is added or removed. */
  sortedKeys?: string[];
}

export const BUCKETS_DIR = 'buckets';
export const DATA_DIR = 'data';
export const META_SUFFIX = '.meta.json';
export const BODY_SUFFIX = '.body';

/**
 * Rebuilds the in-memory index from disk at open. A bucket exists once its `buckets/<name>.json` does; an object once
 * its `<hash>.meta.json` does (the metadata rename is the commit point). Anything else a crash left behind (temp
 * files, bodies no metadata points at, data of deleted buckets) is swept here.
 */
export async function loadObjectIndex(root: string): Promise<Map<string, LocalBucket>> {
  const buckets = new Map<string, LocalBucket>();
  for (const file of await listDir(join(root, BUCKETS_DIR))) {
    const path = join(root, BUCKETS_DIR, file);
    if (!file.endsWith('.json')) {
      await rm(path, { force: true });
      continue;
    }
    const record = JSON.parse(await readFile(path, 'utf8')) as BucketRecord;
    buckets.set(record.name, { record, objects: await loadBucketObjects(join(root, DATA_DIR, record.name)) });
  }
  for (const name of await listDir(join(root, DATA_DIR))) {
    if (!buckets.has(name)) await rm(join(root, DATA_DIR, name), { recursive: true, force: true });
  }
  return buckets;
}

async function loadBucketObjects(dir: string): Promise<Map<string, LocalObjectEntry>> {
  const objects = new Map<string, LocalObjectEntry>();
  const files = await listDir(dir);
  const referenced = new Set<string>();
  for (const file of files.filter((f) => f.endsWith(META_SUFFIX))) {
    const entry = JSON.parse(await readFile(join(dir, file), 'utf8')) as LocalObjectEntry;
    objects.set(entry.record.key, entry);
    referenced.add(entry.bodyFile);
  }
  for (const file of files) {
    const orphanBody = file.endsWith(BODY_SUFFIX) && !referenced.has(file);
    if (orphanBody || file.endsWith(TEMP_SUFFIX)) await rm(join(dir, file), { force: true });
  }
  return objects;
}

async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
