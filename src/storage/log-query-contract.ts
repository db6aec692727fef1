import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { isQuerySyntaxError, isUnsupportedQueryError, parseQuery, planQuery, renderValue } from '../query/index.js';
import { readExecutionCorpus, type CorpusCase } from '../query/testdata/execution-corpus.js';
import type { OpenedStorage } from './contract-fixture.js';
import type { LogQueryResult } from './log-query-engine.js';
import type { Scope } from './scope.js';
import type { Storage } from './storage.js';

const SCOPE: Scope = { accountId: '123456789012', region: 'us-east-1' };
const ALL_TIME = { start: 0, end: Date.parse('2100-01-01T00:00:00Z') };

/**
 * The LogQueryEngine contract: the execution corpora (src/query/testdata/execution.txt, aws-examples.txt) seeded once, then every
 * case run through parse -> plan -> the adapter, its rows compared exactly.
 */
export function describeLogQueryContract(name: string, open: () => Promise<OpenedStorage>): void {
  describe(`LogQueryEngine contract: ${name}`, () => {
    const corpus = readExecutionCorpus();
    let storage: Storage | undefined;
    before(async () => {
      storage = (await open()).storage;
      await seed(storage, corpus.events);
    });
    for (const c of corpus.cases) {
      test(`${c.source} ${c.query}`, async () => {
        if (storage === undefined) throw new Error('storage did not open');
        await runCase(storage, c);
      });
    }
  });
}

async function seed(storage: Storage, events: ReturnType<typeof readExecutionCorpus>['events']): Promise<void> {
  const created = new Set<string>();
  for (const event of events) {
    const key = `${event.group}\u0000${event.stream}`;
    if (!created.has(event.group)) {
      await storage.logs.createLogGroup(SCOPE, {
        logGroupName: event.group, creationTime: 0, logGroupClass: 'STANDARD', deletionProtectionEnabled: false, tags: {},
      });
      created.add(event.group);
    }
    if (!created.has(key)) {
      await storage.logs.createLogStream(SCOPE, event.group, event.stream, 0);
      created.add(key);
    }
    await storage.logs.append(SCOPE, event.group, event.stream, [{ timestamp: event.timestamp, message: event.message }], event.timestamp + 1000);
  }
}

async function runCase(storage: Storage, c: CorpusCase): Promise<void> {
  let result: LogQueryResult;
  try {
    const plan = planQuery(parseQuery(c.query), { limit: c.limit ?? 10_000 });
    const groups = c.groups.map((logGroupName) => ({ logGroupName }));
    result = await storage.logQueries.run(SCOPE, { groups, startTime: c.start ?? ALL_TIME.start, endTime: c.end ?? ALL_TIME.end, plan });
  } catch (error) {
    if (c.error !== undefined && (isQuerySyntaxError(error) || isUnsupportedQueryError(error))) {
      assert.equal(error.message, c.error);
      return;
    }
    throw error;
  }
  assert.equal(c.error, undefined, 'the query was expected to fail');
  const rows = result.rows.map((row) =>
    row
      .flatMap((value, index) => {
        const column = result.columns[index];
        const shown = column === undefined ? undefined : renderValue(column.type, value);
        return shown === undefined || column === undefined ? [] : [`${column.name}=${shown}`];
      })
      .join(' | '),
  );
  assert.deepEqual(rows, c.rows);
  if (result.pointers !== undefined) assert.equal(result.pointers.length, result.rows.length);
  if (c.matched !== undefined) assert.equal(result.statistics.recordsMatched, c.matched);
}
