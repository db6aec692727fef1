import { describeBedrockConfigStoreContract } from '../storage/bedrock-config-store-contract.js';
import { sharedDuckDbStorage } from './shared-test-storage.test-support.js';

describeBedrockConfigStoreContract('duckdb', sharedDuckDbStorage('modelwatch-bedrock-config-'));
