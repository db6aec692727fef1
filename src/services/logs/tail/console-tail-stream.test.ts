import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCOUNT, REGION } from '../logs-harness.test-support.js';
import type { ConsoleTailItem } from './console-tail-stream.js';
import { parseCursor } from './console-cursor.js';
import { settle } from './manual-tail-timer.test-support.js';
import { tailHarness } from './tail-harness.test-support.js';

const scope = { accountId: ACCOUNT, region: REGION };
const messages = (items: readonly ConsoleTailItem[]): string[] => items.map((i) => (i.kind === 'event' ? i.result.message ?? '' : `dropped ${i.count}`));

/** Reads until `count` items arrived (each next() yields what is ready at that moment). */
async function read(stream: AsyncIterator<readonly ConsoleTailItem[]>, count: number): Promise<ConsoleTailItem[]> {
  const out: ConsoleTailItem[] = [];
  while (out.length < count) {
    const { value, done } = await stream.next();
    assert.equal(done, false);
    out.push(...(value as readonly ConsoleTailItem[]));
  }
  assert.equal(out.length, count, 'no more than expected');
  return out;
}

describe('console tail stream', () => {
  it('delivers each match on its own as soon as it is published, with its cursor', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's');
    const stream = await h.liveTail.openConsoleStream(scope, { logGroupIdentifiers: ['app'], logEventFilterPattern: 'ERROR' });
    const pending = read(stream, 2);
    await h.put('app', 's', ['ERROR a', 'ok', 'ERROR b']);
    const items = await pending;
    assert.deepEqual(messages(items), ['ERROR a', 'ERROR b']);
    const cursor = items[0]?.kind === 'event' ? parseCursor(items[0].cursor) : undefined;
    assert.equal(cursor?.kind, 'after');
    await stream.return();
    assert.equal((await stream.next()).done, true);
    assert.equal(h.liveTail.openSessions(scope), 0);
  });

  it('resumes after a cursor from the replay window, then continues live without duplicates', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's');
    const first = await h.liveTail.openConsoleStream(scope, { logGroupIdentifiers: ['app'] });
    const got = read(first, 1);
    await h.put('app', 's', ['one']);
    const [seen] = await got;
    await first.return();
    await h.put('app', 's', ['two', 'three']);
    assert.ok(seen?.kind === 'event');
    const resumed = await h.liveTail.openConsoleStream(scope, { logGroupIdentifiers: ['app'] }, parseCursor(seen.cursor));
    await h.put('app', 's', ['four']);
    assert.deepEqual(messages(await read(resumed, 3)), ['two', 'three', 'four']);
    await h.put('app', 's', ['five']);
    assert.deepEqual(messages(await read(resumed, 1)), ['five']);
    await resumed.return();
  });

  it('falls back to the store for a cursor the window cannot vouch for', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's');
    // Written before any session: the bus saw them, but a cursor from before its first event is not its to answer.
    await h.put('app', 's', ['old-1', 'old-2', 'old-3']);
    const resumed = await h.liveTail.openConsoleStream(scope, { logGroupIdentifiers: ['app'] }, { kind: 'after', seq: -1, ingestionTime: h.clock.now() });
    assert.deepEqual(messages(await read(resumed, 3)), ['old-1', 'old-2', 'old-3']);
    await resumed.return();
  });

  it('tells a reader that fell behind how many events it lost and where to resume', async () => {
    const h = tailHarness({ bufferEvents: 3 });
    await h.groupWithStreams('app', 's');
    const stream = await h.liveTail.openConsoleStream(scope, { logGroupIdentifiers: ['app'] });
    const got = read(stream, 1);
    await h.put('app', 's', ['first']);
    const [first] = await got;
    await h.put('app', 's', ['a', 'b', 'c', 'd', 'e']);
    await settle();
    const items = await read(stream, 4);
    assert.deepEqual(messages(items), ['dropped 2', 'c', 'd', 'e']);
    assert.ok(items[0]?.kind === 'dropped' && first?.kind === 'event');
    assert.equal(items[0].resumeCursor, first.cursor);
    await stream.return();
  });
});

describe('console tail sessions and the quota', () => {
  it('share the concurrent-session quota with StartLiveTail and honour logStreamNames', async () => {
    const h = tailHarness({ maxSessions: 2 });
    await h.groupWithStreams('app', 'a', 'b');
    const live = await h.start({ logGroupIdentifiers: ['app'] });
    const consoleStream = await h.liveTail.openConsoleStream(scope, { logGroupIdentifiers: ['app'], logStreamNames: ['b'] });
    await h.startFails({ logGroupIdentifiers: ['app'] }, 'LimitExceededException');
    await assert.rejects(h.liveTail.openConsoleStream(scope, { logGroupIdentifiers: ['app'] }), { code: 'LimitExceededException' });
    const got = read(consoleStream, 1);
    await h.put('app', 'a', ['in a']);
    await h.put('app', 'b', ['in b']);
    assert.deepEqual(messages(await got), ['in b']);
    await live.return?.();
    await consoleStream.return();
    assert.equal(h.liveTail.openSessions(scope), 0);
  });
});

describe('LiveTail.closeAll', () => {
  it('ends every open session, StartLiveTail and console alike, and frees their slots', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's');
    const live = await h.start({ logGroupIdentifiers: ['app'] });
    await live.next();
    const consoleStream = await h.liveTail.openConsoleStream(scope, { logGroupIdentifiers: ['app'] });
    const waiting = consoleStream.next();
    h.liveTail.closeAll();
    assert.deepEqual(await waiting, { value: undefined, done: true });
    assert.deepEqual(await live.next(), { value: undefined, done: true });
    assert.equal(h.liveTail.openSessions(scope), 0);
  });
});
