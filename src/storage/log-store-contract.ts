import { afterEach, beforeEach, describe } from 'node:test';
import type { LogStore } from './log-store.js';
import { appendAndReadContract } from './log-store-contract-events.js';
import { durabilityContract } from './log-store-contract-durability.js';
import { logGroupContract } from './log-store-contract-groups.js';
import { lifecycleContract } from './log-store-contract-lifecycle.js';
import { metricFilterContract } from './log-store-contract-metric-filters.js';
import { scanEventsContract } from './log-store-contract-scan.js';
import { logStreamContract } from './log-store-contract-streams.js';
import type { ContractContext } from './log-store-contract-support.js';
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

/**
 * The LogStore contract: every adapter runs it (`describeLogStoreContract('duckdb', open)`), so they all behave
 * the same way behind the port. Each test gets a fresh, empty store from `open`.
 */
export function describeLogStoreContract(name: string, open: () => Promise<OpenedStorage>): void {
  describe(`LogStore contract: ${name}`, () => {
    let opened: OpenedStorage | undefined;
    let storage: Storage | undefined;
    const current = (): Storage => {
      if (storage === undefined) throw new Error('no storage is open');
      return storage;
    };
    const ctx: ContractContext = {
      get store(): LogStore {
        return current().logs;
      },
      get storage(): Storage {
        return current();
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
    beforeEach(async () => {
      opened = await open();
      storage = opened.storage;
    });
    afterEach(async () => {
      await opened?.cleanup();
      opened = undefined;
      storage = undefined;
    });
    describe('log groups', () => logGroupContract(ctx));
    describe('log streams', () => logStreamContract(ctx));
    describe('append and readStream', () => appendAndReadContract(ctx));
    describe('scanEvents', () => scanEventsContract(ctx));
    describe('metric filters', () => metricFilterContract(ctx));
    describe('lifecycle', () => lifecycleContract(ctx));
    describe('durability', () => durabilityContract(ctx));
  });
}
