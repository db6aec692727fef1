import assert from 'node:assert/strict';
import { isServiceError, type ServiceError } from '../../../kernel/index.js';
import type { LogsOperationName } from '../../../models/logs/index.js';
import { createInProcessTailBus } from '../../../storage/index.js';
import { createLogIngest } from '../log-ingest.js';
import { logsHarness } from '../logs-harness.test-support.js';
import { createLogsService } from '../logs-service.js';
import { noQueryEngine } from '../no-query-engine.test-support.js';
import { LiveTail, type LiveTailOptions } from './live-tail.js';
import type { LiveTailStreamEvent } from './live-tail-stream.js';
import { ManualTailTimer } from './manual-tail-timer.test-support.js';

type Stream = AsyncIterableIterator<LiveTailStreamEvent>;

/** The Logs service with a LiveTail on a manual timer, plus the Bedrock-style ingest sharing it. */
export function tailHarness(options: Partial<Omit<LiveTailOptions, 'store' | 'timer'>> = {}) {
  const { store, clock, context } = logsHarness();
  const timer = new ManualTailTimer(clock);
  const liveTail = new LiveTail({ bus: createInProcessTailBus(), store, timer, ...options });
  const service = createLogsService({ store, queryEngine: noQueryEngine, liveTail });
  const ingest = createLogIngest({ store, now: () => clock.now(), liveTail });

  async function call<T = Record<string, unknown>>(operation: LogsOperationName, input: unknown, ctx = context()): Promise<T> {
    const handler = service.operations.get(operation);
    assert.ok(handler, `${operation} is served`);
    return (await handler(input, ctx)) as T;
  }
  async function start(input: unknown, ctx = context()): Promise<Stream> {
    return (await call<{ responseStream: Stream }>('StartLiveTail', input, ctx)).responseStream;
  }
  async function startFails(input: unknown, code: string, message?: string | RegExp): Promise<ServiceError> {
    try {
      await start(input);
    } catch (error) {
      assert.ok(isServiceError(error), `expected a ServiceError, got ${String(error)}`);
      assert.equal(error.code, code, error.message);
      if (typeof message === 'string') assert.equal(error.message, message);
      else if (message !== undefined) assert.match(error.message, message);
      return error;
    }
    return assert.fail(`StartLiveTail should have failed with ${code}`);
  }
  async function groupWithStreams(logGroupName: string, ...streams: string[]): Promise<void> {
    await call('CreateLogGroup', { logGroupName });
    for (const logStreamName of streams) await call('CreateLogStream', { logGroupName, logStreamName });
  }
  async function put(logGroupName: string, logStreamName: string, messages: readonly string[], timestamp = clock.now()): Promise<void> {
    await call('PutLogEvents', { logGroupName, logStreamName, logEvents: messages.map((message) => ({ timestamp, message })) });
  }
  return { store, clock, context, timer, liveTail, ingest, call, start, startFails, groupWithStreams, put };
}

/** The next update, after a one-second tick. */
export async function nextUpdate(timer: ManualTailTimer, stream: Stream) {
  await timer.advance(1000);
  const { value, done } = await stream.next();
  if (done === true || !('sessionUpdate' in value)) throw new Error(`expected a sessionUpdate, got ${JSON.stringify(value)}`);
  return value.sessionUpdate;
}
