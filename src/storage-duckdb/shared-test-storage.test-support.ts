import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { OpenedStorage } from '../storage/log-store-contract.js';
import type { Storage } from '../storage/index.js';
import { openDuckDbStorage } from './duckdb-storage.js';

/**
 * An `open` for the contract suites: one database for the whole test file, emptied with reset() after each test.
 * Opening and closing a DuckDB file per test would cost most of a suite's time, and it makes every test also a test
 * of reset(). The database is closed and deleted when the file's tests are done.
 */
export function sharedDuckDbStorage(prefix: string): () => Promise<OpenedStorage> {
  let shared: { dataDir: string; storage: Storage } | undefined;
  after(async () => {
    if (shared === undefined) return;
    await shared.storage.close();
    await rm(shared.dataDir, { recursive: true, force: true });
  });
  return async () => {
    shared ??= await (async () => {
      const dataDir = await mkdtemp(join(tmpdir(), prefix));
      return { dataDir, storage: await openDuckDbStorage({ dataDir, memoryLimit: '128MB' }) };
    })();
    const opened = shared;
    return {
      storage: opened.storage,
      reopen: async () => {
        await opened.storage.close();
        opened.storage = await openDuckDbStorage({ dataDir: opened.dataDir, memoryLimit: '128MB' });
        return opened.storage;
      },
      cleanup: () => opened.storage.reset(),
    };
  };
}
