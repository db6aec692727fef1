import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseQuery, planQuery } from '../query/index.js';
import type { Storage } from '../storage/index.js';
import { openDuckDbStorage } from './duckdb-storage.js';

const SCOPE = { accountId: '123456789012', region: 'us-east-1' };
const T0 = Date.parse('2024-05-01T10:00:00Z');

/**
 * Indexed invocation-record fields must read exactly like the JSON they came from, whether every event of the query
 * is indexed (columns only) or some are not (a non-canonical record, a plain-text line: CASE per row).
 */
describe('Insights over indexed invocation-record fields (DuckDB)', () => {
  let dir: string;
  let storage: Storage;
  const run = async (groups: string[], query: string) => {
    const plan = planQuery(parseQuery(query), { limit: 100 });
    const result = await storage.logQueries.run(SCOPE, { groups: groups.map((logGroupName) => ({ logGroupName })), startTime: 0, endTime: T0 + 60_000, plan });
    return { rows: result.rows, statistics: result.statistics };
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modelwatch-indexed-'));
    storage = await openDuckDbStorage({ dataDir: dir, memoryLimit: '128MB' });
    const canonical = (id: string, model: string, tokens: number, error?: string) =>
      JSON.stringify({ schemaType: 'ModelInvocationLog', requestId: id, modelId: model, input: { inputTokenCount: tokens }, ...(error === undefined ? {} : { errorCode: error }) });
    const events = {
      '/indexed': [canonical('r1', 'm-a', 10), canonical('r2', 'm-b', 5, 'ThrottlingException'), canonical('r3', 'm-a', 7)],
      '/mixed': [canonical('r4', 'm-a', 1), '{"schemaType":"ModelInvocationLog", "requestId":"r5", "modelId":"m-b", "input":{"inputTokenCount":2}}', 'plain text modelId=m-c', '{"modelId":"m-c","input":{"inputTokenCount":4}}'],
    };
    for (const [group, messages] of Object.entries(events)) {
      await storage.logs.createLogGroup(SCOPE, { logGroupName: group, creationTime: 0, logGroupClass: 'STANDARD', deletionProtectionEnabled: false, tags: {} });
      await storage.logs.createLogStream(SCOPE, group, 's', 0);
      await storage.logs.append(SCOPE, group, 's', messages.map((message, i) => ({ timestamp: T0 + i, message })), T0 + 1000);
    }
  });
  after(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the columns when every event is indexed', async () => {
    const { rows, statistics } = await run(['/indexed'], 'stats count(*) as n, sum(input.inputTokenCount) as tokens by modelId | sort modelId asc');
    assert.deepEqual(rows, [['m-a', 2, 17], ['m-b', 1, 5]]);
    assert.equal(statistics.recordsScanned, 3);
    assert.equal(statistics.bytesScanned, (await run(['/indexed'], 'stats sum(strlen(@message)) as b')).rows[0]?.[0]);
    assert.deepEqual((await run(['/indexed'], 'filter errorCode = "ThrottlingException" | fields requestId')).rows, [['r2']]);
  });

  it('falls back to the JSON for events that are not indexed, per event', async () => {
    const { rows } = await run(['/mixed', '/indexed'], 'filter ispresent(modelId) | stats count(*) as n, sum(input.inputTokenCount) as tokens by modelId | sort modelId asc');
    assert.deepEqual(rows, [['m-a', 3, 18], ['m-b', 2, 7], ['m-c', 1, 4]]);
    assert.deepEqual((await run(['/mixed'], 'fields requestId | filter ispresent(requestId) | sort requestId asc')).rows, [['r4'], ['r5']]);
  });

  it('keeps each record its own fields across appends of several chunks, whatever the chunks held before', async () => {
    // Chunks are pooled: plain events, then records, then plain events again go through the same chunks.
    const plain = (n: number) => Array.from({ length: n }, (_, i) => ({ timestamp: T0 + i, message: `plain line ${i}` }));
    const records = Array.from({ length: 5000 }, (_, i) => ({
      timestamp: T0 + i,
      message: JSON.stringify({ schemaType: 'ModelInvocationLog', requestId: `p${i}`, modelId: `m-${i % 3}`, input: { inputTokenCount: i }, ...(i % 7 === 0 ? { errorCode: 'E' } : {}) }),
    }));
    for (const group of ['/pooled-plain', '/pooled-records']) {
      await storage.logs.createLogGroup(SCOPE, { logGroupName: group, creationTime: 0, logGroupClass: 'STANDARD', deletionProtectionEnabled: false, tags: {} });
      await storage.logs.createLogStream(SCOPE, group, 's', 0);
    }
    await storage.logs.append(SCOPE, '/pooled-plain', 's', plain(5000), T0 + 1000);
    await storage.logs.append(SCOPE, '/pooled-records', 's', records, T0 + 1000);
    await storage.logs.append(SCOPE, '/pooled-plain', 's', plain(5000), T0 + 1000);
    const { rows } = await run(['/pooled-records'], 'stats count(*) as n, sum(input.inputTokenCount) as tokens, count(errorCode) as errors, count_distinct(requestId) as ids by modelId | sort modelId asc');
    const expected = [0, 1, 2].map((m) => {
      const mine = Array.from({ length: 5000 }, (_, i) => i).filter((i) => i % 3 === m);
      return [`m-${m}`, mine.length, mine.reduce((a, b) => a + b, 0), mine.filter((i) => i % 7 === 0).length, mine.length];
    });
    assert.deepEqual(rows, expected);
    assert.deepEqual((await run(['/pooled-records'], 'filter requestId = "p4999" | fields modelId, input.inputTokenCount')).rows, [['m-1', '4999']]);
    assert.deepEqual((await run(['/pooled-plain'], 'filter ispresent(requestId) or ispresent(modelId) | stats count(*) as n')).rows, [[0]]);
  });
});
