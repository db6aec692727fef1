import { afterEach, beforeEach } from 'node:test';
import type { Storage } from './storage.js';

/** A freshly opened, empty backend for one test. */
export interface OpenedStorage {
  readonly storage: Storage;
  /** Closes whatever is open and deletes the data. */
  cleanup(): Promise<void>;
  /**
   * Optional: closes `storage` and opens the same data again, returning the new Storage (cleanup must then close
   * that one). Adapters that provide it get the durability tests.
   */
  reopen?(): Promise<Storage>;
}

/** What every contract test sees: the storage open for this test, and a way to reopen it over the same data. */
export interface StorageFixture {
  readonly storage: Storage;
  /** Closes the storage and opens it again over the same data; undefined when the adapter cannot. */
  readonly reopen: (() => Promise<void>) | undefined;
}

/** Registers hooks that give each test of the enclosing suite a fresh store from `open`, and cleans it up after. */
export function useFreshStorage(open: () => Promise<OpenedStorage>): StorageFixture {
  let opened: OpenedStorage | undefined;
  let storage: Storage | undefined;
  beforeEach(async () => {
    opened = await open();
    storage = opened.storage;
  });
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
    storage = undefined;
  });
  return {
    get storage(): Storage {
      if (storage === undefined) throw new Error('no storage is open');
      return storage;
    },
    get reopen(): (() => Promise<void>) | undefined {
      const reopen = opened?.reopen?.bind(opened);
      return reopen === undefined
        ? undefined
        : async () => {
            storage = await reopen();
          };
    },
  };
}
