import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestMetricFilterResponse } from '../../../models/logs/index.js';
import { logsHarness } from '../logs-harness.test-support.js';

describe('TestMetricFilter', () => {
  it('numbers matches from 1 and returns extracted values', async () => {
    const h = logsHarness();
    const result = await h.call<TestMetricFilterResponse>('TestMetricFilter', {
      filterPattern: '[ip, user, username, timestamp, request, status_code = 4*, bytes]',
      logEventMessages: [
        '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
        '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 404 2326',
      ],
    });
    assert.deepEqual(result.matches, [{
      eventNumber: 2,
      eventMessage: '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 404 2326',
      extractedValues: {
        $ip: '127.0.0.1', $user: '-', $username: 'frank', $timestamp: '10/Oct/2000:13:35:22 -0700',
        $request: 'GET /apache_pb.gif HTTP/1.0', $status_code: '404', $bytes: '2326',
      },
    }]);
  });

  it('matches terms and reports invalid patterns and inputs', async () => {
    const h = logsHarness();
    const result = await h.call<TestMetricFilterResponse>('TestMetricFilter', { filterPattern: 'ERROR', logEventMessages: ['ok', 'ERROR boom'] });
    assert.deepEqual(result.matches?.map((m) => m.eventNumber), [2]);
    await h.fails('TestMetricFilter', { filterPattern: '"open', logEventMessages: ['x'] }, 'InvalidParameterException');
    await h.fails('TestMetricFilter', { filterPattern: 'x', logEventMessages: [] }, 'InvalidParameterException', /Member must have length greater than or equal to 1/);
    await h.fails('TestMetricFilter', { filterPattern: 'x', logEventMessages: Array.from({ length: 51 }, () => 'm') }, 'InvalidParameterException', /Member must have length less than or equal to 50/);
  });
});
