import { isServiceError, type RequestContext } from '../../../kernel/index.js';
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

/** Runs an invocation; any failure is recorded on the tracker (throttles as throttled) and rethrown for the caller. */
export async function tracked<T>(tracker: InvocationTracker, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    tracker.fail(error, { throttled: isServiceError(error) && error.code === 'ThrottlingException' });
    throw error;
  }
}
