import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PutModelInvocationLoggingConfigurationCommand } from '@aws-sdk/client-bedrock';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { GATEWAY_CONFIG, HAIKU } from './bedrock-helpers.js';
import { eventually, invocationEvents, s3RecordLines } from './bedrock-logging-helpers.js';
import { startServer, TEST_ACCOUNT, type RunningServer } from './harness.js';

/*
 * Records of acknowledged invocations outlive the process: SIGTERM during traffic delivers every one (graceful
 * shutdown flushes the S3 batches, which here would otherwise wait an hour); after kill -9 mid-traffic a restart
 * delivers every invocation acknowledged more than the spool's 200 ms sync interval before the kill.
 */
const GROUP = '/bedrock/restart';
const BUCKET = 'restart-logs';
const WORKERS = 4;
/** The spool's sync interval is 200 ms; the rest is slack for timers on a loaded 2-core machine. */
const CRASH_WINDOW_MS = 400;

interface Ack { readonly requestId: string; readonly at: number }

/** Boots a server over `dataDir`; S3 batches wait `batchAgeMs` unless the server shuts down. */
const boot = (dataDir: string, batchAgeMs: number): Promise<RunningServer> =>
  startServer({ dataDir, config: { ...GATEWAY_CONFIG, invocationLogging: { s3BatchMaxAgeMs: batchAgeMs, tickMs: 50 } } });

async function configure(server: RunningServer): Promise<void> {
  await server.logs().send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  await server.s3().send(new CreateBucketCommand({ Bucket: BUCKET }));
  await server.bedrock().send(new PutModelInvocationLoggingConfigurationCommand({
    loggingConfig: {
      cloudWatchConfig: { logGroupName: GROUP, roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/BedrockLogging` },
      s3Config: { bucketName: BUCKET }, textDataDeliveryEnabled: true,
    },
  }));
}

/**
 * Converse from several workers until the server stops answering; `signal` is sent once `after` calls were
 * acknowledged and the traffic has run for more than the crash window (on a quiet machine 150 calls take less).
 */
async function trafficUntil(server: RunningServer, after: number, signal: NodeJS.Signals): Promise<{ acks: Ack[]; killedAt: number }> {
  const runtime = server.bedrockRuntime({ http1: true });
  const acks: Ack[] = [];
  const started = Date.now();
  let killedAt = Number.POSITIVE_INFINITY;
  let killing: Promise<void> | undefined;
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; i < 2_000; i++) {
      try {
        const r = await runtime.send(new ConverseCommand({ modelId: HAIKU, messages: [{ role: 'user', content: [{ text: `worker ${w} call ${i}` }] }] }));
        acks.push({ requestId: r.$metadata.requestId ?? '', at: Date.now() });
      } catch {
        return; // the server went away
      }
      if (acks.length >= after && Date.now() - started > 2 * CRASH_WINDOW_MS && killing === undefined) {
        killedAt = Date.now();
        killing = server.kill(signal);
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  await killing;
  runtime.destroy();
  return { acks, killedAt };
}

async function delivered(server: RunningServer): Promise<{ cloudWatch: string[]; s3: string[] }> {
  const ids = (lines: ReadonlyArray<string | undefined>) => lines.map((l) => (JSON.parse(l ?? '{}') as { requestId: string }).requestId);
  return {
    // One GetLogEvents page holds them all: a few hundred records are far below its 10,000-event / 1 MB page.
    cloudWatch: ids((await invocationEvents(server.logs(), GROUP)).map((e) => e.message)),
    s3: ids((await s3RecordLines(server.s3(), BUCKET)).map((l) => l.line)),
  };
}

describe('invocation records survive SIGTERM and kill -9', { timeout: 120_000 }, () => {
  it('SIGTERM during traffic: every acknowledged invocation is delivered, once, to both destinations', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-sigterm-'));
    let server = await boot(dataDir, 3_600_000);
    try {
      await configure(server);
      const { acks } = await trafficUntil(server, 60, 'SIGTERM');
      await server.stop();
      server = await boot(dataDir, 3_600_000);
      const seen = await delivered(server);
      const acked = acks.map((a) => a.requestId).sort();
      for (const [where, ids] of Object.entries(seen)) {
        assert.equal(new Set(ids).size, ids.length, `${where}: no record twice after a graceful shutdown`);
        const missing = acked.filter((id) => !ids.includes(id));
        assert.deepEqual(missing, [], `${where}: every acknowledged invocation was delivered`);
      }
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('kill -9 during traffic: a restart delivers everything acknowledged before the last sync interval', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-kill9-'));
    let server = await boot(dataDir, 3_600_000);
    try {
      await configure(server);
      const { acks, killedAt } = await trafficUntil(server, 150, 'SIGKILL');
      await server.stop();
      const due = acks.filter((a) => a.at < killedAt - CRASH_WINDOW_MS).map((a) => a.requestId);
      assert.ok(due.length > 0, 'some invocations were acknowledged well before the kill');
      server = await boot(dataDir, 200);
      for (const where of ['cloudWatch', 's3'] as const) {
        const missing = await eventually(`${where} records of ${due.length} invocations`, async () => {
          const ids = new Set((await delivered(server))[where]);
          const left = due.filter((id) => !ids.has(id));
          return left.length === 0 ? left : undefined;
        }, 10_000);
        assert.deepEqual(missing, []);
      }
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
