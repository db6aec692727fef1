export { openLocalObjectStore } from './local-object-store.js';
export type { LocalObjectStoreOptions } from './local-object-store.js';
