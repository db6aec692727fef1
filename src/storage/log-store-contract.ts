import { describe } from 'node:test';
import { useFreshStorage, type OpenedStorage } from './contract-fixture.js';
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

export type { OpenedStorage } from './contract-fixture.js';

/**
 * The LogStore contract: every adapter runs it (`describeLogStoreContract('duckdb', open)`), so they all behave
 * the same way behind the port. Each test gets a fresh, empty store from `open`.
 */
export function describeLogStoreContract(name: string, open: () => Promise<OpenedStorage>): void {
  describe(`LogStore contract: ${name}`, () => {
    const fixture = useFreshStorage(open);
    const ctx: ContractContext = {
      get store(): LogStore {
        return fixture.storage.logs;
      },
      get storage(): Storage {
        return fixture.storage;
      },
      get reopen() {
        return fixture.reopen;
      },
    };
    describe('log groups', () => logGroupContract(ctx));
    describe('log streams', () => logStreamContract(ctx));
    describe('append and readStream', () => appendAndReadContract(ctx));
    describe('scanEvents', () => scanEventsContract(ctx));
    describe('metric filters', () => metricFilterContract(ctx));
    describe('lifecycle', () => lifecycleContract(ctx));
    describe('durability', () => durabilityContract(ctx));
  });
}
