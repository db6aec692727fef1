import { describeQueryDefinitionStoreContract } from '../storage/query-definition-store-contract.js';
import { sharedDuckDbStorage } from './shared-test-storage.test-support.js';

describeQueryDefinitionStoreContract('duckdb', sharedDuckDbStorage('modelwatch-query-definitions-'));
