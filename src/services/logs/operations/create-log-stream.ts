import type { Operation } from '../../../kernel/index.js';
import type { CreateLogStreamRequest } from '../../../models/logs/index.js';
import { logGroupNotFound, logStreamAlreadyExists } from '../errors.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

export function createLogStream({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<CreateLogStreamRequest>('CreateLogStream', raw);
    const outcome = await store.createLogStream(scopeOf(ctx), input.logGroupName, input.logStreamName, ctx.clock.now());
    if (outcome === 'no-group') throw logGroupNotFound();
    if (outcome === 'exists') throw logStreamAlreadyExists();
    return {};
  };
}
