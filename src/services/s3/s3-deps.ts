import type { ObjectStore } from '../../storage/index.js';

export interface S3ServiceDeps {
  readonly store: ObjectStore;
}
