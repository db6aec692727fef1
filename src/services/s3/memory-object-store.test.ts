import { describeObjectStoreContract } from '../../storage/object-store-contract.js';
import { memoryObjectStore } from './memory-object-store.test-support.js';

// The S3 service's unit tests run on this store, so it must keep the port's contract too.
describeObjectStoreContract('memory (test support)', async () => ({ store: memoryObjectStore(), cleanup: async () => undefined }));
