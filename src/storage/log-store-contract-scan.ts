import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { JsonCondition, ScanEventsQuery, StoredLogEvent } from './log-store.js';
import { SCOPE, T0, appendOk, assertOrdered, createGroupWithStreams, type ContractContext } from './log-store-contract-support.js';

/** scanEvents: interleaving across streams, stream filters, time bounds, order, cursors, prefilters, batches. */
export function scanEventsContract(ctx: ContractContext): void {
  /** Three streams whose events interleave in time, with ties across streams. */
  async function seed(): Promise<void> {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['api-1', 'api-2', 'worker']);
    await appendOk(ctx.store, SCOPE, ['/g', 'api-1'], [0, 2, 4, 6].map((t) => ({ timestamp: T0 + t, message: `api-1 at ${t}` })));
    await appendOk(ctx.store, SCOPE, ['/g', 'api-2'], [1, 2, 5, 6].map((t) => ({ timestamp: T0 + t, message: `api-2 at ${t}` })));
    await appendOk(ctx.store, SCOPE, ['/g', 'worker'], [2, 3, 6, 7].map((t) => ({ timestamp: T0 + t, message: `worker at ${t}` })));
  }
  const scan = (query: Partial<ScanEventsQuery>): Promise<StoredLogEvent[]> =>
    ctx.store.scanEvents(SCOPE, '/g', { descending: false, limit: 1000, ...query });
  const messages = (events: readonly StoredLogEvent[]): string[] => events.map((event) => event.message);

  it('merges every stream of the group in (timestamp, seq) order, naming each event’s stream', async () => {
    await seed();
    const events = await scan({});
    assert.equal(events.length, 12);
    assertOrdered(events);
    assert.deepEqual(events.map((event) => event.timestamp - T0), [0, 1, 2, 2, 2, 3, 4, 5, 6, 6, 6, 7]);
    assert.ok(events.every((event) => event.message.startsWith(`${event.logStreamName} at `)));
    const descending = await scan({ descending: true });
    assert.deepEqual(descending, [...events].reverse());
    assert.deepEqual(await ctx.store.scanEvents(SCOPE, '/missing', { descending: false, limit: 10 }), []);
  });

  it('filters by stream names or stream prefix', async () => {
    await seed();
    assert.deepEqual(messages(await scan({ streamNames: ['worker', 'api-2', 'nope'] })), ['api-2 at 1', 'api-2 at 2', 'worker at 2', 'worker at 3', 'api-2 at 5', 'api-2 at 6', 'worker at 6', 'worker at 7']);
    assert.deepEqual(messages(await scan({ streamPrefix: 'api-' })), ['api-1 at 0', 'api-2 at 1', 'api-1 at 2', 'api-2 at 2', 'api-1 at 4', 'api-2 at 5', 'api-1 at 6', 'api-2 at 6']);
    assert.deepEqual(await scan({ streamPrefix: 'API' }), [], 'prefixes are case-sensitive');
  });

  it('applies startTime and endTime, both inclusive, and the limit from the right end', async () => {
    await seed();
    assert.deepEqual((await scan({ startTime: T0 + 2, endTime: T0 + 3 })).map((e) => e.timestamp - T0), [2, 2, 2, 3]);
    assert.deepEqual((await scan({ startTime: T0 + 6 })).map((e) => e.timestamp - T0), [6, 6, 6, 7]);
    assert.deepEqual((await scan({ limit: 3 })).map((e) => e.timestamp - T0), [0, 1, 2]);
    assert.deepEqual((await scan({ limit: 3, descending: true })).map((e) => e.timestamp - T0), [7, 6, 6]);
  });

  it('pages with cursors in both directions without gaps or repeats across ties', async () => {
    await seed();
    const everything = await scan({});
    for (const descending of [false, true]) {
      const seen: StoredLogEvent[] = [];
      for (;;) {
        const last = seen.at(-1);
        const page = await scan({ descending, limit: 2, ...(last === undefined ? {} : { from: { timestamp: last.timestamp, seq: last.seq } }) });
        seen.push(...page);
        if (page.length < 2) break;
      }
      assert.deepEqual(seen, descending ? [...everything].reverse() : everything);
    }
  });

  it('prefilters with case-sensitive literal substrings in conjunctive normal form', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    const corpus = [
      'ERROR db timeout', 'WARN db slow', 'ERROR cache miss', 'error db lowercase', 'INFO db ok',
      'progress 100%', 'progress 1000', 'a_b', 'axb', 'C:\\temp\\x', "it's", 'its', 'say "hi"', 'x[1].*', 'x1abc',
    ];
    await appendOk(ctx.store, SCOPE, ['/g', 's'], corpus.map((message, index) => ({ timestamp: T0 + index, message })));
    const match = async (allOf: string[][]): Promise<string[]> => messages(await scan({ prefilter: { allOf } }));
    assert.deepEqual(await match([]), corpus, 'an empty prefilter admits everything');
    assert.deepEqual(await match([['ERROR']]), ['ERROR db timeout', 'ERROR cache miss']);
    assert.deepEqual(await match([['ERROR', 'WARN'], ['db']]), ['ERROR db timeout', 'WARN db slow']);
    assert.deepEqual(await match([['db'], ['ok', 'slow']]), ['WARN db slow', 'INFO db ok']);
    assert.deepEqual(await match([['%']]), ['progress 100%'], '% is not a wildcard');
    assert.deepEqual(await match([['_']]), ['a_b'], '_ is not a wildcard');
    assert.deepEqual(await match([['\\']]), ['C:\\temp\\x'], 'backslash is literal');
    assert.deepEqual(await match([["'"]]), ["it's"]);
    assert.deepEqual(await match([['"hi"']]), ['say "hi"']);
    assert.deepEqual(await match([['[1].*']]), ['x[1].*'], 'regex characters are literal');
    assert.deepEqual(await match([['Error']]), [], 'matching is case-sensitive');
    assert.deepEqual(await match([[]]), [], 'an empty clause can never hold');
    const limited = await scan({ prefilter: { allOf: [['db']] }, limit: 2, descending: true });
    assert.deepEqual(messages(limited), ['INFO db ok', 'error db lowercase']);
    const [first] = await scan({ prefilter: { allOf: [['db']] }, limit: 1 });
    assert.ok(first !== undefined);
    const rest = await scan({ prefilter: { allOf: [['db']] }, from: { timestamp: first.timestamp, seq: first.seq }, endTime: T0 + 3 });
    assert.deepEqual(messages(rest), ['WARN db slow', 'error db lowercase'], 'prefilter, cursor and time bounds combine');
  });

  it('streams the same events in non-empty batches, and stops when the visitor says so', async () => {
    await seed();
    for (const descending of [false, true]) {
      const query: ScanEventsQuery = { descending, limit: 10, prefilter: { allOf: [['api', 'worker']] } };
      const batches: (readonly StoredLogEvent[])[] = [];
      await ctx.store.scanEventBatches(SCOPE, '/g', query, (batch) => (batches.push(batch), true));
      assert.ok(batches.every((batch) => batch.length > 0));
      assert.deepEqual(batches.flat(), await ctx.store.scanEvents(SCOPE, '/g', query));
    }
    let calls = 0;
    await ctx.store.scanEventBatches(SCOPE, '/g', { descending: false, limit: 1000 }, () => (calls++, false));
    assert.equal(calls, 1);
    await ctx.store.scanEventBatches(SCOPE, '/missing', { descending: false, limit: 10 }, () => assert.fail('no events'));
  });

  it('admits every event meeting a JSON condition, exactly on plain JSON', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    const plain = [
      '{"status":500,"a-b":{"c_d":[{"e":"x-ray"}]}}', '{"status":"500"}', '{"status":5E2}', '{"status":"+5e2"}', '{"status":404}',
      '{"status":"5OO"}', '{"status":true}', '{"status":null}', '{"status":[500]}', '{"other":500}', '[{"status":500}]',
      'status 500', '{"status":1e400,"a-b":{"c_d":[{"e":"ray"}]}}', '{"status":"x-ray5"}', '  {"status":499.5}',
    ];
    // Cases where a store's own JSON reading may differ from JSON.parse: each must still be admitted.
    const tricky = ['{"status":200,"status":500}', '{"st\\u0061tus":500}', '{"status":"\\u0035\\u0030\\u0030"}', '{"a-b":{"c_d":[{"e":1}]},"a-b":{"c_d":[{"e":"x-ray"}]}}'];
    const corpus = [...plain, ...tricky];
    await appendOk(ctx.store, SCOPE, ['/g', 's'], corpus.map((message, index) => ({ timestamp: T0 + index, message })));
    const scanWith = async (json: JsonCondition): Promise<Set<string>> => new Set(messages(await scan({ json })));
    const check = async (json: JsonCondition, plainMatches: string[], trickyMatches: string[]): Promise<void> => {
      const admitted = await scanWith(json);
      assert.deepEqual(plain.filter((m) => admitted.has(m)), plainMatches, JSON.stringify(json));
      for (const m of trickyMatches) assert.ok(admitted.has(m), `${JSON.stringify(json)} must admit ${m}`);
    };
    const status = (operator: '=' | '<' | '<=' | '>' | '>=', value: number): JsonCondition => ({ kind: 'number', path: ['status'], operator, value });
    await check(status('=', 500), [plain[0]!, plain[1]!, plain[2]!, plain[3]!], [tricky[0]!, tricky[1]!, tricky[2]!]);
    await check(status('>=', 500), [plain[0]!, plain[1]!, plain[2]!, plain[3]!, plain[12]!], [tricky[0]!, tricky[1]!, tricky[2]!]);
    await check(status('<', 500), [plain[4]!, plain[14]!], []);
    const e = (match: 'equals' | 'starts-with' | 'ends-with' | 'contains', value: string): JsonCondition => ({ kind: 'text', path: ['a-b', 'c_d', 0, 'e'], match, value });
    await check(e('equals', 'x-ray'), [plain[0]!], [tricky[3]!]);
    await check(e('ends-with', 'ray'), [plain[0]!, plain[12]!], [tricky[3]!]);
    await check(e('starts-with', 'x-'), [plain[0]!], [tricky[3]!]);
    await check({ kind: 'text', path: ['status'], match: 'contains', value: 'ray' }, [plain[13]!], []);
    await check({ kind: 'any', operands: [status('=', 404), e('equals', 'ray')] }, [plain[4]!, plain[12]!], []);
    await check({ kind: 'all', operands: [status('>', 1000), e('equals', 'ray')] }, [plain[12]!], []);
    const last = await scan({ json: status('<', 500), prefilter: { allOf: [['4']] }, descending: true, limit: 1 });
    assert.deepEqual(messages(last), [plain[14]], 'JSON conditions combine with prefilters, order and limit');
  });
}
