import assert from 'node:assert/strict';
import { isServiceError } from '../kernel/index.js';
import type { ConverseStreamEvent } from './converse-types.js';
import type { ProviderCall } from './model-provider.js';

/** Helpers shared by the backends' tests (excluded from the build, like every *.test-support.ts). */

export function callOf<Request>(request: Request, options: { model?: string; signal?: AbortSignal } = {}): ProviderCall<Request> {
  const model = options.model ?? 'test-model';
  return { upstreamModel: model, requestedModelId: `requested.${model}`, request, signal: options.signal ?? new AbortController().signal };
}

export async function collect(events: AsyncIterable<ConverseStreamEvent>): Promise<ConverseStreamEvent[]> {
  const out: ConverseStreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

/** The event names in order, e.g. `['messageStart', 'contentBlockDelta', ...]`. */
export function eventNames(events: readonly ConverseStreamEvent[]): string[] {
  return events.map((event) => Object.keys(event)[0] ?? '?');
}

/** Asserts that `promise` rejects with a ServiceError of this code/status (and members, when given). */
export async function rejectsWith(
  promise: Promise<unknown>,
  expected: { code: string; httpStatus: number; members?: Record<string, unknown>; message?: RegExp },
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isServiceError(error), `expected a ServiceError, got ${String(error)}`);
    assert.equal(error.code, expected.code);
    assert.equal(error.httpStatus, expected.httpStatus);
    if (expected.message !== undefined) assert.match(error.message, expected.message);
    for (const [key, value] of Object.entries(expected.members ?? {})) assert.deepEqual(error.members[key], value, key);
    return true;
  });
}
