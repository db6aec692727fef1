import { describeMetricStoreContract } from '../../storage/metric-store-contract.js';
import { sharedDuckDbStorage } from '../shared-test-storage.test-support.js';

describeMetricStoreContract('duckdb', sharedDuckDbStorage('modelwatch-metrics-'));
