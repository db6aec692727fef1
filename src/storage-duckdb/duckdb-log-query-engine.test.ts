import { describeLogQueryContract } from '../storage/log-query-contract.js';
import { sharedDuckDbStorage } from './shared-test-storage.test-support.js';

describeLogQueryContract('duckdb', sharedDuckDbStorage('modelwatch-insights-'));
