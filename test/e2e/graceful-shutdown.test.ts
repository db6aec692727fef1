import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startServer, uniqueName, type RunningServer } from './harness.js';
import { createGroupWithStreams, filterAll } from './logs-helpers.js';

const TIMEOUT = { timeout: 90_000 };

describe('graceful shutdown', () => {
  const started: RunningServer[] = [];
  after(async () => {
    for (const server of started) await server.stop();
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`${signal} lets in-flight PutLogEvents finish, exits 0, and keeps every acknowledged event`, TIMEOUT, async () => {
      const first = await startServer();
      started.push(first);
      const logs = first.logs();
      const group = uniqueName('/shutdown');
      await createGroupWithStreams(logs, group, ['s']);

      // A burst of large batches, then the signal while some are still being written.
      const now = Date.now() - 60_000;
      const message = 'x'.repeat(180);
      const batches = Array.from({ length: 12 }, (_, b) =>
        Array.from({ length: 2_000 }, (_, i) => ({ timestamp: now + b, message: `${b}-${i}-${message}` })),
      );
      const sends = batches.map((logEvents) =>
        logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 's', logEvents })).then(
          () => logEvents.length,
          () => 0,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      const exited = new Promise<number | null>((resolve) => first.process.once('exit', (code) => resolve(code)));
      first.process.kill(signal);
      const acknowledged = (await Promise.all(sends)).reduce((sum, n) => sum + n, 0);
      assert.equal(await exited, 0, `the server must exit cleanly on ${signal}\n${first.output()}`);
      assert.ok(acknowledged > 0, 'some batches were acknowledged before or during shutdown');

      const second = await startServer({ dataDir: first.dataDir });
      started.push(second);
      const stored = await filterAll(second.logs(), { logGroupName: group });
      assert.equal(stored.length, acknowledged, 'exactly the acknowledged events are stored');
    });
  }
});
