// Child of bedrock-logging-crash.test.ts: configures S3 logging (records batch for an hour, so none is delivered),
// records outcomes, waits past the spool's 200 ms sync interval, prints `ready <n>`, and keeps recording until killed.
import { ManualClock } from '../../src/kernel/index.js';
import { MemoryObjects } from '../../src/services/bedrock/logging/logging-fakes.test-support.js';
import { openDuckDbStorage } from '../../src/storage-duckdb/index.js';
import { openInvocationLogging } from '../../src/server/invocation-logging.js';
import { CRASH_CTX, crashOutcome } from './bedrock-logging-crash-fixture.js';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: bedrock-logging-crash-child <dataDir>');
const storage = await openDuckDbStorage({ dataDir });
const objects = new MemoryObjects();
objects.addBucket('crash-logs');
const { logger, operations } = await openInvocationLogging({
  storage, dataDir, clock: new ManualClock(CRASH_CTX.clock.now()), objects,
  logError: (message) => process.stderr.write(`${message}\n`),
  loggerOptions: { s3BatchMaxAgeMs: 3_600_000 },
});
await operations.get('PutModelInvocationLoggingConfiguration')?.({ loggingConfig: { s3Config: { bucketName: 'crash-logs' }, textDataDeliveryEnabled: true } }, CRASH_CTX);
let i = 0;
for (; i < 50; i++) logger.record(crashOutcome(i));
await new Promise((resolve) => setTimeout(resolve, 500));
process.stdout.write(`ready ${i}\n`);
for (;;) {
  for (let k = 0; k < 20; k++) logger.record(crashOutcome(i++));
  await new Promise((resolve) => setTimeout(resolve, 1));
}
