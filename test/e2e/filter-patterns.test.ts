import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CloudWatchLogsClient, TestMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import { type RunningServer, startServer, uniqueName } from './harness.js';
import { createGroupWithStreams, filterAll, messagesOf, putMessages } from './logs-helpers.js';

/**
 * FilterLogEvents with the filter-pattern examples of AWS's "Filter and pattern syntax" guide, on the guide's own
 * sample events. Each case names the events it must return; order is checked elsewhere, so results are compared sorted.
 */

const ERRORS = {
  e400: '[ERROR 400] BAD REQUEST',
  e401: '[ERROR 401] UNAUTHORIZED REQUEST',
  e419: '[ERROR 419] MISSING ARGUMENTS',
  e420: '[ERROR 420] INVALID ARGUMENTS',
  e500: '[ERROR 500] INTERNAL SERVER ERROR',
  i200: '[INFO 200] AUTHORIZED REQUEST',
};
const WORDS = { w1: 'ERROR WARN message', w2: 'ERROR message', w3: 'WARN message' };
const JSON_EVENTS = {
  doc: JSON.stringify({
    eventType: 'UpdateTrail', sourceIPAddress: '111.111.111.111', arrayKey: ['value', 'another value'],
    objectList: [{ name: 'a', id: 1 }, { name: 'b', id: 2 }], SomeObject: null, ThisFlag: true,
  }),
  other: JSON.stringify({ eventType: 'CreateTrail', sourceIPAddress: '123.123.1.1', latency: 1500, ThisFlag: false, SomeObject: { x: 1 } }),
  text: 'eventType UpdateTrail is not JSON',
  compound: JSON.stringify({
    user: { id: 1, email: 'John.Stiles@example.com' },
    users: [{ id: 2, email: 'John.Doe@example.com' }, { id: 3, email: 'Jane.Doe@example.com' }],
    actions: ['GET', 'PUT', 'DELETE'],
    coordinates: [[0, 1, 2], [4, 5, 6], [7, 8, 9]],
  }),
};
const ACCESS = {
  a1: '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
  a2: '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
  a3: '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355',
  a4: '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /index.html HTTP/1.0" 404 2326',
};

type Case = readonly [pattern: string, expected: readonly string[], streams?: readonly string[]];

const TERM_CASES: readonly Case[] = [
  ['', Object.values(ERRORS)],
  ['ERROR', [ERRORS.e400, ERRORS.e401, ERRORS.e419, ERRORS.e420, ERRORS.e500]],
  ['ERROR ARGUMENTS', [ERRORS.e419, ERRORS.e420]],
  ['?ERROR ?ARGUMENTS', [ERRORS.e400, ERRORS.e401, ERRORS.e419, ERRORS.e420, ERRORS.e500]],
  ['ERROR -ARGUMENTS', [ERRORS.e400, ERRORS.e401, ERRORS.e500]],
  ['"INTERNAL SERVER ERROR"', [ERRORS.e500]],
  ['?INFO ?UNAUTHORIZED', [ERRORS.e401, ERRORS.i200]],
  ['error', []],
  ['%AUTHORIZED%', [ERRORS.e401, ERRORS.i200]],
  ['%ERROR.4[0-9]{2}%', [ERRORS.e400, ERRORS.e401, ERRORS.e419, ERRORS.e420]],
  ['%ERROR.5|INFO%', [ERRORS.e500, ERRORS.i200]],
  ['%^\\[INFO%', [ERRORS.i200]],
];
const WORD_CASES: readonly Case[] = [
  ['ERROR', [WORDS.w1, WORDS.w2]],
  ['?ERROR ?WARN', [WORDS.w1, WORDS.w2, WORDS.w3]],
  ['ERROR WARN', [WORDS.w1]],
  ['ERROR -WARN', [WORDS.w2]],
  ['[w1=ERROR, w2]', [WORDS.w2]],
  ['[w1=ERROR || w1=WARN, w2]', [WORDS.w2, WORDS.w3]],
  ['[w1, w2, w3]', [WORDS.w1]],
  ['[first = WARN, ...]', [WORDS.w3]],
];
const JSON_CASES: readonly Case[] = [
  ['{ $.eventType = "UpdateTrail" }', [JSON_EVENTS.doc]],
  ['{ $.eventType = UpdateTrail }', [JSON_EVENTS.doc]],
  ['{ $.eventType != "UpdateTrail" }', [JSON_EVENTS.other], ['cloudtrail']],
  ['{ $.eventType = "*Trail" }', [JSON_EVENTS.doc, JSON_EVENTS.other]],
  ['{ $.eventType = "*" }', [JSON_EVENTS.doc, JSON_EVENTS.other]],
  ['{ $.sourceIPAddress != 123.123.* }', [JSON_EVENTS.doc], ['cloudtrail']],
  ['{ $.arrayKey[0] = "value" }', [JSON_EVENTS.doc]],
  ['{ $.objectList[1].id = 2 }', [JSON_EVENTS.doc]],
  ['{ $.SomeObject IS NULL }', [JSON_EVENTS.doc]],
  ['{ $.SomeOtherObject NOT EXISTS }', [JSON_EVENTS.doc, JSON_EVENTS.other, JSON_EVENTS.compound]],
  ['{ $.ThisFlag IS TRUE }', [JSON_EVENTS.doc]],
  ['{ $.ThisFlag IS FALSE }', [JSON_EVENTS.other]],
  ['{ $.latency > 1000 }', [JSON_EVENTS.other]],
  ['{ $.latency >= 1500 }', [JSON_EVENTS.other]],
  ['{ $.latency = 1.5e3 }', [JSON_EVENTS.other]],
  ['{ $.latency < 1e3 }', []],
  ['{ $.eventType = "UpdateTrail" || $.latency > 1000 }', [JSON_EVENTS.doc, JSON_EVENTS.other]],
  ['{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', [JSON_EVENTS.compound]],
  ['{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', []],
  ['{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }', [JSON_EVENTS.compound]],
  ['{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }', []],
  ['{ $.coordinates[2][1] = 8 }', [JSON_EVENTS.compound]],
  ['{ $.users = 1 }', []],
  ['{ $.users != 1 }', [], ['compound']],
];
const SPACE_CASES: readonly Case[] = [
  ['[ip, user, username, timestamp, request, status_code, bytes]', Object.values(ACCESS)],
  ['[ip, user, username, timestamp, request, status_code, bytes > 4000]', [ACCESS.a2, ACCESS.a3]],
  ['[ip, user, username, timestamp, request, status_code = 200, bytes]', [ACCESS.a1, ACCESS.a3]],
  ['[ip, user, username, timestamp, request, status_code = 4*, bytes]', [ACCESS.a4]],
  ['[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]', [ACCESS.a4]],
  ['[ip, user, username, timestamp, request, status_code = 4* || status_code = 5*, bytes]', [ACCESS.a2, ACCESS.a4]],
  ['[ip, user, username, timestamp, request, status_code != 200, bytes]', [ACCESS.a2, ACCESS.a4]],
  ['[..., status_code, bytes]', Object.values(ACCESS)],
  ['[..., status_code = 5*, bytes]', [ACCESS.a2]],
  ['[ip, user, ...]', Object.values(ACCESS)],
  ['[ip, user, username = frank, ...]', Object.values(ACCESS)],
  ['[ip, user, username, timestamp, request, status_code, bytes, extra]', []],
];

describe('filter patterns (FilterLogEvents)', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;
  const groups = { terms: uniqueName('fp-terms'), words: uniqueName('fp-words'), json: uniqueName('fp-json'), space: uniqueName('fp-space') };

  before(async () => {
    server = await startServer();
    logs = server.logs();
    await createGroupWithStreams(logs, groups.terms, ['app']);
    await putMessages(logs, { group: groups.terms, stream: 'app' }, Object.values(ERRORS));
    await createGroupWithStreams(logs, groups.words, ['w']);
    await putMessages(logs, { group: groups.words, stream: 'w' }, Object.values(WORDS));
    await createGroupWithStreams(logs, groups.json, ['cloudtrail', 'compound']);
    await putMessages(logs, { group: groups.json, stream: 'cloudtrail' }, [JSON_EVENTS.doc, JSON_EVENTS.other, JSON_EVENTS.text]);
    await putMessages(logs, { group: groups.json, stream: 'compound' }, [JSON_EVENTS.compound]);
    await createGroupWithStreams(logs, groups.space, ['access']);
    await putMessages(logs, { group: groups.space, stream: 'access' }, Object.values(ACCESS));
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  async function check(group: string, cases: readonly Case[]): Promise<void> {
    const failures: string[] = [];
    for (const [filterPattern, expected, logStreamNames] of cases) {
      const events = await filterAll(logs, { logGroupName: group, filterPattern, logStreamNames: logStreamNames ? [...logStreamNames] : undefined });
      const got = messagesOf(events).sort();
      const want = [...expected].sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${filterPattern}\n    want ${JSON.stringify(want)}\n    got  ${JSON.stringify(got)}`);
    }
    assert.deepEqual(failures, [], `patterns that returned the wrong events:\n  ${failures.join('\n  ')}`);
  }

  test('terms, ?, -, quoted phrases and %regex%', { timeout: 30_000 }, () => check(groups.terms, TERM_CASES));
  test('the OR examples, unstructured and space-delimited', { timeout: 30_000 }, () => check(groups.words, WORD_CASES));
  test('JSON selectors, comparisons, IS/NOT EXISTS and compound conditions', { timeout: 30_000 }, () => check(groups.json, JSON_CASES));
  test('space-delimited fields, conditions, wildcards and ellipsis', { timeout: 30_000 }, () => check(groups.space, SPACE_CASES));

  test('TestMetricFilter agrees with FilterLogEvents on the same patterns', { timeout: 30_000 }, async () => {
    const families: ReadonlyArray<readonly [string, readonly string[], readonly Case[]]> = [
      ['terms', Object.values(ERRORS), TERM_CASES],
      ['json', [JSON_EVENTS.doc, JSON_EVENTS.other, JSON_EVENTS.text], JSON_CASES.slice(0, 5)],
      ['space', Object.values(ACCESS), SPACE_CASES],
    ];
    for (const [family, messages, cases] of families) {
      for (const [filterPattern, expected] of cases) {
        if (filterPattern === '') continue;
        const out = await logs.send(new TestMetricFilterCommand({ filterPattern, logEventMessages: [...messages] }));
        const got = (out.matches ?? []).map((m) => m.eventMessage ?? '').sort();
        assert.deepEqual(got, expected.filter((m) => messages.includes(m)).sort(), `${family}: ${filterPattern}`);
      }
    }
  });
});
