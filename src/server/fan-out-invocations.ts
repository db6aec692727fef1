import type { InvocationSink } from '../services/bedrock/index.js';

/**
 * One InvocationSink that hands each outcome to several (invocation logging, the Prometheus exposition). A sink that
 * throws is logged and does not keep the outcome from the others: the caller's response never depends on them.
 */
export function fanOutInvocations(sinks: readonly InvocationSink[], logError: (message: string, error: unknown) => void): InvocationSink {
  return {
    record(outcome) {
      for (const sink of sinks) {
        try {
          sink.record(outcome);
        } catch (error) {
          logError('an invocation sink failed', error);
        }
      }
    },
  };
}
