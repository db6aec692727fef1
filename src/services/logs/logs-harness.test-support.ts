import assert from 'node:assert/strict';
import { isServiceError, ManualClock, type RequestContext, type ServiceError } from '../../kernel/index.js';
import type { LogsOperationName } from '../../models/logs/index.js';
import type { LogsServiceDeps } from './logs-deps.js';
import { createLogsService } from './logs-service.js';
import { MemoryLogStore } from './memory-log-store.test-support.js';
import { noQueryEngine } from './no-query-engine.test-support.js';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
/** 2026-01-01T00:00:00Z: tests step the clock from here. */
export const NOW = Date.UTC(2026, 0, 1);

/** The Logs service over an in-memory store and a manual clock, called the way the protocol layer calls it. */
export function logsHarness(extra: Pick<LogsServiceDeps, 'afterAppend' | 'liveTail'> = {}) {
  const store = new MemoryLogStore();
  const clock = new ManualClock(NOW);
  const service = createLogsService({ store, queryEngine: noQueryEngine, ...extra });
  const context = (accountId = ACCOUNT, region = REGION): RequestContext => ({
    caller: { accountId, region, accessKeyId: 'AKIDTEST', arn: `arn:aws:iam::${accountId}:user/test`, userId: 'AIDATEST' },
    requestId: 'test-request',
    clock,
  });

  async function call<T = Record<string, unknown>>(operation: LogsOperationName, input: unknown, ctx = context()): Promise<T> {
    const handler = service.operations.get(operation);
    assert.ok(handler, `${operation} is served`);
    return (await handler(input, ctx)) as T;
  }

  async function fails(operation: LogsOperationName, input: unknown, code: string, message?: string | RegExp, ctx = context()): Promise<ServiceError> {
    try {
      await call(operation, input, ctx);
    } catch (error) {
      assert.ok(isServiceError(error), `expected a ServiceError, got ${String(error)}`);
      assert.equal(error.code, code, error.message);
      if (typeof message === 'string') assert.equal(error.message, message);
      else if (message !== undefined) assert.match(error.message, message);
      return error;
    }
    assert.fail(`${operation} should have failed with ${code}`);
  }

  async function groupWithStream(logGroupName = 'app', logStreamName = 's1'): Promise<void> {
    await call('CreateLogGroup', { logGroupName });
    await call('CreateLogStream', { logGroupName, logStreamName });
  }

  async function put(logGroupName: string, logStreamName: string, events: readonly { timestamp: number; message: string }[]): Promise<Record<string, unknown>> {
    return call('PutLogEvents', { logGroupName, logStreamName, logEvents: events });
  }

  return { store, clock, service, context, call, fails, groupWithStream, put };
}
