import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Bytes on disk of each file of the embedded store (the DuckDB database, its WAL), keyed by file name, for the
 * `modelwatch_store_size_bytes` gauge. A file that vanishes between listing and stat is skipped.
 */
export async function storeFileSizes(dataDir: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  const names = await readdir(dataDir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith('.duckdb') && !name.endsWith('.duckdb.wal')) continue;
    const info = await stat(join(dataDir, name)).catch(() => undefined);
    if (info?.isFile() === true) sizes[name] = info.size;
  }
  return sizes;
}
