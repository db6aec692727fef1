import type { Operation } from '../../../kernel/index.js';
import type { StartLiveTailRequest } from '../../../models/logs/index.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import type { LiveTail } from '../tail/live-tail.js';
import type { LiveTailStreamEvent } from '../tail/live-tail-stream.js';

/**
 * StartLiveTail's output as the event-stream codec takes it: `responseStream` yields the union's event members
 * (`sessionStart`, `sessionUpdate`) and throws a ServiceError named like an exception member
 * (`SessionTimeoutException`, `SessionStreamingException`) for in-stream errors. `return()` ends the session.
 */
export interface StartLiveTailOutput {
  readonly responseStream: AsyncIterableIterator<LiveTailStreamEvent>;
}

/**
 * StartLiveTail: validates the request (model constraints, then spec 8's group/stream rules and the filter
 * pattern), checks that every group exists and takes a concurrent-session slot, all before the stream starts, so
 * those failures are ordinary JSON errors. The stream's first value, `sessionStart`, is ready at once.
 */
export function startLiveTail(deps: LogsServiceDeps & { readonly liveTail: LiveTail }): Operation<unknown, StartLiveTailOutput> {
  return async (raw, ctx) => {
    const input = parseLogsInput<StartLiveTailRequest>('StartLiveTail', raw);
    const responseStream = await deps.liveTail.startSession({ scope: scopeOf(ctx), request: input, requestId: ctx.requestId, clock: ctx.clock });
    return { responseStream };
  };
}
