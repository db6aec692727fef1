import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { discoveredTextFields } from './known-log-fields.js';

const ID = '7c1d2d5e-1b2a-4c3d-8e9f-0a1b2c3d4e5f';

describe('discoveredTextFields', () => {
  test('a Lambda REPORT line has the platform fields and its figures', () => {
    const line = `REPORT RequestId: ${ID}\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 18 MB\t`;
    assert.deepEqual(discoveredTextFields(line).sort(), ['@billedDuration', '@duration', '@maxMemoryUsed', '@memorySize', '@requestId', '@type']);
  });

  test('Init Duration and the X-Ray ids appear only when the line has them', () => {
    const line = `REPORT RequestId: ${ID}\tDuration: 1 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 18 MB\tInit Duration: 150.33 ms\tXRAY TraceId: 1-abc\tSegmentId: 6a0f\tSampled: true`;
    const fields = discoveredTextFields(line);
    for (const name of ['@initDuration', '@xrayTraceId', '@xraySegmentId']) assert.ok(fields.includes(name), name);
  });

  test("a runtime's own line carries @requestId only", () => {
    assert.deepEqual(discoveredTextFields(`2024-05-01T10:00:00.050Z\t${ID}\tINFO\tprocessing`), ['@requestId']);
  });

  test('a default-format VPC flow record has all fourteen fields', () => {
    const line = '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK';
    assert.equal(discoveredTextFields(line).length, 14);
  });

  test('a Route 53 query log record has the nine fields of the table', () => {
    const line = '1.0 2017-12-13T08:16:02.130Z Z123412341234 example.com A NOERROR UDP FRA6 192.168.1.1 -';
    assert.deepEqual(discoveredTextFields(line), ['version', 'queryTimestamp', 'hostZoneId', 'queryName', 'queryType', 'responseCode', 'protocol', 'edgeLocation', 'resolverIp']);
  });

  test('other lines, and a flow record of another shape, discover nothing', () => {
    assert.deepEqual(discoveredTextFields('[ERROR] db The error was: timeout after 30s'), []);
    assert.deepEqual(discoveredTextFields('{"version":2,"action":"ACCEPT"}'), []);
    assert.deepEqual(discoveredTextFields('2 123456789010 eni-1 a b c d e f g h i j OK extra'), []);
    assert.deepEqual(discoveredTextFields(`REPORTS RequestId: ${ID}\tDuration: 1 ms`), []);
  });
});
