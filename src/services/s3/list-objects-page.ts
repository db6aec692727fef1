import type { ObjectRecord, ObjectStore } from '../../storage/index.js';

/** Where a listing resumes: after this key, and (when it was a common prefix) past every key under it. */
export interface ListCursor {
  readonly after: string;
  readonly skipPrefix?: string;
}

export interface ListObjectsPageQuery {
  readonly bucket: string;
  readonly prefix: string;
  readonly delimiter: string | undefined;
  readonly maxKeys: number;
  readonly cursor: ListCursor | undefined;
}

export interface ListObjectsPage {
  readonly contents: readonly ObjectRecord[];
  readonly commonPrefixes: readonly string[];
  /** Set when more entries follow: where the next page resumes. */
  readonly next: ListCursor | undefined;
}

const BATCH = 1000;

/**
 * One ListObjectsV2 page: keys under `prefix` in UTF-8 binary order, keys sharing a `delimiter`-ended prefix rolled
 * into one CommonPrefixes entry; contents and prefixes together count against `maxKeys`.
 */
export async function listObjectsPage(store: ObjectStore, query: ListObjectsPageQuery): Promise<ListObjectsPage> {
  const contents: ObjectRecord[] = [];
  const commonPrefixes: string[] = [];
  let skipPrefix = query.cursor?.skipPrefix;
  let after = query.cursor?.after;
  let last: ListCursor | undefined;
  for (;;) {
    const batch = await store.listObjects({ bucket: query.bucket, prefix: query.prefix, limit: BATCH, ...(after === undefined ? {} : { after }) });
    for (const record of batch) {
      if (skipPrefix !== undefined && record.key.startsWith(skipPrefix)) continue;
      const rolled = rollUp(record.key, query.prefix, query.delimiter);
      if (contents.length + commonPrefixes.length >= query.maxKeys) return { contents, commonPrefixes, next: last };
      if (rolled === undefined) {
        contents.push(record);
        last = { after: record.key };
      } else {
        commonPrefixes.push(rolled);
        skipPrefix = rolled;
        last = { after: rolled, skipPrefix: rolled };
      }
    }
    if (batch.length < BATCH) return { contents, commonPrefixes, next: undefined };
    after = batch[batch.length - 1]?.key;
  }
}

function rollUp(key: string, prefix: string, delimiter: string | undefined): string | undefined {
  if (delimiter === undefined || delimiter === '') return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}
