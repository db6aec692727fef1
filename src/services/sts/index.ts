export { createStsService } from './create-sts-service.js';
export { stsQueryShapes } from './sts-query-shapes.js';
export type { GetCallerIdentityOutput } from './operations/get-caller-identity.js';
