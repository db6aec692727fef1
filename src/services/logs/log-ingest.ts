import type { LogStore, NewLogEvent, Scope } from '../../storage/index.js';
import type { AppendedEvent } from './metric-filter-datums.js';
import { tailBatch } from './tail/tail-batch.js';
import type { TailPublisher } from '../../storage/index.js';

/**
 * How another service writes into CloudWatch Logs as AWS services do on a customer's behalf (Bedrock writes its
 * invocation records this way): through the LogStore like PutLogEvents, into a group that must exist, creating the
 * stream when it is missing, without PutLogEvents' caller-facing checks (the writer builds valid events itself).
 */
export interface LogIngest {
  logGroupExists(scope: Scope, logGroupName: string): Promise<boolean>;
  /** `no-group` when the group does not exist (it is never created here). */
  appendLogEvents(scope: Scope, logGroupName: string, logStreamName: string, events: readonly NewLogEvent[]): Promise<'appended' | 'no-group'>;
}

export interface LogIngestDeps {
  readonly store: LogStore;
  readonly now: () => number;
  /** The same hook PutLogEvents calls once events are durable: metric filters apply to every write path, as on AWS. */
  readonly afterAppend?: (scope: Scope, logGroupName: string, events: readonly AppendedEvent[]) => void;
  /** Live Tail sees these writes too (pass the server's shared LiveTail). */
  readonly liveTail?: TailPublisher;
}

export function createLogIngest(deps: LogIngestDeps): LogIngest {
  const { store, now, afterAppend, liveTail } = deps;
  return {
    async logGroupExists(scope, logGroupName) {
      return (await store.getLogGroupRetention(scope, logGroupName)) !== undefined;
    },
    async appendLogEvents(scope, logGroupName, logStreamName, events) {
      if (events.length === 0) return (await store.getLogGroupRetention(scope, logGroupName)) === undefined ? 'no-group' : 'appended';
      let ingestionTime = now();
      let outcome = await store.append(scope, logGroupName, logStreamName, events, ingestionTime);
      if (outcome.kind === 'no-stream') {
        // Created on first use, as Bedrock's role does with logs:CreateLogStream; a concurrent creator is fine.
        if ((await store.createLogStream(scope, logGroupName, logStreamName, now())) === 'no-group') return 'no-group';
        ingestionTime = now();
        outcome = await store.append(scope, logGroupName, logStreamName, events, ingestionTime);
      }
      if (outcome.kind !== 'appended') return 'no-group';
      afterAppend?.(scope, logGroupName, events);
      liveTail?.publish(tailBatch({ scope, logGroupName, logStreamName, ingestionTime, firstSeq: outcome.firstSeq, events }));
      return 'appended';
    },
  };
}
