import assert from 'node:assert/strict';
import type { LogStore, NewLogEvent, NewLogGroup, StoredLogEvent } from './log-store.js';
import type { Scope } from './scope.js';
import type { Storage } from './storage.js';

/** Shared pieces of the LogStore contract suite (see log-store-contract.ts). */

/** What each contract test sees: the store under test and, when the adapter supports it, a way to reopen it. */
export interface ContractContext {
  readonly store: LogStore;
  readonly storage: Storage;
  /** Closes the storage and opens it again over the same data; undefined when the adapter cannot. */
  readonly reopen: (() => Promise<void>) | undefined;
}

export const SCOPE: Scope = { accountId: '111111111111', region: 'us-east-1' };
export const OTHER_ACCOUNT: Scope = { accountId: '222222222222', region: 'us-east-1' };
export const OTHER_REGION: Scope = { accountId: '111111111111', region: 'eu-west-1' };

/** 2023-11-14T22:13:20Z: a fixed, realistic epoch-milliseconds base. */
export const T0 = 1_700_000_000_000;
export const DAY_MS = 86_400_000;

export function newGroup(logGroupName: string, overrides: Partial<NewLogGroup> = {}): NewLogGroup {
  return {
    logGroupName,
    creationTime: T0,
    logGroupClass: 'STANDARD',
    deletionProtectionEnabled: false,
    tags: {},
    ...overrides,
  };
}

/** Creates a group and its streams, asserting each creation succeeds. */
export async function createGroupWithStreams(store: LogStore, scope: Scope, logGroupName: string, streams: readonly string[] = []): Promise<void> {
  assert.equal(await store.createLogGroup(scope, newGroup(logGroupName)), 'created');
  for (const stream of streams) assert.equal(await store.createLogStream(scope, logGroupName, stream, T0), 'created');
}

/** `count` events starting at `start`, `step` ms apart, messages `${label} <i>`. */
export function makeEvents(count: number, options: { start?: number; step?: number; label?: string } = {}): NewLogEvent[] {
  const { start = T0, step = 1, label = 'event' } = options;
  return Array.from({ length: count }, (_, index) => ({ timestamp: start + index * step, message: `${label} ${index}` }));
}

/** Appends and asserts the append landed, returning the first seq. */
export async function appendOk(store: LogStore, scope: Scope, target: readonly [string, string], events: readonly NewLogEvent[], ingestionTime = T0 + 1000): Promise<number> {
  const outcome = await store.append(scope, target[0], target[1], events, ingestionTime);
  assert.equal(outcome.kind, 'appended');
  assert.ok(outcome.kind === 'appended');
  assert.equal(outcome.count, events.length);
  return outcome.firstSeq;
}

/** Every event of a stream, forward, in pages of `pageSize`, following the cursor. */
export async function readAll(store: LogStore, scope: Scope, target: readonly [string, string], pageSize = 1000): Promise<StoredLogEvent[]> {
  const all: StoredLogEvent[] = [];
  for (;;) {
    const last = all.at(-1);
    const page = await store.readStream(scope, target[0], target[1], {
      direction: 'forward',
      limit: pageSize,
      ...(last === undefined ? {} : { from: { timestamp: last.timestamp, seq: last.seq } }),
    });
    all.push(...page);
    if (page.length < pageSize) return all;
  }
}

/** Asserts events are in strictly increasing (or decreasing) (timestamp, seq) order. */
export function assertOrdered(events: readonly StoredLogEvent[], descending = false): void {
  for (let index = 1; index < events.length; index++) {
    const a = events[index - 1] as StoredLogEvent;
    const b = events[index] as StoredLogEvent;
    const ascending = a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.seq < b.seq);
    assert.ok(descending ? !ascending && a.seq !== b.seq : ascending, `events ${index - 1} and ${index} are out of order`);
  }
}

const encoder = new TextEncoder();

export function utf8Bytes(messages: readonly string[]): number {
  return messages.reduce((sum, message) => sum + encoder.encode(message).length, 0);
}
