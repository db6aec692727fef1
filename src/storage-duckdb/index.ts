export { openDuckDbStorage } from './duckdb-storage.js';
export type { DuckDbStorageOptions } from './duckdb-storage.js';
