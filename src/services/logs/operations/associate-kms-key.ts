import type { Operation } from '../../../kernel/index.js';
import type { AssociateKmsKeyRequest } from '../../../models/logs/index.js';
import { logGroupNotFound } from '../errors.js';
import { checkKmsKeyArn } from '../kms-key.js';
import { kmsTargetGroup } from '../kms-target.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

/** AssociateKmsKey: records the key ARN on the group (it replaces any earlier association). */
export function associateKmsKey({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<AssociateKmsKeyRequest>('AssociateKmsKey', raw);
    const scope = scopeOf(ctx);
    const logGroupName = kmsTargetGroup(input, scope);
    checkKmsKeyArn(input.kmsKeyId, scope);
    if ((await store.updateLogGroup(scope, logGroupName, { kmsKeyId: input.kmsKeyId })) === 'no-group') throw logGroupNotFound();
    return {};
  };
}
