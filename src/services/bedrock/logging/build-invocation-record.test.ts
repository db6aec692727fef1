import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildInvocationRecord, isoSeconds } from './build-invocation-record.js';
import { planRecordBodies } from './plan-record-bodies.js';
import { renderInvocationRecord } from './render-invocation-record.js';
import { RECORD_CASES } from './testdata/record-cases.js';

const UUID = '0b5c3f4e-7a61-4d2b-9c88-5f1e2d3c4b5a';
const goldenPath = (name: string): URL => new URL(`./testdata/records/${name}.txt`, import.meta.url);

/** The exact record line (as written to CloudWatch Logs and S3) and the large-data objects it points to. */
function render(name: string): string {
  const found = RECORD_CASES.find((c) => c.name === name);
  assert.ok(found);
  const planned = planRecordBodies({ outcome: found.outcome, config: found.config, largeData: found.largeData, uuid: UUID });
  const lines = [JSON.stringify(buildInvocationRecord(found.outcome, planned))];
  for (const upload of planned.uploads) lines.push(`upload s3://${upload.bucket}/${upload.key} ${upload.body.byteLength} bytes`);
  return `${lines.join('\n')}\n`;
}

describe('invocation record goldens (UPDATE_GOLDEN=1 rewrites testdata/records)', () => {
  for (const { name } of RECORD_CASES) {
    it(name, () => {
      const actual = render(name);
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(goldenPath(name), actual);
      assert.equal(actual, readFileSync(goldenPath(name), 'utf8'));
    });
  }
});

describe('record rules', () => {
  it('writes the timestamp in UTC at second precision', () => {
    assert.equal(isoSeconds(Date.UTC(2025, 2, 11, 0, 38, 2, 999)), '2025-03-11T00:38:02Z');
    assert.equal(isoSeconds(Date.UTC(2025, 2, 11, 0, 38, 3, 0)), '2025-03-11T00:38:03Z');
    assert.equal(isoSeconds(Date.UTC(1999, 11, 31, 23, 59, 59, 1)), '1999-12-31T23:59:59Z');
  });

  it('keeps AWS member order', () => {
    const [first] = RECORD_CASES;
    assert.ok(first);
    const record = buildInvocationRecord(first.outcome, planRecordBodies({ outcome: first.outcome, config: first.config, largeData: undefined, uuid: UUID }));
    assert.deepEqual(Object.keys(record), ['schemaType', 'schemaVersion', 'timestamp', 'accountId', 'identity', 'region', 'requestId', 'operation', 'modelId', 'input', 'output', 'inferenceRegion', 'requestMetadata']);
    assert.deepEqual(Object.keys(record['input'] as object), ['inputContentType', 'inputBodyJson', 'inputTokenCount', 'cacheReadInputTokenCount', 'cacheWriteInputTokenCount']);
    assert.deepEqual(Object.keys(record['output'] as object), ['outputContentType', 'outputBodyJson', 'outputTokenCount']);
  });

  it('inlines a body of exactly 100 KiB and offloads one byte more', () => {
    const [first] = RECORD_CASES;
    assert.ok(first);
    const sized = (n: number) => ({ ...first.outcome, input: { contentType: 'application/json', json: 'y'.repeat(n - 2), modalities: ['text'] as const } });
    const at = planRecordBodies({ outcome: sized(102_400), config: first.config, largeData: { bucketName: 'b' }, uuid: UUID });
    assert.equal(at.input.kind, 'inline');
    const over = planRecordBodies({ outcome: sized(102_401), config: first.config, largeData: { bucketName: 'b' }, uuid: UUID });
    assert.equal(over.input.kind, 'offloaded');
    assert.equal(over.uploads[0]?.body.byteLength, 102_401);
  });
});

describe('renderInvocationRecord', () => {
  it('writes exactly JSON.stringify(buildInvocationRecord(...)) for every golden case', () => {
    for (const c of RECORD_CASES) {
      const planned = planRecordBodies({ outcome: c.outcome, config: c.config, largeData: c.largeData, uuid: UUID });
      assert.equal(renderInvocationRecord(c.outcome, planned), JSON.stringify(buildInvocationRecord(c.outcome, planned)), c.name);
    }
  });
});
