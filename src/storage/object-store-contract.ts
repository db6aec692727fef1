import { afterEach, beforeEach, describe } from 'node:test';
import { bucketContract } from './object-store-contract-buckets.js';
import { objectContract, objectOrderContract } from './object-store-contract-objects.js';
import type { ObjectStoreContext, OpenedObjectStore } from './object-store-contract-support.js';
import type { ObjectStore } from './object-store.js';

export type { OpenedObjectStore } from './object-store-contract-support.js';

/**
 * The ObjectStore contract: every adapter runs it (`describeObjectStoreContract('local', open)`). Each test gets a
 * fresh, empty store from `open`; adapters that can `reopen` over the same data also get the durability tests.
 */
export function describeObjectStoreContract(name: string, open: () => Promise<OpenedObjectStore>): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let opened: OpenedObjectStore | undefined;
    let store: ObjectStore | undefined;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened?.cleanup();
      opened = undefined;
      store = undefined;
    });
    const ctx: ObjectStoreContext = {
      get store(): ObjectStore {
        if (store === undefined) throw new Error('no store is open');
        return store;
      },
      get reopen() {
        const reopen = opened?.reopen?.bind(opened);
        return reopen === undefined
          ? undefined
          : async () => {
              store = await reopen();
            };
      },
    };
    describe('buckets', () => bucketContract(ctx));
    describe('objects', () => objectContract(ctx));
    describe('listing order and concurrency', () => objectOrderContract(ctx));
  });
}
