import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { type CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeLogStreamsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { type RunningServer, startServer } from './harness.js';
import { createGroupWithStreams, filterAll, getAllFromHead } from './logs-helpers.js';

/**
 * Kill -9 mid-ingestion, restart on the same data folder, and prove that every acknowledged event is there exactly
 * once. A batch whose call never got an answer may be there entirely or not at all, never in part, never twice.
 */

const GROUP = '/e2e/durability';
const STREAMS = ['w0', 'w1', 'w2', 'w3', 'shared'];
/** Writers 0-3 own a stream each; writers 4 and 5 share one, as parallel PutLogEvents on a stream are allowed. */
const WRITERS = [0, 1, 2, 3, 4, 5].map((id) => ({ id, stream: STREAMS[Math.min(id, 4)] ?? 'shared' }));
const EVENTS_PER_BATCH = 25;
const ACKS_BEFORE_KILL = 40;
const MAX_WRITE_MS = 8_000;

/** `absent`: unanswered and found missing after a restart, so it must stay missing. */
type Outcome = 'acked' | 'unknown' | 'absent';

describe('durability across SIGKILL', { timeout: 240_000 }, () => {
  const servers: RunningServer[] = [];
  /** `writer:batch` -> what the client learned about it. */
  const batches = new Map<string, Outcome>();
  const nextBatch = new Map<number, number>();
  const base = Date.now() - 60_000;

  after(async () => {
    // Newest first: the first server owns the data folder and deletes it when stopped.
    for (const server of servers.reverse()) await server.stop();
  }, { timeout: 60_000 });

  async function boot(): Promise<RunningServer> {
    const server = await startServer(servers[0] === undefined ? {} : { dataDir: servers[0].dataDir });
    servers.push(server);
    return server;
  }

  /** Runs every writer in a loop until SIGKILL lands after enough acknowledgements (or the time cap). */
  async function writeThenKill(server: RunningServer): Promise<void> {
    let stopped = false;
    let acked = 0;
    let reachedTarget: () => void = () => undefined;
    const target = new Promise<void>((done) => { reachedTarget = done; });

    const writer = async (id: number, stream: string, logs: CloudWatchLogsClient): Promise<void> => {
      while (!stopped) {
        const batch = nextBatch.get(id) ?? 0;
        nextBatch.set(id, batch + 1);
        const key = `${id}:${batch}`;
        batches.set(key, 'unknown');
        // One timestamp per batch keeps each batch chronological; writers on the shared stream interleave freely.
        const logEvents = Array.from({ length: EVENTS_PER_BATCH }, (_, n) => ({ timestamp: base + batch, message: `${key}:${n}` }));
        try {
          await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, logEvents }));
          batches.set(key, 'acked');
          if (++acked >= ACKS_BEFORE_KILL) reachedTarget();
        } catch {
          return;
        }
      }
    };

    const running = WRITERS.map(({ id, stream }) => writer(id, stream, server.logs()));
    const cap = setTimeout(reachedTarget, MAX_WRITE_MS);
    await target;
    clearTimeout(cap);
    await server.kill('SIGKILL');
    stopped = true;
    await Promise.all(running);
    assert.ok(acked > 0, `no PutLogEvents call was acknowledged before the kill:\n${server.output()}`);
  }

  /** Reads everything back through both read paths and checks it against what the writers were told. */
  async function verify(server: RunningServer): Promise<void> {
    const logs = server.logs();
    const viaFilter = (await filterAll(logs, { logGroupName: GROUP, limit: 10_000 })).map((e) => e.message ?? '');
    const viaGet: string[] = [];
    const expectedStreams: { logStreamName: string; firstEventTimestamp?: number; lastEventTimestamp?: number }[] = [];
    for (const stream of STREAMS) {
      const events = await getAllFromHead(logs, { group: GROUP, stream });
      viaGet.push(...events.map((e) => e.message ?? ''));
      const times = events.map((e) => e.timestamp ?? 0);
      expectedStreams.push(times.length === 0 ? { logStreamName: stream } : { logStreamName: stream, firstEventTimestamp: Math.min(...times), lastEventTimestamp: Math.max(...times) });
    }
    assert.deepEqual([...viaGet].sort(), [...viaFilter].sort(), 'GetLogEvents and FilterLogEvents see the same events');

    // Stream and group metadata counts what is stored, and only that, even though the kill lost what was pending.
    const described = (await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP }))).logStreams ?? [];
    assert.deepEqual(
      described.map(({ logStreamName, firstEventTimestamp, lastEventTimestamp }) => ({ logStreamName, firstEventTimestamp, lastEventTimestamp })),
      expectedStreams
        .map((stream) => ({ firstEventTimestamp: undefined, lastEventTimestamp: undefined, ...stream }))
        .sort((a, b) => (a.logStreamName < b.logStreamName ? -1 : 1)),
    );
    const group = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: GROUP }))).logGroups?.[0];
    assert.equal(group?.storedBytes, viaFilter.reduce((sum, message) => sum + Buffer.byteLength(message), 0), 'storedBytes');

    const seen = new Map<string, number>();
    for (const message of viaFilter) seen.set(message, (seen.get(message) ?? 0) + 1);
    const duplicates = [...seen].filter(([, count]) => count > 1).map(([message]) => message);
    assert.deepEqual(duplicates.slice(0, 10), [], 'no event is stored twice');

    const problems: string[] = [];
    for (const [key, outcome] of batches) {
      const present = Array.from({ length: EVENTS_PER_BATCH }, (_, n) => seen.has(`${key}:${n}`)).filter(Boolean).length;
      if (outcome === 'acked' && present !== EVENTS_PER_BATCH) problems.push(`acknowledged batch ${key} has ${present}/${EVENTS_PER_BATCH} events`);
      if (outcome === 'unknown' && present !== 0 && present !== EVENTS_PER_BATCH) problems.push(`unanswered batch ${key} is partial: ${present}`);
      if (outcome === 'absent' && present !== 0) problems.push(`batch ${key} was missing after one restart but has ${present} events now`);
    }
    const known = new Set([...batches.keys()].flatMap((key) => Array.from({ length: EVENTS_PER_BATCH }, (_, n) => `${key}:${n}`)));
    const strangers = [...seen.keys()].filter((message) => !known.has(message));
    assert.deepEqual(problems, []);
    assert.deepEqual(strangers.slice(0, 10), [], 'only events that were sent are stored');
    // What one restart showed must hold on the next: found batches count as acknowledged from now on.
    for (const [key, outcome] of batches) {
      if (outcome === 'unknown') batches.set(key, seen.has(`${key}:0`) ? 'acked' : 'absent');
    }
  }

  test('acknowledged events survive two SIGKILLs, exactly once', { timeout: 200_000 }, async () => {
    const first = await boot();
    await createGroupWithStreams(first.logs(), GROUP, STREAMS);
    await writeThenKill(first);

    const second = await boot();
    await verify(second);
    await writeThenKill(second);

    const third = await boot();
    await verify(third);
    const acked = [...batches.values()].filter((outcome) => outcome === 'acked').length;
    assert.ok(acked >= 2, `only ${acked} batches were acknowledged`);
  });
});
