import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { jsonPushdownOf, matchFilterPattern, parseFilterPattern, type FilterPattern } from '../filter-pattern/index.js';
import type { Scope, Storage } from '../storage/index.js';
import { openDuckDbStorage } from './duckdb-storage.js';
import { seededRandom } from '../kernel/index.js';

/**
 * The DuckDB rendering of JSON pushdown never drops a real match: over random JSON events, written the ways encoders
 * and people write them (escapes, duplicate keys, odd numbers, leading whitespace), every event the exact matcher
 * accepts is among the candidates the store admits with the pattern's JSON condition. Two groups: one where DuckDB
 * can parse every object (its direct read), one holding objects it cannot (the validated read it falls back to).
 */
const SCOPE: Scope = { accountId: '000000000000', region: 'us-east-1' };
const T0 = Date.UTC(2024, 5, 1);


const rnd = seededRandom(4242);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

const VALUES = ['a', 'ab', '*b', 'a*', '*a*', '1', '10', '1e1', '-5', '0.5', '500', '"a b"', 'x-y', '"é"', 'abc', 'q_r'];
/** Raw JSON value texts: numbers the way JSON allows them, numeric strings, escapes, nested values. */
const LEAVES = ['"a"', '"ab"', '"xab"', '"a b"', '"x-y"', '"é"', '"abc"', '"q_r"', '"500"', '"+500"', '"5e2"', '" 10"', '"0.5"', '500', '5E2',
  '500.0', '1e400', '-1e400', '10', '1e1', '-5', '0.5', '-0', '1', 'true', 'false', 'null', '{"z":1}', '["a"]', '[500]', '"\\u0061b"',
  '"x\\u002dy"', '"\\"a\\""', '"1\\u0030"', '"\\ud83d\\ude00"', '"\\ud800"'];
const KEYS = ['"a"', '"b"', '"c"', '"e-f"', '"\\u0061"', '"q_r"'];

function jsonMessage(malformed: boolean): string {
  const members: string[] = [];
  const count = 1 + Math.floor(rnd() * 5);
  for (let i = 0; i < count; i++) {
    const key = pick(KEYS);
    const r = rnd();
    const value = r < 0.15 ? `[${pick(LEAVES)},${pick(LEAVES)}]` : r < 0.3 ? `{"d":${pick(LEAVES)}}` : pick(LEAVES);
    members.push(`${key}:${value}`);
  }
  const text = `{${members.join(rnd() < 0.1 ? ' , ' : ',')}}`;
  const r = rnd();
  return r < 0.05 ? ` \n${text}` : r < 0.08 ? `[${text}]` : r < 0.1 && malformed ? `${text} trailing` : text;
}

function jsonExpression(depth: number): string {
  if (depth > 0 && rnd() < 0.35) return `(${jsonExpression(depth - 1)} ${pick(['&&', '||'])} ${jsonExpression(depth - 1)})`;
  const path = pick(['$.a', '$.b[0]', '$.b[1]', '$.c.d', '$.e-f', '$.q_r', '$.a.d']);
  return `${path} ${pick(['=', '=', '=', '>', '<', '>=', '<='])} ${pick(VALUES)}`;
}

describe('DuckDB JSON pushdown', () => {
  let dataDir = '';
  let storage: Storage | undefined;
  const groups = [
    { name: '/parseable', messages: [] as string[] },
    { name: '/malformed', messages: [] as string[] },
  ];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-pushdown-'));
    storage = await openDuckDbStorage({ dataDir, memoryLimit: '128MB' });
    for (const group of groups) {
      await storage.logs.createLogGroup(SCOPE, { logGroupName: group.name, creationTime: T0, logGroupClass: 'STANDARD', deletionProtectionEnabled: false, tags: {} });
      await storage.logs.createLogStream(SCOPE, group.name, 's', T0);
      for (let i = 0; i < 600; i++) group.messages.push(jsonMessage(group.name === '/malformed'));
      const outcome = await storage.logs.append(SCOPE, group.name, 's', group.messages.map((message, i) => ({ timestamp: T0 + i, message })), T0);
      assert.equal(outcome.kind, 'appended');
    }
  });

  after(async () => {
    await storage?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  for (const group of groups) {
    test(`admits every event the exact matcher accepts, in ${group.name}`, async () => {
      const logs = storage!.logs;
      const { messages } = group;
      let checked = 0;
      let matches = 0;
      let pruned = 0;
      for (let round = 0; round < 200; round++) {
        const text = `{ ${jsonExpression(2)} }`;
        let pattern: FilterPattern;
        try {
          pattern = parseFilterPattern(text);
        } catch {
          continue;
        }
        const json = jsonPushdownOf(pattern);
        if (json === undefined) continue;
        checked++;
        const admitted = new Set((await logs.scanEvents(SCOPE, group.name, { json, descending: false, limit: 10_000 })).map((e) => e.message));
        pruned += messages.length - admitted.size;
        for (const message of messages) {
          if (matchFilterPattern(pattern, message) === undefined) continue;
          matches++;
          assert.ok(admitted.has(message), `${text} matches ${message}, but the store dropped it for ${JSON.stringify(json)}`);
        }
      }
      // Not vacuous: real patterns, real matches, and the condition really prunes.
      assert.ok(checked > 80, `only ${checked} patterns`);
      assert.ok(matches > 200, `only ${matches} matches`);
      assert.ok(pruned > checked * messages.length * 0.25, `only ${pruned} of ${checked * messages.length} events pruned`);
    });
  }
});
