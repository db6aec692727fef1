import { describe } from 'node:test';
import { useFreshStorage, type OpenedStorage } from './contract-fixture.js';
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
    const fixture = useFreshStorage(open);
    const ctx: MetricContractContext = {
      get store(): MetricStore {
        return fixture.storage.metrics;
      },
      get storage(): Storage {
        return fixture.storage;
      },
      get reopen() {
        return fixture.reopen;
      },
    };
    describe('putMetricData and aggregate', () => metricDataContract(ctx));
    describe('extended statistics', () => metricStatisticsContract(ctx));
    describe('listMetrics', () => metricListContract(ctx));
    describe('roll-up, retention and durability', () => metricLifecycleContract(ctx));
  });
}
