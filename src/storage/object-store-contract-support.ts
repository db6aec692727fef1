import type { NewBucket, ObjectStore } from './object-store.js';

/** A freshly opened, empty object store for one contract test. */
export interface OpenedObjectStore {
  readonly store: ObjectStore;
  /** Closes whatever is open and deletes the data. */
  cleanup(): Promise<void>;
  /** Optional: closes `store` and opens the same data again (cleanup must then close the new one). */
  reopen?(): Promise<ObjectStore>;
}

export interface ObjectStoreContext {
  readonly store: ObjectStore;
  /** Closes and reopens the store over the same data; undefined when the adapter cannot. */
  readonly reopen: (() => Promise<void>) | undefined;
}

export const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);

export function newBucket(name: string, overrides: Partial<NewBucket> = {}): NewBucket {
  return { name, accountId: '111111111111', region: 'us-east-1', createdAt: T0, ...overrides };
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
