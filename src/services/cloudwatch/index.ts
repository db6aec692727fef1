export { createCloudWatchService } from './cloudwatch-service.js';
export type { CloudWatchServiceDeps, CloudWatchServiceOptions } from './cloudwatch-deps.js';
export { internalServiceFault } from './errors.js';
export { createMemoryTaggedResources } from './tagged-resources.js';
export type { TaggedResources } from './tagged-resources.js';
