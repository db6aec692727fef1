import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/kernel/index.js';
import { MemoryObjects } from '../../src/services/bedrock/logging/logging-fakes.test-support.js';
import { openInvocationLogging } from '../../src/server/invocation-logging.js';
import { openDuckDbStorage } from '../../src/storage-duckdb/index.js';
import { CRASH_T0 } from './bedrock-logging-crash-fixture.js';
import { killWhenReady } from '../../src/storage/kill-when-ready.test-support.js';

/*
 * Fault test for invocation logging: a process records invocations whose records are still waiting in an S3 batch,
 * is killed with SIGKILL, and a new process over the same data folder delivers every invocation recorded more than
 * the spool's sync interval before the kill (in process, S3 the in-memory store; bedrock-logging-restart.test.ts
 * does the same to the running server under real traffic).
 */
const CHILD = fileURLToPath(new URL('./bedrock-logging-crash-child.ts', import.meta.url));


describe('invocation logging survives a crash', { timeout: 60_000 }, () => {
  it('delivers, after a restart, every invocation spooled before a kill -9', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-bedrock-crash-'));
    try {
      const acknowledged = await killWhenReady(CHILD, [dataDir]);
      const storage = await openDuckDbStorage({ dataDir });
      const objects = new MemoryObjects();
      objects.addBucket('crash-logs');
      const { logger } = await openInvocationLogging({ storage, dataDir, clock: new ManualClock(CRASH_T0 + 60_000), objects, logError: () => undefined });
      await logger.close();
      await storage.close();
      const ids = objects.keys().filter((k) => k.endsWith('.json.gz')).flatMap((key) =>
        gunzipSync(objects.objects.get(key)?.body ?? new Uint8Array()).toString('utf8').trim().split('\n')
          .map((line) => (JSON.parse(line) as { requestId: string }).requestId));
      const unique = new Set(ids);
      for (let i = 0; i < acknowledged; i++) assert.ok(unique.has(`req-${i}`), `req-${i} was delivered after the restart`);
      assert.equal(unique.size, ids.length, 'each spooled invocation is delivered once');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
