import type { Operation } from '../../../kernel/index.js';
import type { DisassociateKmsKeyRequest } from '../../../models/logs/index.js';
import { logGroupNotFound } from '../errors.js';
import { kmsTargetGroup } from '../kms-target.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

export function disassociateKmsKey({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DisassociateKmsKeyRequest>('DisassociateKmsKey', raw);
    const scope = scopeOf(ctx);
    const logGroupName = kmsTargetGroup(input, scope);
    if ((await store.updateLogGroup(scope, logGroupName, { kmsKeyId: null })) === 'no-group') throw logGroupNotFound();
    return {};
  };
}
