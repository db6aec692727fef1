import { afterEach, beforeEach, describe } from 'node:test';
import type { OpenedStorage } from './log-store-contract.js';
import { metricDataContract } from './metric-store-contract-data.js';
import { metricLifecycleContract } from './metric-store-contract-lifecycle.js';
import { metricListContract } from './metric-store-contract-list.js';
import { metricStatisticsContract } from './metric-store-contract-statistics.js';
import type { MetricContractContext } from './metric-store-contract-support.js';
import type { MetricStore } from './metric-store.js';
import type { Storage } from './storage.js';

/**
 * The MetricStore contract: every adapter runs it (`describeMetricStoreContract('duckdb', open)`). Each test gets
 * a fresh, empty store from `open` (the same OpenedStorage the LogStore contract uses).
 */
export function describeMetricStoreContract(name: string, open: () => Promise<OpenedStorage>): void {
  describe(`MetricStore contract: ${name}`, () => {
    let opened: OpenedStorage | undefined;
    let storage: Storage | undefined;
    const current = (): Storage => {
      if (storage === undefined) throw new Error('no storage is open');
      return storage;
    };
    const ctx: MetricContractContext = {
      get store(): MetricStore {
        return current().metrics;
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
    describe('putMetricData and aggregate', () => metricDataContract(ctx));
    describe('extended statistics', () => metricStatisticsContract(ctx));
    describe('listMetrics', () => metricListContract(ctx));
    describe('roll-up, retention and durability', () => metricLifecycleContract(ctx));
  });
}
