import type { Operation, ServiceDefinition } from '../../kernel/index.js';
import { getCallerIdentity } from './operations/get-caller-identity.js';

/** STS (signing name `sts`): only GetCallerIdentity, which SDKs and tools use to check credentials. */
export function createStsService(): ServiceDefinition {
  return {
    signingName: 'sts',
    operations: new Map<string, Operation>([['GetCallerIdentity', getCallerIdentity]]),
  };
}
