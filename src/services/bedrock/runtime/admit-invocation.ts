import { ServiceError, isServiceError, type RequestContext } from '../../../kernel/index.js';
import type { CatalogModel } from '../model-catalog.js';
import type { InvocationTracker } from './invocation-tracker.js';
import type { RuntimeContext } from './runtime-deps.js';
import { invalidModel } from './runtime-errors.js';

/** Resolves the requested model and admits the call against its quotas (throwing ThrottlingException when full). */
export function admitInvocation(rt: RuntimeContext, ctx: RequestContext, modelId: string): { readonly model: CatalogModel; readonly quotaKey: string } {
  const model = rt.catalog.resolve(modelId);
  if (model === undefined) throw invalidModel();
  const quotaKey = `${ctx.caller.accountId}|${ctx.caller.region}|${model.modelId}`;
  rt.quotas.admit(quotaKey, model.quotas, ctx.clock.now());
  return { model, quotaKey };
}

/** What aborts the backend call: the caller leaving (ctx.signal), or the operation's own controller. */
export function backendSignal(ctx: RequestContext, own: AbortController): AbortSignal {
  return ctx.signal === undefined ? own.signal : AbortSignal.any([ctx.signal, own.signal]);
}

/** [unconfirmed] AWS has no code for a caller that hangs up mid-stream; 499 follows the common proxy convention. */
export function clientGone(): ServiceError {
  return new ServiceError('ClientClosedRequest', 'The client closed the connection before the answer was complete.', { httpStatus: 499 });
}

/** Runs an invocation; any failure is recorded on the tracker (throttles as throttled) and rethrown for the caller. */
export async function tracked<T>(tracker: InvocationTracker, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (tracker.callerGone()) tracker.fail(clientGone());
    else tracker.fail(error, { throttled: isServiceError(error) && error.code === 'ThrottlingException' });
    throw error;
  }
}
