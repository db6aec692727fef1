import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeObjectStoreContract } from '../storage/object-store-contract.js';
import type { ObjectStore } from '../storage/index.js';
import { openLocalObjectStore } from './index.js';

describeObjectStoreContract('local', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-objects-'));
  let store: ObjectStore = await openLocalObjectStore({ dataDir });
  return {
    store,
    async reopen() {
      await store.close();
      store = await openLocalObjectStore({ dataDir });
      return store;
    },
    async cleanup() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

test('opening sweeps what a crash left behind: temp files, unreferenced bodies, data of a deleted bucket', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-objects-'));
  try {
    const store = await openLocalObjectStore({ dataDir });
    await store.createBucket({ name: 'b', accountId: '1', region: 'us-east-1', createdAt: 0 });
    await store.putObject({ bucket: 'b', key: 'k', body: new Uint8Array([1, 2, 3]) });
    await store.close();
    const dir = join(dataDir, 'objects', 'data', 'b');
    await writeFile(join(dir, '.half-written.tmp'), 'x');
    await writeFile(join(dir, 'deadbeef.orphan.body'), 'x');
    await writeFile(join(dataDir, 'objects', 'data', 'deleted-bucket'), 'x');
    const reopened = await openLocalObjectStore({ dataDir });
    assert.deepEqual(Array.from((await reopened.getObject('b', 'k'))?.body ?? []), [1, 2, 3]);
    assert.equal((await readdir(dir)).length, 2, 'one metadata file and one body remain');
    assert.deepEqual(await readdir(join(dataDir, 'objects', 'data')), ['b']);
    await reopened.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
