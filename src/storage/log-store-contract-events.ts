import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { NewLogEvent, StoredLogEvent } from './log-store.js';
import { sliceLogEvents, type Utf8LogEvents } from './new-log-events.js';
import { SCOPE, T0, appendOk, assertOrdered, createGroupWithStreams, makeEvents, readAll, type ContractContext } from './log-store-contract-support.js';

const TARGET = ['/g', 's'] as const;

/** append and readStream: outcomes, seq ranges, ordering, both directions, cursors, time bounds, fidelity. */
export function appendAndReadContract(ctx: ContractContext): void {
  it('reports appended, no-group and no-stream', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    const outcome = await ctx.store.append(SCOPE, '/g', 's', makeEvents(3), T0);
    assert.ok(outcome.kind === 'appended');
    assert.equal(outcome.count, 3);
    assert.deepEqual(await ctx.store.append(SCOPE, '/missing', 's', makeEvents(1), T0), { kind: 'no-group' });
    assert.deepEqual(await ctx.store.append(SCOPE, '/g', 'missing', makeEvents(1), T0), { kind: 'no-stream' });
    assert.equal((await readAll(ctx.store, SCOPE, TARGET)).length, 3, 'failed appends wrote nothing');
  });

  it('gives each append its own contiguous seq range, increasing in commit order, also when concurrent', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s', 't']);
    const first = await appendOk(ctx.store, SCOPE, TARGET, makeEvents(4));
    const second = await appendOk(ctx.store, SCOPE, TARGET, makeEvents(2));
    assert.ok(second >= first + 4, 'a later commit gets higher seqs');
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, writer) => ctx.store.append(SCOPE, '/g', writer % 2 === 0 ? 's' : 't', makeEvents(50, { label: `w${writer}` }), T0 + writer)),
    );
    const ranges = outcomes.map((outcome) => {
      assert.ok(outcome.kind === 'appended');
      assert.equal(outcome.count, 50);
      return [outcome.firstSeq, outcome.firstSeq + outcome.count - 1] as const;
    });
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    for (let index = 1; index < sorted.length; index++) assert.ok((sorted[index]?.[0] ?? 0) > (sorted[index - 1]?.[1] ?? 0), 'ranges overlap');
    assert.ok((sorted[0]?.[0] ?? 0) > second + 1);
    const stored = [...(await readAll(ctx.store, SCOPE, TARGET)), ...(await readAll(ctx.store, SCOPE, ['/g', 't']))];
    assert.equal(stored.length, 6 + 8 * 50);
    outcomes.forEach((outcome, writer) => {
      assert.ok(outcome.kind === 'appended');
      const mine = stored.filter((event) => event.message.startsWith(`w${writer} `));
      assert.deepEqual(mine.map((event) => event.seq), Array.from({ length: 50 }, (_, index) => outcome.firstSeq + index));
      assert.deepEqual(mine.map((event) => event.message), makeEvents(50, { label: `w${writer}` }).map((event) => event.message));
      assert.ok(mine.every((event) => event.ingestionTime === T0 + writer && event.logStreamName === (writer % 2 === 0 ? 's' : 't')));
    });
  });

  it('reads forward and backward in (timestamp, seq) order across out-of-order appends', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    await appendOk(ctx.store, SCOPE, TARGET, [{ timestamp: T0 + 10, message: 'c' }, { timestamp: T0 + 20, message: 'e' }]);
    await appendOk(ctx.store, SCOPE, TARGET, [{ timestamp: T0 + 5, message: 'a' }, { timestamp: T0 + 10, message: 'd' }]);
    await appendOk(ctx.store, SCOPE, TARGET, [{ timestamp: T0 + 5, message: 'b' }]);
    const forward = await ctx.store.readStream(SCOPE, '/g', 's', { direction: 'forward', limit: 100 });
    assert.deepEqual(forward.map((event) => event.message), ['a', 'b', 'c', 'd', 'e']);
    assertOrdered(forward);
    const backward = await ctx.store.readStream(SCOPE, '/g', 's', { direction: 'backward', limit: 100 });
    assert.deepEqual(backward.map((event) => event.message), ['e', 'd', 'c', 'b', 'a']);
    assert.deepEqual((await ctx.store.readStream(SCOPE, '/g', 's', { direction: 'backward', limit: 2 })).map((e) => e.message), ['e', 'd'], 'backward starts from the end');
    assert.deepEqual((await ctx.store.readStream(SCOPE, '/g', 's', { direction: 'forward', limit: 2 })).map((e) => e.message), ['a', 'b']);
  });

  it('pages with cursors in both directions, through runs of equal timestamps', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    // 30 events over 6 distinct timestamps, so every page boundary falls inside a tie.
    for (let batch = 0; batch < 3; batch++) {
      await appendOk(ctx.store, SCOPE, TARGET, Array.from({ length: 10 }, (_, index) => ({ timestamp: T0 + Math.floor(index / 2) + batch, message: `m${batch}-${index}` })));
    }
    const everything = await ctx.store.readStream(SCOPE, '/g', 's', { direction: 'forward', limit: 100 });
    assert.equal(everything.length, 30);
    assertOrdered(everything);
    for (const direction of ['forward', 'backward'] as const) {
      const seen: StoredLogEvent[] = [];
      for (;;) {
        const last = seen.at(-1);
        const page = await ctx.store.readStream(SCOPE, '/g', 's', { direction, limit: 4, ...(last === undefined ? {} : { from: { timestamp: last.timestamp, seq: last.seq } }) });
        seen.push(...page);
        if (page.length < 4) break;
      }
      assert.deepEqual(seen, direction === 'forward' ? everything : [...everything].reverse());
    }
  });

  it('applies startTime (inclusive) and endTime (exclusive), also with a cursor', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    await appendOk(ctx.store, SCOPE, TARGET, makeEvents(10, { step: 10 }));
    const read = async (query: { startTime?: number; endTime?: number; direction: 'forward' | 'backward' }): Promise<number[]> =>
      (await ctx.store.readStream(SCOPE, '/g', 's', { limit: 100, ...query })).map((event) => event.timestamp - T0);
    assert.deepEqual(await read({ startTime: T0 + 20, endTime: T0 + 50, direction: 'forward' }), [20, 30, 40]);
    assert.deepEqual(await read({ startTime: T0 + 20, endTime: T0 + 50, direction: 'backward' }), [40, 30, 20]);
    assert.deepEqual(await read({ startTime: T0 + 85, direction: 'forward' }), [90]);
    assert.deepEqual(await read({ endTime: T0 + 10, direction: 'backward' }), [0]);
    const [third] = await ctx.store.readStream(SCOPE, '/g', 's', { direction: 'forward', limit: 1, startTime: T0 + 30 });
    assert.ok(third !== undefined);
    const after = await ctx.store.readStream(SCOPE, '/g', 's', { direction: 'forward', limit: 100, endTime: T0 + 60, from: { timestamp: third.timestamp, seq: third.seq } });
    assert.deepEqual(after.map((event) => event.timestamp - T0), [40, 50]);
  });

  it('stores messages and times exactly', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    const messages = ['plain', 'é ü 中文 😀', 'quote \' and " and \\ and %_', 'line\nbreak\ttab', 'nul\u0000inside', 'x'.repeat(300_000)];
    const events = messages.map((message, index) => ({ timestamp: T0 + index, message }));
    await appendOk(ctx.store, SCOPE, TARGET, events, T0 + 99);
    const stored = await readAll(ctx.store, SCOPE, TARGET);
    assert.deepEqual(stored.map((event) => event.message), messages);
    assert.deepEqual(stored.map((event) => event.timestamp), events.map((event) => event.timestamp));
    assert.ok(stored.every((event) => event.ingestionTime === T0 + 99 && event.logStreamName === 's'));
    assert.deepEqual(await ctx.store.readStream(SCOPE, '/g', 'missing', { direction: 'forward', limit: 10 }), []);
    assert.deepEqual(await ctx.store.readStream(SCOPE, '/missing', 's', { direction: 'forward', limit: 10 }), []);
  });

  it('stores events given as UTF-8 bytes exactly as the same events given as strings', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    const record = JSON.stringify({ schemaType: 'ModelInvocationLog', modelId: 'm', input: { inputTokenCount: 3 } });
    const messages = ['skipped', 'plain', 'é ü 中文 😀', 'nul\u0000inside', record, 'x'.repeat(300_000), 'skipped too'];
    const events = sliceLogEvents(utf8Events(messages.map((message, index) => ({ timestamp: T0 + index, message }))), 1, messages.length - 1);
    const outcome = await ctx.store.append(SCOPE, '/g', 's', events, T0 + 99);
    assert.ok(outcome.kind === 'appended' && outcome.count === messages.length - 2);
    const stored = await readAll(ctx.store, SCOPE, TARGET);
    assert.deepEqual(stored.map((event) => [event.timestamp, event.message]), messages.slice(1, -1).map((message, index) => [T0 + 1 + index, message]));
  });
}

/** The events' messages laid out in one buffer between other bytes, as a request body holds them. */
function utf8Events(events: readonly NewLogEvent[]): Utf8LogEvents {
  const parts: Buffer[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const event of events) {
    const bytes = Buffer.from(event.message);
    parts.push(Buffer.from('",'), bytes);
    starts.push(at + 2);
    at += 2 + bytes.length;
    ends.push(at);
  }
  return {
    kind: 'utf8',
    length: events.length,
    timestamps: Float64Array.from(events, (event) => event.timestamp),
    bytes: Buffer.concat(parts),
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
  };
}
