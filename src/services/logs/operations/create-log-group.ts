import type { Operation } from '../../../kernel/index.js';
import type { CreateLogGroupRequest } from '../../../models/logs/index.js';
import { logGroupAlreadyExists, reservedLogGroupName } from '../errors.js';
import { checkKmsKeyArn } from '../kms-key.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

/** CreateLogGroup: names are unique per account and region; `aws/` names belong to AWS (in any letter case). */
export function createLogGroup({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<CreateLogGroupRequest>('CreateLogGroup', raw);
    if (input.logGroupName.toLowerCase().startsWith('aws/')) throw reservedLogGroupName();
    const scope = scopeOf(ctx);
    if (input.kmsKeyId !== undefined) checkKmsKeyArn(input.kmsKeyId, scope);
    const outcome = await store.createLogGroup(scope, {
      logGroupName: input.logGroupName,
      creationTime: ctx.clock.now(),
      ...(input.kmsKeyId === undefined ? {} : { kmsKeyId: input.kmsKeyId }),
      logGroupClass: input.logGroupClass ?? 'STANDARD',
      deletionProtectionEnabled: input.deletionProtectionEnabled ?? false,
      tags: input.tags ?? {},
    });
    if (outcome === 'exists') throw logGroupAlreadyExists();
    return {};
  };
}
