import { describeLogStoreContract } from '../storage/log-store-contract.js';
import { sharedDuckDbStorage } from './shared-test-storage.test-support.js';

describeLogStoreContract('duckdb', sharedDuckDbStorage('modelwatch-duckdb-'));
