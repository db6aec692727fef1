import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { describeMetricStoreContract } from '../../storage/metric-store-contract.js';
import type { Storage } from '../../storage/index.js';
import { openDuckDbStorage } from '../duckdb-storage.js';

/** One database for the whole suite, emptied with reset() after each test (as the LogStore suite does). */
let shared: { dataDir: string; storage: Storage } | undefined;

describeMetricStoreContract('duckdb', async () => {
  shared ??= await (async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-metrics-'));
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
});

after(async () => {
  if (shared === undefined) return;
  await shared.storage.close();
  await rm(shared.dataDir, { recursive: true, force: true });
});
