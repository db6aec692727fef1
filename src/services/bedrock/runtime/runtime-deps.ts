import type { InvocationSink } from '../invocation-outcome.js';
import type { ModelCatalog } from '../model-catalog.js';
import type { QuotaLimiter } from './quota-limiter.js';

/** What the runtime operations need; the server supplies the catalog and the sink. */
export interface BedrockRuntimeDeps {
  readonly catalog: ModelCatalog;
  /** Receives an InvocationOutcome for every runtime call, without being waited on. */
  readonly sink: InvocationSink;
  /** Defaults to a fresh in-memory limiter. */
  readonly quotas?: QuotaLimiter;
}

export interface RuntimeContext {
  readonly catalog: ModelCatalog;
  readonly sink: InvocationSink;
  readonly quotas: QuotaLimiter;
}
